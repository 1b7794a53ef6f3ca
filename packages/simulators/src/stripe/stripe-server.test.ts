import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { payOnHostedCheckout, stripeServerControl } from './stripe-control-client.ts';
import { LOCAL_STRIPE_WEBHOOK_SECRET, startStripeServer, type RunningStripeServer } from './stripe-server.ts';
import { sessionParams, stripeCall } from './stripe-test-client.ts';

// The local Stripe server over plain HTTP: its API's refusals, amounts, the hosted page, time, webhooks.
interface Received {
  body: string;
  signature: string;
}

describe('local Stripe server', () => {
  let server: RunningStripeServer;
  let receiver: Server;
  const received: Received[] = [];
  let failNext = 0;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ body, signature: String(req.headers['stripe-signature']) });
        res.writeHead(failNext-- > 0 ? 500 : 200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`;
    server = await startStripeServer({
      webhookEndpoints: [{ url: receiverUrl, secret: LOCAL_STRIPE_WEBHOOK_SECRET }],
      webhookRetry: { initialDelayMs: 20, maxDelayMs: 50, maxAttempts: 3 },
    });
  });
  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => receiver.close(resolve));
  });
  beforeEach(async () => {
    await stripeServerControl.reset(server.url);
    received.length = 0;
    failNext = 0;
  });

  const createSession = async (amount = 25_000, currency = 'usd', extra = {}) => {
    const answer = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', {
      params: sessionParams(amount, currency, extra),
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body as { id: string; url: string; amount_total: number };
  };
  const eventually = async <T>(read: () => T | undefined | Promise<T | undefined>, timeoutMs = 3_000): Promise<T> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (value !== undefined) return value;
      if (Date.now() > until) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  describe('API refusals', () => {
    it('wants a known secret key, and shows only its last four characters', async () => {
      const none = await stripeCall(server.url, 'GET', '/v1/checkout/sessions/cs_x', { apiKey: null });
      expect(none.status).toBe(401);
      expect(none.body.error?.message).toContain('You did not provide an API key');
      const wrong = await stripeCall(server.url, 'GET', '/v1/checkout/sessions/cs_x', {
        apiKey: 'sk_test_someone_elses_key_9876',
      });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error?.message).toMatch(/^Invalid API Key provided: sk_test_\*+9876$/);
      expect(JSON.stringify(wrong.body)).not.toContain('someone_elses');
    });

    it('names unknown URLs, unknown parameters and missing objects as Stripe does', async () => {
      const url = await stripeCall(server.url, 'GET', '/v1/customers');
      expect(url.status).toBe(404);
      expect(url.body.error?.message).toContain('Unrecognized request URL (GET: /v1/customers)');
      const param = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', {
        params: sessionParams(25_000, 'usd', { colour: 'red' }),
      });
      expect(param.status).toBe(400);
      expect(param.body.error).toMatchObject({ type: 'invalid_request_error', param: 'colour' });
      const missing = await stripeCall(server.url, 'GET', '/v1/payment_intents/pi_nope');
      expect(missing.status).toBe(404);
      expect(missing.body.error).toMatchObject({ code: 'resource_missing', message: "No such payment_intent: 'pi_nope'" });
    });

    it('refuses a body over 1 MiB', async () => {
      const answer = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', {
        body: `description=${'x'.repeat(1024 * 1024 + 1)}`,
      });
      expect(answer.status).toBe(413);
    });
  });

  describe('amounts', () => {
    it('takes zero-decimal currencies in whole units and three-decimal ones in thousandths ending in 0', async () => {
      expect((await createSession(5_000, 'jpy')).amount_total).toBe(5_000);
      expect((await createSession(12_340, 'kwd')).amount_total).toBe(12_340);
      const kwd = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', { params: sessionParams(12_345, 'kwd') });
      expect(kwd.status).toBe(400);
      expect(kwd.body.error?.code).toBe('invalid_charge_amount');
    });

    it('refuses what Stripe refuses: below the minimum charge, fractional ISK, past eight digits, not an integer', async () => {
      const cases: [number | string, string, string][] = [
        [49, 'usd', 'amount_too_small'],
        [49, 'jpy', 'amount_too_small'],
        [150, 'isk', 'invalid_charge_amount_no_decimal_compatible'],
        [100_000_000, 'usd', 'amount_too_large'],
      ];
      for (const [amount, currency, code] of cases) {
        const answer = await stripeCall(server.url, 'POST', '/v1/payment_intents', { params: { amount, currency } });
        expect(answer.status, `${amount} ${currency}`).toBe(400);
        expect(answer.body.error?.code, `${amount} ${currency}`).toBe(code);
      }
      const decimal = await stripeCall(server.url, 'POST', '/v1/payment_intents', {
        params: { amount: '12.50', currency: 'usd' },
      });
      expect(decimal.body.error).toMatchObject({ param: 'amount', message: 'Invalid integer: 12.50' });
    });
  });

  describe('hosted checkout page', () => {
    it('shows the amount and a card form with no external assets, and links back to cancel_url', async () => {
      const session = await createSession(25_000);
      const page = await fetch(session.url);
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(html).toContain('250.00 USD');
      expect(html).toContain('Annapurna Base Camp trek');
      expect(html).toMatch(/name="card_number"/);
      expect(html).not.toMatch(/<(script|link|img)\b/);
      expect(html).toContain('href="http://everest.localhost:3000/pay/cancelled"');
    });

    it('shows a decline (402) and keeps the session open; a good card completes it and redirects with the session id', async () => {
      const session = await createSession(25_000);
      const declined = await payOnHostedCheckout(session.url, { number: '4000000000009995' });
      expect(declined.status).toBe(402);
      expect(declined.html).toContain('Your card has insufficient funds.');
      const invalid = await payOnHostedCheckout(session.url, { number: '4242424242424241' });
      expect(invalid.status).toBe(400);

      const paid = await payOnHostedCheckout(session.url, { number: '4242 4242 4242 4242' });
      expect(paid.status).toBe(303);
      expect(paid.location).toBe(`http://everest.localhost:3000/pay/done?session=${session.id}`);
      const read = await stripeCall(server.url, 'GET', `/v1/checkout/sessions/${session.id}`, {
        params: { 'expand[0]': 'payment_intent', 'expand[1]': 'payment_intent.latest_charge' },
      });
      expect(read.body).toMatchObject({ status: 'complete', payment_status: 'unpaid', url: null });
      expect(read.body.payment_intent).toMatchObject({
        status: 'requires_capture',
        amount_capturable: 25_000,
        amount_received: 0,
        capture_method: 'manual',
        metadata: { payment_id: 'pay_1' },
        latest_charge: { status: 'succeeded', captured: false, payment_method_details: { card: { last4: '4242' } } },
      });

      // A second submission of the same page lands where the first did and charges nothing more.
      const twice = await fetch(new URL(`/checkout/pay/${session.id}`, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'card_number=4242424242424242&expiry=12%2F34&cvc=123',
        redirect: 'manual',
      });
      expect(twice.status).toBe(303);
      const state = await stripeServerControl.state(server.url);
      expect(state.charges.filter((c) => c.status === 'succeeded')).toHaveLength(1);
    });

    it('cannot be paid once the session is expired', async () => {
      const session = await createSession(25_000);
      await stripeCall(server.url, 'POST', `/v1/checkout/sessions/${session.id}/expire`);
      expect((await fetch(session.url)).status).toBe(410);
      const again = await stripeCall(server.url, 'POST', `/v1/checkout/sessions/${session.id}/expire`);
      expect(again.status).toBe(400);
    });
  });

  describe('captures, cancellations and refunds', () => {
    const authorized = async (amount = 25_000) => {
      const session = await createSession(amount);
      await payOnHostedCheckout(session.url, { number: '4242424242424242' });
      const read = await stripeCall(server.url, 'GET', `/v1/checkout/sessions/${session.id}`);
      return String(read.body.payment_intent);
    };

    it('captures part, releasing the rest, and refunds at most what was captured', async () => {
      const intent = await authorized();
      const captured = await stripeCall(server.url, 'POST', `/v1/payment_intents/${intent}/capture`, {
        params: { amount_to_capture: 20_000 },
      });
      expect(captured.body).toMatchObject({ status: 'succeeded', amount_received: 20_000, amount_capturable: 0 });
      const tooMuch = await stripeCall(server.url, 'POST', '/v1/refunds', { params: { payment_intent: intent, amount: 20_001 } });
      expect(tooMuch.body.error?.code).toBe('amount_too_large');
      const part = await stripeCall(server.url, 'POST', '/v1/refunds', { params: { payment_intent: intent, amount: 5_000 } });
      expect(part.body).toMatchObject({ object: 'refund', amount: 5_000, status: 'succeeded' });
      const rest = await stripeCall(server.url, 'POST', '/v1/refunds', { params: { payment_intent: intent } });
      expect(rest.body.amount).toBe(15_000);
      const none = await stripeCall(server.url, 'POST', '/v1/refunds', { params: { payment_intent: intent } });
      expect(none.body.error?.code).toBe('charge_already_refunded');
      const charge = await stripeCall(server.url, 'GET', `/v1/charges/${String(captured.body.latest_charge)}`);
      expect(charge.body).toMatchObject({ amount: 25_000, amount_captured: 20_000, amount_refunded: 25_000, refunded: true });
      const cancel = await stripeCall(server.url, 'POST', `/v1/payment_intents/${intent}/cancel`);
      expect(cancel.body.error?.code).toBe('payment_intent_unexpected_state');
    });

    it('cancels an authorization, after which it cannot be captured', async () => {
      const intent = await authorized();
      const canceled = await stripeCall(server.url, 'POST', `/v1/payment_intents/${intent}/cancel`, {
        params: { cancellation_reason: 'requested_by_customer' },
      });
      expect(canceled.body).toMatchObject({
        status: 'canceled',
        cancellation_reason: 'requested_by_customer',
        amount_capturable: 0,
      });
      const capture = await stripeCall(server.url, 'POST', `/v1/payment_intents/${intent}/capture`);
      expect(capture.body.error?.code).toBe('payment_intent_unexpected_state');
    });

    it('declines test PaymentMethods on confirm with a 402 card_error', async () => {
      const answer = await stripeCall(server.url, 'POST', '/v1/payment_intents', {
        params: { amount: 2_000, currency: 'usd', confirm: 'true', payment_method: 'pm_card_chargeDeclined' },
      });
      expect(answer.status).toBe(402);
      expect(answer.body.error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' });
    });
  });

  describe('time', () => {
    it('expires sessions at expires_at and lapses authorizations after 7 days', async () => {
      const open = await createSession(25_000);
      const toPay = await createSession(30_000);
      await payOnHostedCheckout(toPay.url, { number: '4242424242424242' });
      await stripeServerControl.advanceClock(server.url, 24 * 3600 * 1000);
      expect((await stripeCall(server.url, 'GET', `/v1/checkout/sessions/${open.id}`)).body.status).toBe('expired');
      await stripeServerControl.advanceClock(server.url, 6 * 24 * 3600 * 1000);
      const paid = await stripeCall(server.url, 'GET', `/v1/checkout/sessions/${toPay.id}`, {
        params: { 'expand[0]': 'payment_intent' },
      });
      expect(paid.body.payment_intent).toMatchObject({ status: 'canceled', cancellation_reason: 'automatic' });
      const types = (await stripeServerControl.state(server.url)).events.map((e) => e.type);
      expect(types).toEqual(expect.arrayContaining(['checkout.session.expired', 'payment_intent.canceled']));
    });
  });

  describe('webhooks', () => {
    it('signs each event as Stripe does (v1 HMAC-SHA256 of "t.body") and retries what was not acknowledged', async () => {
      failNext = 1;
      const session = await createSession(25_000);
      await payOnHostedCheckout(session.url, { number: '4242424242424242' });
      const completed = await eventually(() => {
        const deliveries = received.filter((r) => r.body.includes('"checkout.session.completed"'));
        return deliveries.length ? deliveries : undefined;
      });
      for (const delivery of received) {
        const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(delivery.signature) ?? [];
        expect(v1).toBe(createHmac('sha256', LOCAL_STRIPE_WEBHOOK_SECRET).update(`${t}.${delivery.body}`).digest('hex'));
        expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(60);
      }
      const event = JSON.parse(completed[0]!.body) as Record<string, unknown>;
      expect(event).toMatchObject({ object: 'event', type: 'checkout.session.completed', livemode: false });
      expect(String(event.id)).toMatch(/^evt_/);
      expect(event.data).toMatchObject({ object: { id: session.id, status: 'complete' } });

      // The first delivery was answered 500, so one event arrived twice.
      const retried = await eventually(async () => {
        const state = await stripeServerControl.state(server.url);
        return state.events.find((e) => e.deliveries.some((d) => d.status === 500) && e.deliveries.some((d) => d.status === 200));
      });
      expect(retried.deliveries.map((d) => d.status)).toEqual([500, 200]);
    });

    it('resends an event on request, and sends to endpoints added later with their own secret', async () => {
      const secret = 'whsec_added_later_for_this_test';
      const added = await stripeServerControl.addWebhookEndpoint(server.url, {
        url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/other`,
        secret,
        enabledEvents: ['checkout.session.expired'],
      });
      expect(added.secret).toBe(secret);
      const session = await createSession(25_000);
      await stripeCall(server.url, 'POST', `/v1/checkout/sessions/${session.id}/expire`);
      await eventually(() => (received.length >= 2 ? true : undefined));
      const state = await stripeServerControl.state(server.url);
      expect(JSON.stringify(state.webhookEndpoints)).not.toContain(secret);
      const expired = state.events.find((e) => e.type === 'checkout.session.expired')!;
      await stripeServerControl.resendEvent(server.url, expired.id, added.id);
      await eventually(() => (received.length >= 3 ? true : undefined));
      const resent = received[2]!;
      const [, t] = /^t=(\d+)/.exec(resent.signature)!;
      expect(resent.signature).toContain(createHmac('sha256', secret).update(`${t}.${resent.body}`).digest('hex'));
    });
  });
});
