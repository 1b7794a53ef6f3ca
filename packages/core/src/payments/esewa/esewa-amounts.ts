import { decimalToMinor, minorToDecimal, type Money } from '@himal/gds';
import { PaymentError } from '../payment-errors.ts';

/**
 * eSewa takes Nepalese rupees only, as decimal strings. The platform's amounts are integer paisa
 * (minor units), written out exactly: whole rupees as eSewa's own examples write them ("110"),
 * otherwise with both decimals ("110.50"). eSewa writes amounts back its own ways, a JSON number
 * in the status answer (1000.0) and a grouped string in the success callback ("1,000.0"); both
 * are read back to paisa exactly, never through a float.
 */
export const ESEWA_CURRENCY = 'NPR';

/** The largest amount the adapter sends: 12 digits of rupees, far above any wallet limit. */
const MAX_MINOR = 999_999_999_999_99;

export function requireNpr(amount: Money): number {
  if (amount.currency !== ESEWA_CURRENCY)
    throw new PaymentError('PAYMENT_METHOD_UNAVAILABLE', `eSewa takes NPR only, not ${amount.currency}`);
  if (!Number.isSafeInteger(amount.amountMinor) || amount.amountMinor <= 0 || amount.amountMinor > MAX_MINOR)
    throw new PaymentError('PAYMENT_REQUEST_REFUSED', `eSewa: not a payable amount of paisa: ${amount.amountMinor}`);
  return amount.amountMinor;
}

/** 11000 -> "110", 11050 -> "110.50" */
export function esewaAmount(minor: number): string {
  const decimal = minorToDecimal(minor, ESEWA_CURRENCY);
  return decimal.endsWith('.00') ? decimal.slice(0, -3) : decimal;
}

const ESEWA_DECIMAL = /^(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?$/;

/** "1,000.0", "1000.0", "1000" or "110.5" -> paisa; PAYMENT_MESSAGE_MALFORMED for anything else. */
export function readEsewaAmount(text: string): number {
  const match = ESEWA_DECIMAL.exec(text);
  if (!match || match[1]!.length > 20)
    throw new PaymentError('PAYMENT_MESSAGE_MALFORMED', `eSewa: not an amount: ${JSON.stringify(text.slice(0, 40))}`);
  return decimalToMinor(`${match[1]!.replace(/,/g, '')}${match[2] ?? ''}`, ESEWA_CURRENCY);
}
