import { decimalToMinor, minorToDecimal } from '@himal/gds';

/**
 * Amounts as eSewa writes them. Merchants post plain decimals ("100", "110.50"); eSewa answers the
 * status API with a JSON number ("total_amount": 1000.0) and signs the success callback's amount
 * as a grouped string ("1,000.0"). Everything in between is integer paisa, never a float.
 */
const PLAIN_DECIMAL = /^\d{1,12}(\.\d{1,2})?$/;

/** "110.50" -> 11050 paisa; undefined for anything that is not a plain NPR amount (negative, 3 decimals, "1e3"). */
export function readPlainAmount(text: string | undefined): number | undefined {
  if (text === undefined || !PLAIN_DECIMAL.test(text)) return undefined;
  return decimalToMinor(text, 'NPR');
}

/** The decimal without trailing zeros, one decimal at least, as Java prints a double: 100000 -> "1000.0", 11050 -> "110.5". */
function shortDecimal(paisa: number): { whole: string; fraction: string } {
  const [whole = '0', fraction = '00'] = minorToDecimal(paisa, 'NPR').split('.');
  return { whole, fraction: fraction.replace(/0$/, '') };
}

/** The status API's total_amount, a JSON number literal: 100000 -> 1000.0 */
export function statusAmountLiteral(paisa: number): string {
  const { whole, fraction } = shortDecimal(paisa);
  return `${whole}.${fraction}`;
}

/** The success callback's total_amount, grouped by thousands: 100000 -> "1,000.0", 123456 -> "1,234.56" */
export function callbackAmount(paisa: number): string {
  const { whole, fraction } = shortDecimal(paisa);
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}`;
}

/** The local refund channel's amounts: plain two-decimal strings, 25000 -> "250.00" */
export function refundAmount(paisa: number): string {
  return minorToDecimal(paisa, 'NPR');
}

const GROUPED_DECIMAL = /^\d{1,3}(,\d{3}){1,3}(\.\d{1,2})?$/;

/** A plain decimal or eSewa's own grouped form ("1,000.0"), as a merchant may echo either back. */
export function readEchoedAmount(text: string | undefined): number | undefined {
  if (text !== undefined && GROUPED_DECIMAL.test(text)) return readPlainAmount(text.replace(/,/g, ''));
  return readPlainAmount(text);
}
