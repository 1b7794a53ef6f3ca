import { invalidRequest } from './stripe-api-error.ts';

/**
 * How Stripe counts amounts (docs.stripe.com/currencies): integers of the currency's smallest unit,
 * except that these are counted in whole units (zero-decimal) ...
 */
export const ZERO_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);
/** ... these in thousandths, of which Stripe's partners take only multiples of ten ... */
export const THREE_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);
/** ... and ISK, zero-decimal since 2023, still in hundredths for compatibility: multiples of 100 only. */
export const WHOLE_UNITS_IN_HUNDREDTHS: ReadonlySet<string> = new Set(['isk']);

/** Stripe's minimum charge per currency in its own units; other currencies: one smallest unit. */
const MINIMUM_CHARGE: Record<string, number> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};
/** "The amount value supports up to eight digits." */
export const MAXIMUM_AMOUNT = 99_999_999;

export function stripeExponent(currency: string): number {
  if (ZERO_DECIMAL_CURRENCIES.has(currency)) return 0;
  if (THREE_DECIMAL_CURRENCIES.has(currency)) return 3;
  return 2;
}

/** A currency parameter: three letters, answered in lower case as Stripe does. */
export function currencyParam(value: string, param = 'currency'): string {
  const currency = value.toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) throw invalidRequest(`Invalid currency: ${value}.`, { param });
  return currency;
}

/** 1234 usd -> "12.34 USD", for the hosted page. */
export function formatStripeAmount(amount: number, currency: string): string {
  const exponent = stripeExponent(currency);
  const digits = String(amount).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  return `${exponent ? `${whole}.${digits.slice(digits.length - exponent)}` : whole} ${currency.toUpperCase()}`;
}

/** The shape rules every amount obeys (charges, captures, refunds): positive, at most 8 digits, in the currency's steps. */
export function checkAmountSteps(amount: number, currency: string, param: string): void {
  if (!Number.isSafeInteger(amount) || amount <= 0)
    throw invalidRequest('Invalid positive integer', { param, code: 'parameter_invalid_integer' });
  if (amount > MAXIMUM_AMOUNT)
    throw invalidRequest(`Amount must be no more than ${formatStripeAmount(MAXIMUM_AMOUNT, currency)}`, {
      param,
      code: 'amount_too_large',
    });
  if (THREE_DECIMAL_CURRENCIES.has(currency) && amount % 10 !== 0)
    throw invalidRequest(
      `Invalid amount. Amounts in ${currency.toUpperCase()} must have 0 as their last digit (for example ${amount - (amount % 10)}).`,
      { param, code: 'invalid_charge_amount' },
    );
  if (WHOLE_UNITS_IN_HUNDREDTHS.has(currency) && amount % 100 !== 0)
    throw invalidRequest(
      `Invalid amount. Currency ${currency.toUpperCase()} has become effectively zero-decimal and charged amounts must be evenly divisible by 100.`,
      { param, code: 'invalid_charge_amount_no_decimal_compatible' },
    );
}

/** What a new charge must also be: at least Stripe's minimum for the currency. */
export function checkChargeAmount(amount: number, currency: string, param: string): void {
  checkAmountSteps(amount, currency, param);
  const minimum = MINIMUM_CHARGE[currency] ?? 1;
  if (amount < minimum)
    throw invalidRequest(`Amount must be at least ${formatStripeAmount(minimum, currency)}`, { param, code: 'amount_too_small' });
}
