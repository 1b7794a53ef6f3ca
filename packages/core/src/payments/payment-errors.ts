/**
 * Failures of a payment provider's messages that the platform refuses to act on: each leaves the
 * order as it was. Anything else is a bug and surfaces as an internal error.
 */
export type PaymentErrorCode =
  /** A callback or webhook whose signature does not verify: forged, altered or signed with another key. */
  | 'PAYMENT_SIGNATURE_INVALID'
  /** A provider message that is not what the provider sends (not decodable, fields missing). */
  | 'PAYMENT_MESSAGE_MALFORMED';

export class PaymentError extends Error {
  constructor(
    readonly code: PaymentErrorCode,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'PaymentError';
  }
}

export function isPaymentError(error: unknown): error is PaymentError {
  return error instanceof PaymentError;
}
