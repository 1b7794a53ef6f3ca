import { currencyExponent, type Money } from '@himal/gds';
import { PaymentError } from '../payment-errors.ts';

/**
 * The platform counts money in ISO 4217 minor units; Stripe counts in its own (docs.stripe.com/
 * currencies). They differ where Stripe's list is not ISO's: MGA is zero-decimal at Stripe (ISO: 2),
 * ISK is counted in hundredths at Stripe although only whole krónur may be charged (ISO: 0), IQD and
 * LYD have 3 decimals in ISO but 2 at Stripe. UGX is zero-decimal in both; HUF and TWD are
 * two-decimal in both (Stripe's whole-unit rule for them concerns payouts, not charges). Stripe's
 * three-decimal currencies (BHD JOD KWD OMR TND) take only amounts whose last digit is 0. An amount
 * that cannot be expressed exactly is refused, never rounded.
 */
// prettier-ignore
const STRIPE_ZERO_DECIMAL = new Set([
  'BIF', 'CLP', 'DJF', 'GNF', 'JPY', 'KMF', 'KRW', 'MGA', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
]);
const STRIPE_THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);

export function stripeExponent(currency: string): number {
  const code = currency.toUpperCase();
  if (STRIPE_ZERO_DECIMAL.has(code)) return 0;
  if (STRIPE_THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/** Money -> the integer Stripe expects for it (its currency is sent lower-cased beside it). */
export function toStripeAmount(money: Money): number {
  const { amountMinor, currency } = money;
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0)
    throw new PaymentError('PAYMENT_REQUEST_REFUSED', `Stripe takes positive whole amounts, not ${amountMinor} ${currency}`);
  const shift = stripeExponent(currency) - currencyExponent(currency);
  let amount: number;
  if (shift >= 0) amount = amountMinor * 10 ** shift;
  else {
    const step = 10 ** -shift;
    if (amountMinor % step !== 0)
      throw new PaymentError(
        'PAYMENT_REQUEST_REFUSED',
        `Stripe takes ${currency} in whole steps of ${step} minor units; ${amountMinor} is not one (no rounding is done)`,
      );
    amount = amountMinor / step;
  }
  if (STRIPE_THREE_DECIMAL.has(currency.toUpperCase()) && amount % 10 !== 0)
    throw new PaymentError(
      'PAYMENT_REQUEST_REFUSED',
      `Stripe takes ${currency} amounts only with 0 as the last of their three decimals; ${amountMinor} minor units is not one (no rounding is done)`,
    );
  if (!Number.isSafeInteger(amount))
    throw new PaymentError('PAYMENT_REQUEST_REFUSED', `${amountMinor} ${currency} is too large for Stripe`);
  return amount;
}

/** Stripe's integer for `currency` (either case) -> Money in ISO minor units. */
export function fromStripeAmount(amount: number, currency: string): Money {
  const code = currency.toUpperCase();
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw new PaymentError('PAYMENT_MESSAGE_MALFORMED', `Stripe sent an amount that is not a whole number: ${amount}`);
  const shift = currencyExponent(code) - stripeExponent(code);
  if (shift >= 0) return { amountMinor: amount * 10 ** shift, currency: code };
  const step = 10 ** -shift;
  if (amount % step !== 0)
    throw new PaymentError('PAYMENT_MESSAGE_MALFORMED', `Stripe sent ${amount} ${code}, which is not a whole ${code} minor unit`);
  return { amountMinor: amount / step, currency: code };
}
