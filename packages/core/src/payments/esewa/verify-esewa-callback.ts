import { PaymentError } from '../payment-errors.ts';
import { readEsewaAmount } from './esewa-amounts.ts';
import type { EsewaProviderConfig } from './esewa-config.ts';
import { ESEWA_STATUSES, readEsewaCallback, type EsewaStatus } from './esewa-signature.ts';

/**
 * The `data` eSewa appends to the success URL, verified (readEsewaCallback: its signature with the
 * merchant's key, over the exact strings sent) and checked to be for this merchant's product code,
 * then read: the platform's payment id (the transaction_uuid it sent), eSewa's status and code, and
 * the amount in paisa ("1,000.0" -> 100000). The caller compares the amount and status with the
 * payment it holds; a callback is a hint the browser carried, the status API the confirmation.
 */
export interface VerifiedEsewaCallback {
  paymentId: string;
  status: EsewaStatus;
  totalMinor: number;
  transactionCode: string;
}

/** A real callback is a few hundred characters; anything far longer is refused before decoding. */
const MAX_DATA_LENGTH = 4096;

export function verifyEsewaCallback(
  data: string,
  config: Pick<EsewaProviderConfig, 'productCode' | 'secretKey'>,
): VerifiedEsewaCallback {
  if (data.length > MAX_DATA_LENGTH) throw new PaymentError('PAYMENT_MESSAGE_MALFORMED', 'eSewa: the callback data is too long');
  const callback = readEsewaCallback(data, config.secretKey);
  if (callback.product_code !== config.productCode)
    throw new PaymentError('PAYMENT_SIGNATURE_INVALID', 'eSewa: the callback is for another product code');
  if (!(ESEWA_STATUSES as readonly string[]).includes(callback.status))
    throw new PaymentError('PAYMENT_MESSAGE_MALFORMED', 'eSewa: the callback carries an unknown status');
  return {
    paymentId: callback.transaction_uuid,
    status: callback.status as EsewaStatus,
    totalMinor: readEsewaAmount(callback.total_amount),
    transactionCode: callback.transaction_code,
  };
}
