import type { Money } from '../../money/money.ts';

/**
 * roomrack lists taxes apart from its nightly rate: a percent of the rate (some on top of other
 * taxes, as Nepal's VAT is charged on the rate plus the service charge) or an amount per room-night.
 * This works out what they come to for one room-night, exactly as roomrack does: in the order
 * listed, each percent rounded half up to the minor unit.
 */
export interface StatedTax {
  code: string;
  /** Decimal percent as stated, e.g. "13.00". */
  percent?: string;
  /** Minor units per room-night. */
  amountMinor?: number;
  onTopOf: string[];
}

/** "13.00" -> 1300 basis points, exactly; undefined for anything else. */
export function basisPoints(percent: string): number | undefined {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : undefined;
}

export function taxesPerRoomNight(rate: Money, taxes: readonly StatedTax[]): Money {
  const charged = new Map<string, number>();
  for (const tax of taxes) {
    if (tax.amountMinor !== undefined) {
      charged.set(tax.code, tax.amountMinor);
      continue;
    }
    const points = tax.percent === undefined ? undefined : basisPoints(tax.percent);
    if (points === undefined) throw new Error(`tax ${tax.code} has neither a valid percent nor an amount`);
    const base = rate.amountMinor + tax.onTopOf.reduce((sum, code) => sum + (charged.get(code) ?? 0), 0);
    charged.set(tax.code, Math.round((base * points) / 10_000));
  }
  return { amountMinor: [...charged.values()].reduce((sum, value) => sum + value, 0), currency: rate.currency };
}
