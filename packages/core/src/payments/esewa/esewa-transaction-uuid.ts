import { PaymentError } from '../payment-errors.ts';

/**
 * eSewa's transaction_uuid is the platform's payment id, sent as is so that every callback and
 * status answer names the payment without a lookup table. eSewa allows letters, digits and
 * hyphens (so payment ids for eSewa look like pay-01J9…, not pay_01J9…); the 64 is ours, as eSewa
 * documents no length. Anything else is refused before it is sent.
 */
export const ESEWA_TRANSACTION_UUID = /^[A-Za-z0-9-]{1,64}$/;

export function requireTransactionUuid(reference: string): string {
  if (!ESEWA_TRANSACTION_UUID.test(reference))
    throw new PaymentError(
      'PAYMENT_REQUEST_REFUSED',
      'eSewa: a transaction_uuid (the payment id) is 1 to 64 letters, digits and hyphens',
    );
  return reference;
}
