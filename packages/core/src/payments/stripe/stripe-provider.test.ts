import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  LOCAL_STRIPE_SECRET_KEY,
  LOCAL_STRIPE_WEBHOOK_SECRET,
  payOnHostedCheckout,
  signWebhookPayload,
  startStripeServer,
  stripeServerControl,
  type RunningStripeServer,
} from '@himal/simulators';
import type { Money } from '@himal/gds';
import { isPaymentError, type PaymentErrorCode } from '../payment-errors.ts';
import type { PaymentProvider, StartPaymentRequest } from '../payment-provider.ts';
import { paymentErrorFromStripe } from './map-stripe-error.ts';
import { readStripeWebhook } from './read-stripe-webhook.ts';
import { stripeConfigFromEnv } from './stripe-config.ts';
import { createStripeProvider } from './stripe-provider.ts';

// The Stripe provider on the real SDK against the local Stripe server, a traveller paying on its
// hosted page over HTTP, and its webhooks received by a plain node:http endpoint.
const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });

async function refusal(
  promise: Promise<unknown> | (() => unknown),
): Promise<{ code: PaymentErrorCode; retryable: boolean; message: string }> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (isPaymentError(error)) return { code: error.code, retryable: error.retryable, message: error.message };
    throw error;
  }
  throw new Error('expected a PaymentError');
}

describe('Stripe provider', () => {
  let server: RunningStripeServer;
  let receiver: Server;
  let provider: PaymentProvider;
  const webhooks: { body: string; signature: string | null }[] = [];
  let paymentCount = 0;

  const request = (amount: Money, extra: Partial<StartPaymentRequest> = {}): StartPaymentRequest => {
    paymentCount += 1;
    return {
      paymentId: `pay_${paymentCount}`,
      tenantId: 'ten_everest',
      orderId: `ord_${paymentCount}`,
      amount,
      description: 'Everest Treks · booking K7M2QX',
      customerEmail: 'traveller@example.com',
      successUrl: 'http://everest.localhost:3000/checkout/done?session={CHECKOUT_SESSION_ID}',
      cancelUrl: 'http://everest.localhost:3000/checkout/cancelled',
      ...extra,
    };
  };
  const pay = (redirectUrl: string | undefined, number = '4242424242424242') => payOnHostedCheckout(redirectUrl!, { number });
  const authorized = async (amount: Money) => {
    const started = await provider.startPayment(request(amount), `start-${paymentCount}`);
    expect((await pay(started.redirectUrl)).status).toBe(303);
    return started.providerReference;
  };

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        webhooks.push({ body, signature: (req.headers['stripe-signature'] as string | undefined) ?? null });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    server = await startStripeServer({
      webhookEndpoints: [
        { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/stripe`, secret: LOCAL_STRIPE_WEBHOOK_SECRET },
      ],
      webhookRetry: { initialDelayMs: 20, maxDelayMs: 50 },
    });
    provider = createStripeProvider(
      stripeConfigFromEnv({
        STRIPE_SECRET_KEY: LOCAL_STRIPE_SECRET_KEY,
        STRIPE_WEBHOOK_SECRET: LOCAL_STRIPE_WEBHOOK_SECRET,
        STRIPE_API_URL: server.url,
      }),
    );
  });
  afterAll(async () => {
    await server.close();
    await new Promise((resolve) => receiver.close(resolve));
  });
  beforeEach(async () => {
    await stripeServerControl.reset(server.url);
    webhooks.length = 0;
  });

  it('takes a whole payment: hosted page, authorized, captured in part, refunded in part and then in full', async () => {
    const started = await provider.startPayment(request(usd(25_000)), 'start-whole');
    expect(started).toMatchObject({ provider: 'stripe', providerReference: expect.stringMatching(/^cs_test_/) });
    expect(started.redirectUrl).toBe(`${server.url}/checkout/pay/${started.providerReference}`);
    expect(started.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 23 * 3600 * 1000);
    const reference = started.providerReference;
    expect(await provider.retrieve(reference, usd(25_000))).toMatchObject({ status: 'pending', capturedMinor: 0 });

    const page = await pay(started.redirectUrl);
    expect(page.status).toBe(303);
    expect(page.location).toBe(`http://everest.localhost:3000/checkout/done?session=${reference}`);
    const held = await provider.retrieve(reference, usd(25_000));
    expect(held).toMatchObject({ status: 'authorized', amount: usd(25_000), capturedMinor: 0, refundedMinor: 0 });
    expect(held.transactionReference).toMatch(/^ch_/);

    const captured = await provider.capture(reference, usd(20_000), 'capture-whole');
    expect(captured).toMatchObject({ status: 'captured', capturedMinor: 20_000, refundedMinor: 0 });
    expect(await provider.retrieve(reference, usd(25_000))).toMatchObject({ status: 'captured', capturedMinor: 20_000 });

    const part = await provider.refund(reference, usd(5_000), 'refund-whole-1');
    expect(part).toMatchObject({ provider: 'stripe', amount: usd(5_000), status: 'succeeded' });
    expect(part.refundReference).toMatch(/^re_/);
    expect(await provider.retrieve(reference, usd(25_000))).toMatchObject({ status: 'partially_refunded', refundedMinor: 5_000 });
    await provider.refund(reference, usd(15_000), 'refund-whole-2');
    expect(await provider.retrieve(reference, usd(25_000))).toMatchObject({
      status: 'refunded',
      capturedMinor: 20_000,
      refundedMinor: 20_000,
    });
    expect((await refusal(provider.refund(reference, usd(1), 'refund-whole-3'))).code).toBe('PAYMENT_DECLINED');

    const state = await stripeServerControl.state(server.url);
    expect(state.paymentIntents).toHaveLength(1);
    expect(state.paymentIntents[0]).toMatchObject({
      capture_method: 'manual',
      metadata: {
        tenant_id: 'ten_everest',
        order_id: expect.stringMatching(/^ord_/),
        payment_id: expect.stringMatching(/^pay_/),
      },
    });
  });

  it('shows each declined test card on the page and keeps the payment pending until a card goes through', async () => {
    const started = await provider.startPayment(request(usd(12_000)), 'start-declines');
    const declines = [
      ['4000000000000002', 'Your card was declined.'],
      ['4000000000009995', 'Your card has insufficient funds.'],
      ['4000000000000069', 'Your card has expired.'],
    ];
    for (const [card, message] of declines) {
      const page = await pay(started.redirectUrl, card);
      expect(page.status, card).toBe(402);
      expect(page.html, card).toContain(message);
      expect((await provider.retrieve(started.providerReference, usd(12_000))).status, card).toBe('pending');
    }
    expect((await pay(started.redirectUrl)).status).toBe(303);
    expect((await provider.retrieve(started.providerReference, usd(12_000))).status).toBe('authorized');
    const state = await stripeServerControl.state(server.url);
    expect(state.events.filter((e) => e.type === 'payment_intent.payment_failed')).toHaveLength(3);
  });

  it('reads a card decline from the API as PAYMENT_DECLINED', async () => {
    const stripe = new Stripe(LOCAL_STRIPE_SECRET_KEY, { host: '127.0.0.1', port: server.port, protocol: 'http' });
    const declined = await stripe.paymentIntents
      .create({ amount: 2_000, currency: 'usd', confirm: true, payment_method: 'pm_card_chargeDeclinedInsufficientFunds' })
      .catch((error: unknown) => paymentErrorFromStripe(error, 'confirm'));
    expect(isPaymentError(declined) && declined.code).toBe('PAYMENT_DECLINED');
    expect((declined as Error).message).toContain('insufficient_funds');
  });

  describe('void', () => {
    it('releases an authorization; it can then not be captured, and voiding again says voided', async () => {
      const reference = await authorized(usd(30_000));
      expect(await provider.void(reference, usd(30_000), 'void-1')).toMatchObject({ status: 'voided', capturedMinor: 0 });
      expect((await refusal(provider.capture(reference, usd(30_000), 'capture-after-void'))).code).toBe(
        'PAYMENT_REQUEST_REFUSED',
      );
      expect((await provider.void(reference, usd(30_000), 'void-1-again')).status).toBe('voided');
    });

    it('closes a session nobody paid, so it can no longer be paid', async () => {
      const started = await provider.startPayment(request(usd(30_000)), 'start-unpaid');
      expect((await provider.void(started.providerReference, usd(30_000), 'void-2')).status).toBe('failed');
      expect((await fetch(started.redirectUrl!)).status).toBe(410);
      expect((await provider.void(started.providerReference, usd(30_000), 'void-2')).status).toBe('failed');
    });

    it('refuses to void what has been captured (refund it instead)', async () => {
      const reference = await authorized(usd(30_000));
      await provider.capture(reference, usd(30_000), 'capture-3');
      expect((await refusal(provider.void(reference, usd(30_000), 'void-3'))).code).toBe('PAYMENT_REQUEST_REFUSED');
    });
  });

  describe('idempotency', () => {
    it('opens one session for one key, and refuses the key with other parameters', async () => {
      const payment = request(usd(25_000));
      const first = await provider.startPayment(payment, 'start-same-key');
      const again = await provider.startPayment(payment, 'start-same-key');
      expect(again).toEqual(first);
      expect((await stripeServerControl.state(server.url)).checkoutSessions).toHaveLength(1);
      const other = await refusal(provider.startPayment({ ...payment, amount: usd(26_000) }, 'start-same-key'));
      expect(other.code).toBe('PAYMENT_REQUEST_REFUSED');
      expect(other.message).toContain('idempotency key');
    });

    it('captures once for a retried key, and takes a retry with a new key as already done', async () => {
      const reference = await authorized(usd(25_000));
      const first = await provider.capture(reference, usd(25_000), 'capture-once');
      expect(await provider.capture(reference, usd(25_000), 'capture-once')).toEqual(first);
      expect(await provider.capture(reference, usd(25_000), 'capture-once-new-key')).toMatchObject({ status: 'captured' });
      const state = await stripeServerControl.state(server.url);
      expect(state.events.filter((e) => e.type === 'payment_intent.succeeded')).toHaveLength(1);
    });

    it('refunds once for a retried key', async () => {
      const reference = await authorized(usd(25_000));
      await provider.capture(reference, usd(25_000), 'capture-r');
      const first = await provider.refund(reference, usd(1_000), 'refund-once');
      expect(await provider.refund(reference, usd(1_000), 'refund-once')).toEqual(first);
      expect((await stripeServerControl.state(server.url)).refunds).toHaveLength(1);
    });
  });

  describe('currencies', () => {
    it('charges JPY in whole yen and KWD in fils, capturing part of either', async () => {
      const yen = await authorized({ amountMinor: 5_000, currency: 'JPY' });
      expect(await provider.retrieve(yen, { amountMinor: 5_000, currency: 'JPY' })).toMatchObject({
        status: 'authorized',
        amount: { amountMinor: 5_000, currency: 'JPY' },
      });
      expect(await provider.capture(yen, { amountMinor: 4_000, currency: 'JPY' }, 'capture-jpy')).toMatchObject({
        capturedMinor: 4_000,
      });

      const dinar = await authorized({ amountMinor: 12_340, currency: 'KWD' });
      const captured = await provider.capture(dinar, { amountMinor: 10_000, currency: 'KWD' }, 'capture-kwd');
      expect(captured).toMatchObject({
        status: 'captured',
        capturedMinor: 10_000,
        amount: { amountMinor: 12_340, currency: 'KWD' },
      });
      const state = await stripeServerControl.state(server.url);
      expect(state.checkoutSessions.map((s) => [s.currency, s.amount_total])).toEqual([
        ['jpy', 5_000],
        ['kwd', 12_340],
      ]);
    });

    it('refuses a KWD amount Stripe cannot take, before asking Stripe, and a capture in another currency', async () => {
      const odd = await refusal(provider.startPayment(request({ amountMinor: 12_345, currency: 'KWD' }), 'start-kwd-odd'));
      expect(odd.code).toBe('PAYMENT_REQUEST_REFUSED');
      expect((await stripeServerControl.state(server.url)).checkoutSessions).toHaveLength(0);
      const reference = await authorized(usd(25_000));
      expect((await refusal(provider.capture(reference, { amountMinor: 25_000, currency: 'EUR' }, 'capture-eur'))).code).toBe(
        'PAYMENT_REQUEST_REFUSED',
      );
    });
  });

  describe('failures', () => {
    it('reports an outage as PAYMENT_PROVIDER_UNAVAILABLE (retryable), after which the same key succeeds', async () => {
      // The SDK retries once (maxNetworkRetries 1), so two failures make the call fail.
      await stripeServerControl.addFault(server.url, {
        operation: 'checkout.sessions.create',
        kind: 'http-status',
        status: 500,
        times: 2,
      });
      const payment = request(usd(25_000));
      const outage = await refusal(provider.startPayment(payment, 'start-outage'));
      expect(outage).toMatchObject({ code: 'PAYMENT_PROVIDER_UNAVAILABLE', retryable: true });
      expect((await provider.startPayment(payment, 'start-outage')).providerReference).toMatch(/^cs_test_/);
    });

    it('reports a start still running under the same key as PAYMENT_PROVIDER_UNAVAILABLE (Stripe answers 409)', async () => {
      await stripeServerControl.setLatency(server.url, 1_500);
      const payment = request(usd(25_000));
      const first = provider.startPayment(payment, 'start-in-flight');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await refusal(provider.startPayment(payment, 'start-in-flight'))).toMatchObject({
        code: 'PAYMENT_PROVIDER_UNAVAILABLE',
        retryable: true,
      });
      await stripeServerControl.setLatency(server.url, 0);
      const opened = await first;
      expect(await provider.startPayment(payment, 'start-in-flight')).toEqual(opened);
    });

    it('reports a timeout and a server that is not there as PAYMENT_PROVIDER_UNAVAILABLE', async () => {
      const impatient = createStripeProvider({
        secretKey: LOCAL_STRIPE_SECRET_KEY,
        apiUrl: server.url,
        timeoutMs: 200,
        maxNetworkRetries: 0,
      });
      await stripeServerControl.addFault(server.url, {
        operation: 'checkout.sessions.retrieve',
        kind: 'timeout',
        delayMs: 5_000,
        times: 1,
      });
      expect((await refusal(impatient.retrieve('cs_test_slow', usd(1)))).code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');

      const gone = await startStripeServer();
      await gone.close();
      const nowhere = createStripeProvider({ secretKey: LOCAL_STRIPE_SECRET_KEY, apiUrl: gone.url, maxNetworkRetries: 0 });
      expect((await refusal(nowhere.retrieve('cs_test_any', usd(1)))).code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    });

    it('reports an unknown payment as PAYMENT_NOT_FOUND, a wrong key as PAYMENT_METHOD_UNAVAILABLE, and a foreign reference as refused', async () => {
      expect((await refusal(provider.retrieve('cs_test_nobody', usd(1)))).code).toBe('PAYMENT_NOT_FOUND');
      expect((await refusal(provider.capture('pi_nobody', usd(1), 'k'))).code).toBe('PAYMENT_NOT_FOUND');
      const wrongKey = createStripeProvider({ secretKey: 'sk_test_not_this_one', apiUrl: server.url });
      const refused = await refusal(wrongKey.retrieve('cs_test_x', usd(1)));
      expect(refused.code).toBe('PAYMENT_METHOD_UNAVAILABLE');
      expect(refused.message).not.toContain('not_this_one');
      expect((await refusal(provider.retrieve('esewa-123', usd(1)))).code).toBe('PAYMENT_REQUEST_REFUSED');
    });
  });

  describe('webhooks', () => {
    const eventually = async <T>(read: () => T | undefined, timeoutMs = 3_000): Promise<T> => {
      for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((r) => setTimeout(r, 20))) {
        const value = read();
        if (value !== undefined) return value;
      }
      throw new Error('timed out waiting for webhooks');
    };

    it('verifies what the server delivers and reads the payment it is about', async () => {
      const reference = await authorized(usd(25_000));
      await provider.capture(reference, usd(25_000), 'capture-webhooks');
      await eventually(() => (webhooks.length >= 3 ? true : undefined));
      const events = webhooks.map((w) => readStripeWebhook(w.body, w.signature, LOCAL_STRIPE_WEBHOOK_SECRET));
      const completed = events.find((e) => e.type === 'checkout.session.completed');
      expect(completed).toMatchObject({
        checkoutSessionId: reference,
        paymentIntentId: expect.stringMatching(/^pi_/),
        tenantId: 'ten_everest',
        orderId: expect.stringMatching(/^ord_/),
        status: 'authorized',
      });
      expect(completed!.eventId).toMatch(/^evt_/);
      expect(completed!.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(events.find((e) => e.type === 'payment_intent.amount_capturable_updated')).toMatchObject({
        paymentId: expect.stringMatching(/^pay_/),
        status: 'authorized',
      });
      expect(events.find((e) => e.type === 'payment_intent.succeeded')).toMatchObject({ status: 'captured' });
    });

    it('refuses a forged signature, a stale timestamp, an altered body and a missing header', async () => {
      const body = JSON.stringify({
        id: 'evt_1',
        object: 'event',
        type: 'payment_intent.succeeded',
        created: 1,
        data: { object: { id: 'pi_1', object: 'payment_intent' } },
      });
      const now = Math.floor(Date.now() / 1000);
      const good = signWebhookPayload(body, LOCAL_STRIPE_WEBHOOK_SECRET, now);
      expect(readStripeWebhook(body, good, LOCAL_STRIPE_WEBHOOK_SECRET)).toMatchObject({
        eventId: 'evt_1',
        paymentIntentId: 'pi_1',
      });

      const forged = signWebhookPayload(body, 'whsec_someone_else', now);
      const stale = signWebhookPayload(body, LOCAL_STRIPE_WEBHOOK_SECRET, now - 301);
      for (const [what, raw, header] of [
        ['forged', body, forged],
        ['stale', body, stale],
        ['altered', body.replace('pi_1', 'pi_2'), good],
        ['missing', body, null],
        ['garbled', body, 'not a signature'],
      ] as const) {
        const refused = await refusal(() => readStripeWebhook(raw, header, LOCAL_STRIPE_WEBHOOK_SECRET));
        expect(refused.code, what).toBe('PAYMENT_SIGNATURE_INVALID');
      }
      // A wider tolerance, or a receipt time of its own, is the caller's to choose.
      expect(readStripeWebhook(body, stale, LOCAL_STRIPE_WEBHOOK_SECRET, { toleranceSeconds: 600 }).eventId).toBe('evt_1');
      expect(readStripeWebhook(body, stale, LOCAL_STRIPE_WEBHOOK_SECRET, { now: new Date((now - 300) * 1000) }).eventId).toBe(
        'evt_1',
      );
    });

    it('refuses a correctly signed body that is not an event', async () => {
      const now = Math.floor(Date.now() / 1000);
      for (const body of ['not json', '{"hello":"world"}']) {
        const refused = await refusal(() =>
          readStripeWebhook(body, signWebhookPayload(body, LOCAL_STRIPE_WEBHOOK_SECRET, now), LOCAL_STRIPE_WEBHOOK_SECRET),
        );
        expect(refused.code, body).toBe('PAYMENT_MESSAGE_MALFORMED');
      }
    });
  });

  describe('configuration', () => {
    it('wants STRIPE_SECRET_KEY, checks the others, and never shows the secrets', async () => {
      expect((await refusal(() => stripeConfigFromEnv({}))).code).toBe('PAYMENT_METHOD_UNAVAILABLE');
      expect((await refusal(() => stripeConfigFromEnv({ STRIPE_SECRET_KEY: 'pk_test_public' }))).message).not.toContain(
        'pk_test_public',
      );
      expect((await refusal(() => stripeConfigFromEnv({ STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_API_URL: 'ftp://x' }))).code).toBe(
        'PAYMENT_METHOD_UNAVAILABLE',
      );
      const config = stripeConfigFromEnv({
        STRIPE_SECRET_KEY: 'sk_test_secret_value',
        STRIPE_WEBHOOK_SECRET: 'whsec_secret_value',
      });
      expect(config.secretKey).toBe('sk_test_secret_value');
      expect(config.apiUrl).toBeUndefined();
      expect(JSON.stringify(config)).not.toContain('secret_value');
      expect(inspect(config)).not.toContain('secret_value');
    });
  });
});
