/**
 * Why the booking engine refused or could not finish something, with a stable code the API maps to
 * an HTTP status. `details` carries what a client needs to act (the new price, the fields at fault).
 */
export type OrderErrorCode =
  /** The order, departure, quote or waitlist entry does not exist for this caller (or not at this agency). */
  | 'NOT_FOUND'
  /** Bad input: `fields` says which. */
  | 'INVALID_REQUEST'
  /** A state change the state machine does not allow (a bug, or a race lost to another request). */
  | 'ILLEGAL_TRANSITION'
  /** The seats, room or fare are gone. */
  | 'INVENTORY_EXHAUSTED'
  /** The supplier's price changed since the offer was shown: `details.newTotal`. */
  | 'OFFER_PRICE_CHANGED'
  | 'OFFER_EXPIRED'
  /** The order is not in a state that allows this (paying a cancelled order, cancelling twice). */
  | 'ORDER_STATE_CONFLICT'
  /** A supplier failed while booking: nothing was charged and nothing is left held. */
  | 'SUPPLIER_FAILED'
  /** The payment method or currency is not one the agency accepts. */
  | 'PAYMENT_METHOD_UNAVAILABLE'
  | 'CANCELLATION_QUOTE_EXPIRED'
  /** Only the order's latest cancellation quote can be confirmed. */
  | 'CANCELLATION_QUOTE_SUPERSEDED'
  | 'IDEMPOTENCY_KEY_REQUIRED'
  /** The same Idempotency-Key with another request. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The same Idempotency-Key while its first request is still running. */
  | 'IDEMPOTENCY_KEY_IN_USE'
  /** No API key, order token or reference and e-mail that opens this. */
  | 'UNAUTHENTICATED'
  /** An API key without the scope this needs. */
  | 'FORBIDDEN';

export interface OrderFieldError {
  /** Where in the request, in the domain's names, dotted: "travellers.0.givenName". */
  path: string;
  message: string;
}

export class OrderError extends Error {
  constructor(
    readonly code: OrderErrorCode,
    message: string,
    readonly details: { fields?: OrderFieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'OrderError';
  }
}

export function isOrderError(error: unknown): error is OrderError {
  return error instanceof OrderError;
}

/** A zod-style path as an OrderFieldError names it: ['travellers', 0, 'givenName'] -> "travellers.0.givenName". */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join('.');
}
