/**
 * Failures of a payment provider's messages that the platform refuses to act on: each leaves the
 * order as it was. Anything else is a bug and surfaces as an internal error.
 */
export type PaymentErrorCode =
  /** A callback or webhook whose signature does not verify: forged, altered or signed with another key. */
  | 'PAYMENT_SIGNATURE_INVALID'
  /** A provider message that is not what the provider sends (not decodable, fields missing). */
  | 'PAYMENT_MESSAGE_MALFORMED'
  /** The provider refused the payment or the operation (card declined, amount above what was authorized). */
  | 'PAYMENT_DECLINED'
  /** The provider could not be reached, timed out or answered 5xx: the same call may succeed later. */
  | 'PAYMENT_PROVIDER_UNAVAILABLE'
  /** The provider refused the request as malformed or not allowed in the payment's state (a bug or a race). */
  | 'PAYMENT_REQUEST_REFUSED'
  /** The provider knows no such payment. */
  | 'PAYMENT_NOT_FOUND'
  /** The method or currency is not one the agency accepts, or the provider is not configured. */
  | 'PAYMENT_METHOD_UNAVAILABLE';

export class PaymentError extends Error {
  constructor(
    readonly code: PaymentErrorCode,
    message: string,
    options: { cause?: unknown; retryable?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'PaymentError';
    this.retryable = options.retryable ?? code === 'PAYMENT_PROVIDER_UNAVAILABLE';
  }

  /** Whether the same call may succeed later. */
  readonly retryable: boolean;
}

export function isPaymentError(error: unknown): error is PaymentError {
  return error instanceof PaymentError;
}
