import { convertMoney, type Money } from '../money/money.ts';
import { multiplyRates } from './decimal-rate.ts';

/** One rate of the table: `rate` units of `quote` per unit of `base`. */
export interface FxRateRow {
  base: string;
  quote: string;
  rate: string;
  asOf: Date;
  source: string;
}

/**
 * The rate a conversion used, kept with whatever was converted (offers, later bookings) so the
 * price can be explained after the table has moved on.
 */
export interface FxSnapshot {
  base: string;
  quote: string;
  rate: string;
  asOf: string;
  source: string;
}

export class FxRateMissingError extends Error {
  readonly code = 'FX_RATE_MISSING';
  constructor(
    readonly base: string,
    readonly quote: string,
  ) {
    super(`no exchange rate from ${base} to ${quote}`);
    this.name = 'FxRateMissingError';
  }
}

/** Currencies other rates are crossed through when a pair has no rate of its own. */
const PIVOTS = ['USD', 'EUR'];

/** The rates in force at one moment (one row per pair), and conversions with them. */
export class FxTable {
  private readonly rates = new Map<string, FxRateRow>();

  constructor(rows: Iterable<FxRateRow>) {
    for (const row of rows) {
      const key = `${row.base}/${row.quote}`;
      const current = this.rates.get(key);
      if (!current || current.asOf < row.asOf) this.rates.set(key, row);
    }
  }

  get size(): number {
    return this.rates.size;
  }

  /** Whether prices can be shown in this currency: some rate leads to it. */
  knows(currency: string): boolean {
    for (const row of this.rates.values()) if (row.quote === currency || row.base === currency) return true;
    return false;
  }

  /** The rate from one currency to another: the pair's own, else crossed through a pivot currency. */
  rate(base: string, quote: string): FxSnapshot {
    if (base === quote) return { base, quote, rate: '1', asOf: new Date(0).toISOString(), source: 'identity' };
    const direct = this.rates.get(`${base}/${quote}`);
    if (direct) return { base, quote, rate: direct.rate, asOf: direct.asOf.toISOString(), source: direct.source };
    for (const pivot of PIVOTS) {
      const first = this.rates.get(`${base}/${pivot}`);
      const second = this.rates.get(`${pivot}/${quote}`);
      if (!first || !second) continue;
      const asOf = first.asOf < second.asOf ? first.asOf : second.asOf;
      return {
        base,
        quote,
        rate: multiplyRates(first.rate, second.rate),
        asOf: asOf.toISOString(),
        source: `cross via ${pivot} (${first.source})`,
      };
    }
    throw new FxRateMissingError(base, quote);
  }

  /** Converts exactly (one rounding, half away from zero); the snapshot is null when no conversion was needed. */
  convert(amount: Money, to: string): { money: Money; fx: FxSnapshot | null } {
    if (amount.currency === to) return { money: amount, fx: null };
    const fx = this.rate(amount.currency, to);
    return { money: convertMoney(amount, to, fx.rate), fx };
  }
}
