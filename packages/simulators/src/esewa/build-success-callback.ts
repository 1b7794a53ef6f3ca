import { callbackAmount } from './esewa-amounts.ts';
import type { EsewaTransaction } from './esewa-transactions.ts';
import { signEsewaFields } from './sign-esewa-fields.ts';

/**
 * Where eSewa sends the traveller once paid: the merchant's success_url with `data`, the base64
 * of a JSON object that signs its own field list (signed_field_names among them) with the
 * merchant's secret. The amount is the grouped string eSewa writes ("1,000.0"), signed as written.
 */
export const CALLBACK_SIGNED_FIELDS = [
  'transaction_code',
  'status',
  'total_amount',
  'transaction_uuid',
  'product_code',
  'signed_field_names',
] as const;

export function successCallbackData(transaction: EsewaTransaction, secret: string): string {
  const fields: Record<string, string> = {
    transaction_code: transaction.transactionCode ?? '',
    status: 'COMPLETE',
    total_amount: callbackAmount(transaction.totalPaisa),
    transaction_uuid: transaction.transactionUuid,
    product_code: transaction.productCode,
    signed_field_names: CALLBACK_SIGNED_FIELDS.join(','),
  };
  const signature = signEsewaFields(fields, CALLBACK_SIGNED_FIELDS, secret)!;
  return Buffer.from(JSON.stringify({ ...fields, signature }), 'utf8').toString('base64');
}

export function successRedirectUrl(transaction: EsewaTransaction, secret: string): string {
  const url = new URL(transaction.successUrl);
  url.searchParams.set('data', successCallbackData(transaction, secret));
  return url.toString();
}
