import { convertMoney, type Money } from '@himal/gds';

/**
 * Fares are filed in NPR (domestic) and USD (international) and answered in the currency the
 * client asks for, at the GDS's own published rates (buying and selling differ; INR is pegged at
 * 1.60 NPR). Each amount is converted on its own, exactly, rounded half up to the minor unit.
 */
const RATES: Record<string, string> = {
  'USD/NPR': '133.42',
  'NPR/USD': '0.00749',
  'INR/NPR': '1.6',
  'NPR/INR': '0.625',
  'USD/INR': '83.35',
  'INR/USD': '0.01199',
};

export const OFFICE_CURRENCY = 'NPR';
export const REPLY_CURRENCIES = new Set(['NPR', 'USD', 'INR']);

export function toCurrency(amount: Money, currency: string): Money {
  if (amount.currency === currency) return amount;
  const rate = RATES[`${amount.currency}/${currency}`];
  if (!rate) throw new Error(`no rate ${amount.currency}/${currency}`);
  return convertMoney(amount, currency, rate);
}
