/**
 * Exchange rates are decimal strings ("0.0071428571"), multiplied exactly with BigInt so a cross
 * rate through a pivot currency loses nothing beyond the rounding of its legs.
 */
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export function isDecimalRate(rate: string): boolean {
  const match = DECIMAL.exec(rate);
  return !!match && /[1-9]/.test(rate);
}

function parse(rate: string): { digits: bigint; scale: number } {
  const match = DECIMAL.exec(rate);
  if (!match) throw new Error(`not a decimal rate: ${JSON.stringify(rate)}`);
  const fraction = match[2] ?? '';
  return { digits: BigInt(match[1]! + fraction), scale: fraction.length };
}

function format(digits: bigint, scale: number): string {
  const text = digits.toString().padStart(scale + 1, '0');
  if (scale === 0) return text;
  const whole = text.slice(0, text.length - scale);
  const fraction = text.slice(text.length - scale).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

export function multiplyRates(a: string, b: string): string {
  const x = parse(a);
  const y = parse(b);
  return format(x.digits * y.digits, x.scale + y.scale);
}

/** 1 / rate to `decimals` places, half up: the published reverse of a rate, as FX feeds give it. */
export function invertRate(rate: string, decimals = 10): string {
  const { digits, scale } = parse(rate);
  if (digits === 0n) throw new Error('cannot invert a zero rate');
  const numerator = 10n ** BigInt(scale + decimals) * 2n;
  const quotient = (numerator / digits + 1n) / 2n;
  return format(quotient, decimals);
}
