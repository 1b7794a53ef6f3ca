import { controlDb } from '@himal/db';
import { currencySchema } from '../money/money.ts';
import { isDecimalRate } from './decimal-rate.ts';
import type { FxRateRow } from './fx-table.ts';
import { invalidateFxTable } from './load-fx-table.ts';

/** Adds rates to the platform's FX table; a pair's rate for an `asOf` it already has is left as it is. */
export async function recordFxRates(rows: FxRateRow[]): Promise<number> {
  for (const row of rows) {
    currencySchema.parse(row.base);
    currencySchema.parse(row.quote);
    if (!isDecimalRate(row.rate)) throw new Error(`${row.base}/${row.quote}: not a positive decimal rate: ${row.rate}`);
  }
  const { count } = await controlDb().fxRate.createMany({ data: rows, skipDuplicates: true });
  invalidateFxTable();
  return count;
}
