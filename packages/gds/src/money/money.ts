import { z } from 'zod';

/**
 * Money is an integer count of the currency's minor units plus its ISO 4217 code. Suppliers send
 * decimal strings; they are converted exactly (no floats) with the currency's exponent.
 */
export interface Money {
  amountMinor: number;
  currency: string;
}

/** ISO 4217 minor-unit exponents that are not 2. */
const EXPONENTS: Record<string, number> = {
  BHD: 3,
  BIF: 0,
  CLF: 4,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  IQD: 3,
  ISK: 0,
  JOD: 3,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  PYG: 0,
  RWF: 0,
  TND: 3,
  UGX: 0,
  UYI: 0,
  UYW: 4,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
};

export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code, e.g. NPR');

export function currencyExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

/**
 * "1234.5" NPR -> 123450. Refuses more decimals than the currency has, unless `round` is set, in
 * which case it rounds half away from zero (suppliers do send 3 decimals for 2-decimal currencies).
 */
export function decimalToMinor(decimal: string, currency: string, options: { round?: boolean } = {}): number {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) throw new Error(`not a decimal amount: ${JSON.stringify(decimal)}`);
  const [, sign, whole, fraction = ''] = match;
  const exponent = currencyExponent(currency);
  let digits = fraction.padEnd(exponent, '0');
  let roundUp = false;
  if (digits.length > exponent) {
    const dropped = digits.slice(exponent);
    if (!options.round && /[1-9]/.test(dropped)) {
      throw new Error(`${decimal} has more decimals than ${currency} (${exponent})`);
    }
    roundUp = dropped[0]! >= '5';
    digits = digits.slice(0, exponent);
  }
  let minor = BigInt(whole! + digits) + (roundUp ? 1n : 0n);
  if (sign) minor = -minor;
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new Error(`${decimal} is too large`);
  return Number(minor);
}

/** 123450 NPR -> "1234.50" */
export function minorToDecimal(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor)) throw new Error(`not an integer amount: ${amountMinor}`);
  const exponent = currencyExponent(currency);
  const negative = amountMinor < 0;
  const digits = Math.abs(amountMinor)
    .toString()
    .padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? '-' : ''}${whole}${exponent ? `.${fraction}` : ''}`;
}

export function money(decimal: string, currency: string, options?: { round?: boolean }): Money {
  return { amountMinor: decimalToMinor(decimal, currency, options), currency };
}

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new Error(`cannot add ${a.currency} to ${b.currency}`);
  return { amountMinor: a.amountMinor + b.amountMinor, currency: a.currency };
}

export function multiplyMoney(a: Money, factor: number): Money {
  if (!Number.isInteger(factor)) throw new Error('multiply money by whole numbers only; use convertMoney for rates');
  return { amountMinor: a.amountMinor * factor, currency: a.currency };
}

/**
 * Converts with a decimal rate string (units of `to` per unit of `from`), rounding half away from
 * zero once, at the end. Exact: the rate is applied to integers scaled by 10^k.
 */
export function convertMoney(amount: Money, to: string, rate: string): Money {
  if (amount.currency === to) return amount;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!match) throw new Error(`not a rate: ${rate}`);
  const fraction = match[2] ?? '';
  const rateScaled = BigInt(match[1]! + fraction);
  const scale = 10n ** BigInt(fraction.length);
  const exponentShift = currencyExponent(to) - currencyExponent(amount.currency);
  let numerator = BigInt(amount.amountMinor) * rateScaled;
  let denominator = scale;
  if (exponentShift >= 0) numerator *= 10n ** BigInt(exponentShift);
  else denominator *= 10n ** BigInt(-exponentShift);
  const negative = numerator < 0n;
  const absolute = negative ? -numerator : numerator;
  const rounded = (absolute * 2n + denominator) / (denominator * 2n);
  return { amountMinor: Number(negative ? -rounded : rounded), currency: to };
}

/**
 * True when `decimal` names a whole number of the currency's minor units: "100.125" NPR does not
 * (NPR has 2 decimals), "100.120" does. Amounts a person or client gives must pass this; amounts
 * suppliers send are rounded instead (decimalToMinor's `round`).
 */
export function fitsCurrency(decimal: string, currency: string): boolean {
  const fraction = /\.(\d+)$/.exec(decimal)?.[1] ?? '';
  return fraction.replace(/0+$/, '').length <= currencyExponent(currency);
}

/** An amount with more decimals than its currency has is refused (100.125 NPR), trailing zeros aside. */
function withinCurrencyDecimals(money: { amount: string; currency: string }, context: z.RefinementCtx): void {
  if (!fitsCurrency(money.amount, money.currency))
    context.addIssue({
      code: 'custom',
      path: ['amount'],
      message: `${money.currency} has ${currencyExponent(money.currency)} decimals`,
    });
}

export const moneySchema = z
  .object({
    amount: z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal string, e.g. "1500.00"'),
    currency: currencySchema,
  })
  .superRefine(withinCurrencyDecimals);

/** The format of an amount a traveller states: a decimal string of at most 12 digits, not negative. */
export const decimalMoneySchema = z.object({
  amount: z.string().regex(/^\d{1,12}(\.\d{1,4})?$/, 'a decimal string, e.g. "1500.00"'),
  currency: currencySchema,
});

/** An amount a traveller states (what a trip costs), within its currency's decimals. */
export const statedMoneySchema = decimalMoneySchema.superRefine(withinCurrencyDecimals);
/** The API shape of money: a decimal string and a currency. */
export type MoneyJson = z.infer<typeof moneySchema>;

export function toMoneyJson(value: Money): MoneyJson {
  return { amount: minorToDecimal(value.amountMinor, value.currency), currency: value.currency };
}
