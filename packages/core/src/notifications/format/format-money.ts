import { currencyExponent, minorToDecimal, type Money } from '@himal/gds';

/**
 * An amount as the traveller's language writes it (`NPR 1,234.50`, `नेरू १,२३४.५०`). The minor
 * units become an exact decimal string first: Intl formats a numeric string without turning it into
 * a float, so no amount is ever rounded on its way into a mail.
 */
export function formatMoney(amount: Money, locale: string): string {
  const exponent = currencyExponent(amount.currency);
  const decimal = minorToDecimal(amount.amountMinor, amount.currency) as `${number}`;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: amount.currency,
    // The platform's ISO 4217 exponent, not Intl's default digits, which differ for some currencies
    // (Intl shows IDR, PKR and IQD without decimals): dropping digits would round the amount.
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  }).format(decimal);
}

/** A count written in the language's digits. */
export function formatCount(count: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(count);
}
