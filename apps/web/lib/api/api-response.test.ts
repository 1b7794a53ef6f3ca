import { OrderError, PaymentError, SearchError, type OrderErrorCode, type PaymentErrorCode } from '@himal/core';
import { describe, expect, it } from 'vitest';
import { errorResponse } from './api-response.ts';

describe('error answers', () => {
  it('tell an overloaded client when to come back: 503 with Retry-After and the JSON error body', async () => {
    const response = errorResponse(
      new SearchError('SEARCH_OVERLOADED', 'too many searches are under way; try again shortly', { retryAfterSeconds: 2 }),
      'req_test',
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({
      error: { code: 'SEARCH_OVERLOADED', message: 'too many searches are under way; try again shortly', request_id: 'req_test' },
    });
  });

  it('hide what went wrong inside behind a request id', async () => {
    const response = errorResponse(new Error('connection string postgresql://secret@db'), 'req_test');
    expect(response.status).toBe(500);
    expect(response.headers.get('retry-after')).toBeNull();
    expect(JSON.stringify(await response.json())).not.toContain('secret');
  });

  it.each<[OrderErrorCode, number]>([
    ['NOT_FOUND', 404],
    ['ILLEGAL_TRANSITION', 409],
    ['INVENTORY_EXHAUSTED', 409],
    ['OFFER_PRICE_CHANGED', 409],
    ['OFFER_EXPIRED', 410],
    ['ORDER_STATE_CONFLICT', 409],
    ['SUPPLIER_FAILED', 502],
    ['PAYMENT_METHOD_UNAVAILABLE', 422],
    ['CANCELLATION_QUOTE_EXPIRED', 410],
    ['CANCELLATION_QUOTE_SUPERSEDED', 409],
    ['IDEMPOTENCY_KEY_REQUIRED', 400],
    ['IDEMPOTENCY_KEY_REUSED', 422],
    ['IDEMPOTENCY_KEY_IN_USE', 409],
    ['UNAUTHENTICATED', 401],
    ['FORBIDDEN', 403],
  ])('answer the booking engine’s %s with %i and its code', async (code, status) => {
    const response = errorResponse(new OrderError(code, 'refused'), 'req_test');
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: { code, message: 'refused', request_id: 'req_test' } });
  });

  it('answer bad input to the booking engine like any bad input: 422 VALIDATION_FAILED naming the fields', async () => {
    const fields = [{ path: 'travellers[0].born_on', message: 'is required' }];
    const response = errorResponse(new OrderError('INVALID_REQUEST', 'the order has 1 invalid field', { fields }), 'req_test');
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: { code: 'VALIDATION_FAILED', message: 'the order has 1 invalid field', request_id: 'req_test', fields },
    });
  });

  it('pass on what a client needs to act, in wire names', async () => {
    const changed = new OrderError('OFFER_PRICE_CHANGED', 'the price changed', {
      newTotal: { amount: '5200.00', currency: 'NPR', amountMinor: 520000 },
    });
    expect((await errorResponse(changed, 'req_test').json()).error).toEqual({
      code: 'OFFER_PRICE_CHANGED',
      message: 'the price changed',
      request_id: 'req_test',
      new_total: { amount: '5200.00', currency: 'NPR', amount_minor: 520000 },
    });
  });

  it('tell a client how to authenticate (401), and when to retry a key in use (409)', () => {
    expect(errorResponse(new OrderError('UNAUTHENTICATED', 'no key'), 'req_test').headers.get('www-authenticate')).toBe('Bearer');
    const inUse = errorResponse(new OrderError('IDEMPOTENCY_KEY_IN_USE', 'busy', { retryAfterSeconds: 1 }), 'req_test');
    expect(inUse.headers.get('retry-after')).toBe('1');
  });

  it.each<[PaymentErrorCode, number]>([
    ['PAYMENT_SIGNATURE_INVALID', 400],
    ['PAYMENT_MESSAGE_MALFORMED', 400],
    ['PAYMENT_DECLINED', 402],
    ['PAYMENT_PROVIDER_UNAVAILABLE', 503],
    ['PAYMENT_METHOD_UNAVAILABLE', 422],
    ['PAYMENT_REQUEST_REFUSED', 502],
    ['PAYMENT_NOT_FOUND', 502],
  ])('answer the payment failure %s with %i', async (code, status) => {
    const response = errorResponse(new PaymentError(code, 'payment refused'), 'req_test');
    expect(response.status).toBe(status);
    expect((await response.json()).error.code).toBe(code);
  });
});
