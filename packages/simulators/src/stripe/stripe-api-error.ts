/**
 * An answer in Stripe's error format: `{ error: { type, code, decline_code, message, param } }`. The
 * HTTP status is what the SDK picks its error class by (400 StripeInvalidRequestError, 401
 * StripeAuthenticationError, 402 StripeCardError, 404 resource_missing, 409 and 5xx StripeAPIError,
 * 429 StripeRateLimitError; type idempotency_error on a 400 gives StripeIdempotencyError).
 */
export type StripeErrorType = 'invalid_request_error' | 'card_error' | 'idempotency_error' | 'api_error' | 'authentication_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  charge?: string;
  payment_intent?: unknown;
  doc_url?: string;
}

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
    this.name = 'StripeApiError';
  }

  toJSON(): { error: StripeErrorBody } {
    return { error: this.body };
  }
}

/** 400 invalid_request_error: a parameter Stripe refuses. */
export function invalidRequest(message: string, options: { param?: string; code?: string } = {}): StripeApiError {
  return new StripeApiError(400, { type: 'invalid_request_error', message, ...options });
}

/** 404 resource_missing, worded as Stripe words it ("No such payment_intent: 'pi_…'"). */
export function resourceMissing(objectName: string, id: string, param: string): StripeApiError {
  return new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${objectName}: '${id}'`,
    param,
  });
}

/** 400 payment_intent_unexpected_state and its kin: the object's state does not allow the call. */
export function unexpectedState(message: string, code = 'payment_intent_unexpected_state'): StripeApiError {
  return new StripeApiError(400, { type: 'invalid_request_error', code, message });
}
