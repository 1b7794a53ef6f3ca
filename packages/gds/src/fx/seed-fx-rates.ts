import { invertRate } from './decimal-rate.ts';
import type { FxRateRow } from './fx-table.ts';
import { recordFxRates } from './record-fx-rates.ts';

/**
 * Indicative mid-market rates for local runs and tests (units per US dollar, late 2026), published
 * in both directions the way an FX feed publishes them. NPR is pegged to INR at 1.6.
 */
export const SEED_RATES_PER_USD: Record<string, string> = {
  NPR: '140.00',
  INR: '87.50',
  EUR: '0.8600',
  GBP: '0.7500',
  AUD: '1.5300',
  JPY: '150.00',
  CNY: '7.1500',
  AED: '3.6725',
  QAR: '3.6400',
  THB: '32.50',
  SGD: '1.2900',
  MYR: '4.2000',
};

export const SEED_RATES_AS_OF = new Date('2026-11-01T00:00:00Z');
const SOURCE = 'himal seed';

export function seedFxRateRows(): FxRateRow[] {
  const rows: FxRateRow[] = [];
  const add = (base: string, quote: string, rate: string) =>
    rows.push({ base, quote, rate, asOf: SEED_RATES_AS_OF, source: SOURCE });
  for (const [currency, perUsd] of Object.entries(SEED_RATES_PER_USD)) {
    add('USD', currency, perUsd);
    add(currency, 'USD', invertRate(perUsd));
  }
  add('INR', 'NPR', '1.6');
  add('NPR', 'INR', '0.625');
  return rows;
}

/** Seeds the FX table (npm start, tests); idempotent. Returns how many rates were added. */
export function seedFxRates(): Promise<number> {
  return recordFxRates(seedFxRateRows());
}
