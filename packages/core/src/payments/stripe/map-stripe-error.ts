import Stripe from 'stripe';
import { PaymentError } from '../payment-errors.ts';

/**
 * The SDK's errors as the PaymentError codes the saga branches on. Stripe's messages are kept
 * (they never carry the key in full), except for authentication failures, which are told apart
 * from everything else but not repeated. Anything that is not a Stripe error is returned as is: a
 * bug, not a provider answer.
 */
const AMOUNT_REFUSALS = new Set(['amount_too_large', 'charge_already_refunded', 'charge_expired_for_capture']);

export function paymentErrorFromStripe(error: unknown, action: string): unknown {
  const errors = Stripe.errors;
  if (error instanceof PaymentError || !(error instanceof errors.StripeError)) return error;
  const says = `Stripe ${action}: ${error.message}`;
  if (error instanceof errors.StripeCardError)
    return new PaymentError('PAYMENT_DECLINED', `${says} (${error.decline_code || error.code || 'declined'})`, { cause: error });
  if (
    error instanceof errors.StripeConnectionError ||
    error instanceof errors.StripeAPIError ||
    error instanceof errors.StripeRateLimitError
  )
    return new PaymentError('PAYMENT_PROVIDER_UNAVAILABLE', says, { cause: error });
  if (error instanceof errors.StripeAuthenticationError || error instanceof errors.StripePermissionError)
    return new PaymentError('PAYMENT_METHOD_UNAVAILABLE', `Stripe ${action}: Stripe refused the API key`);
  if (error instanceof errors.StripeIdempotencyError)
    return new PaymentError('PAYMENT_REQUEST_REFUSED', `${says} (an idempotency key reused with other parameters)`, {
      cause: error,
    });
  if (error instanceof errors.StripeInvalidRequestError) {
    if (error.statusCode === 404 || error.code === 'resource_missing')
      return new PaymentError('PAYMENT_NOT_FOUND', says, { cause: error });
    if (error.code && AMOUNT_REFUSALS.has(error.code)) return new PaymentError('PAYMENT_DECLINED', says, { cause: error });
    return new PaymentError('PAYMENT_REQUEST_REFUSED', says, { cause: error });
  }
  return error;
}
