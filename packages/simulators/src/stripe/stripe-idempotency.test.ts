import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { payOnHostedCheckout, stripeServerControl } from './stripe-control-client.ts';
import { startStripeServer, type RunningStripeServer } from './stripe-server.ts';
import { sessionParams, stripeCall } from './stripe-test-client.ts';

// Idempotency keys as Stripe keeps them, seen on the wire: what is stored, replayed, refused.
describe('local Stripe server: idempotency keys', () => {
  let server: RunningStripeServer;
  const state = () => stripeServerControl.state(server.url);

  beforeAll(async () => {
    server = await startStripeServer({ secretKeys: ['sk_test_himal_local', 'sk_test_other_account'] });
  });
  afterAll(() => server.close());
  beforeEach(() => stripeServerControl.reset(server.url));

  it('replays the first answer for the same key and parameters, marked Idempotent-Replayed, and runs once', async () => {
    const first = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', {
      params: sessionParams(25_000),
      idempotencyKey: 'k-1',
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', {
      params: sessionParams(25_000),
      idempotencyKey: 'k-1',
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('original-request')).toBe(first.headers.get('request-id'));
    expect(again.headers.get('idempotency-key')).toBe('k-1');
    expect((await state()).checkoutSessions).toHaveLength(1);
  });

  it('compares parameters, not their order', async () => {
    const params = sessionParams(25_000);
    const reversed = Object.fromEntries(Object.entries(params).reverse());
    const first = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', { params, idempotencyKey: 'k-order' });
    const again = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', { params: reversed, idempotencyKey: 'k-order' });
    expect(again.body.id).toBe(first.body.id);
  });

  it('refuses the key with other parameters (400 idempotency_error) and on another endpoint', async () => {
    await stripeCall(server.url, 'POST', '/v1/checkout/sessions', { params: sessionParams(25_000), idempotencyKey: 'k-2' });
    const other = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', {
      params: sessionParams(26_000),
      idempotencyKey: 'k-2',
    });
    expect(other.status).toBe(400);
    expect(other.body.error?.type).toBe('idempotency_error');
    expect(other.body.error?.message).toContain(
      'Keys for idempotent requests can only be used with the same parameters they were first used with',
    );
    const elsewhere = await stripeCall(server.url, 'POST', '/v1/payment_intents', {
      params: { amount: 1000, currency: 'usd' },
      idempotencyKey: 'k-2',
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error?.type).toBe('idempotency_error');
    expect((await state()).checkoutSessions).toHaveLength(1);
    expect((await state()).paymentIntents).toHaveLength(0);
  });

  it('answers 409 idempotency_error to a request made while the first with its key still runs', async () => {
    await stripeServerControl.setLatency(server.url, 400);
    const call = () =>
      stripeCall(server.url, 'POST', '/v1/checkout/sessions', { params: sessionParams(25_000), idempotencyKey: 'k-3' });
    const first = call();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const second = await call();
    expect(second.status).toBe(409);
    expect(second.body.error?.type).toBe('idempotency_error');
    expect((await first).status).toBe(200);
    // Once the first has finished, the key replays it.
    const third = await call();
    expect(third.headers.get('idempotent-replayed')).toBe('true');
    expect(third.body.id).toBe((await first).body.id);
  });

  it('keeps nothing for a request that failed validation: the key can then be used with other parameters', async () => {
    const invalid = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', {
      params: { mode: 'payment', success_url: 'http://x.test/' },
      idempotencyKey: 'k-4',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ type: 'invalid_request_error', param: 'line_items' });
    const valid = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', {
      params: sessionParams(25_000),
      idempotencyKey: 'k-4',
    });
    expect(valid.status).toBe(200);
    expect(valid.headers.get('idempotent-replayed')).toBeNull();
  });

  it('keeps the answer of a request that ran and failed (a state error), and replays it', async () => {
    const session = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', { params: sessionParams(25_000) });
    await payOnHostedCheckout(String(session.body.url), { number: '4242424242424242' });
    const paid = await stripeCall(server.url, 'GET', `/v1/checkout/sessions/${String(session.body.id)}`);
    const intentId = String(paid.body.payment_intent);
    const capture = () =>
      stripeCall(server.url, 'POST', `/v1/payment_intents/${intentId}/capture`, {
        params: { amount_to_capture: 30_000 },
        idempotencyKey: 'k-5',
      });
    const tooMuch = await capture();
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error?.code).toBe('amount_too_large');
    const replayed = await capture();
    expect(replayed.status).toBe(400);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body).toEqual(tooMuch.body);
  });

  it('stores nothing for an injected outage (a 500 before the endpoint runs), so a retry with the key succeeds', async () => {
    await stripeServerControl.addFault(server.url, {
      operation: 'checkout.sessions.create',
      kind: 'http-status',
      status: 500,
      times: 1,
    });
    const failed = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', {
      params: sessionParams(25_000),
      idempotencyKey: 'k-6',
    });
    expect(failed.status).toBe(500);
    expect(failed.body.error?.type).toBe('api_error');
    const retried = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', {
      params: sessionParams(25_000),
      idempotencyKey: 'k-6',
    });
    expect(retried.status).toBe(200);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it('scopes keys to the API key, forgets them after 24 hours, and ignores them on GET', async () => {
    const mine = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', {
      params: sessionParams(25_000),
      idempotencyKey: 'k-7',
    });
    const theirs = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', {
      params: sessionParams(26_000),
      idempotencyKey: 'k-7',
      apiKey: 'sk_test_other_account',
    });
    expect(theirs.status).toBe(200);
    expect(theirs.body.id).not.toBe(mine.body.id);

    await stripeServerControl.advanceClock(server.url, 24 * 3600 * 1000 + 1_000);
    const later = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', {
      params: sessionParams(27_000),
      idempotencyKey: 'k-7',
    });
    expect(later.status).toBe(200);
    expect(later.body.id).not.toBe(mine.body.id);

    const read = await stripeCall(server.url, 'GET', `/v1/checkout/sessions/${String(later.body.id)}`, { idempotencyKey: 'k-7' });
    expect(read.status).toBe(200);
  });

  it('refuses a key longer than 255 characters', async () => {
    const answer = await stripeCall(server.url, 'POST', '/v1/checkout/sessions', {
      params: sessionParams(25_000),
      idempotencyKey: 'k'.repeat(256),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error?.message).toContain('idempotency key');
  });
});
