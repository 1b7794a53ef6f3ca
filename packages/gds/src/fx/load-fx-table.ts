import { controlDb } from '@himal/db';
import { FxTable, type FxRateRow } from './fx-table.ts';

/**
 * The platform's FX table as of now: the newest rate of every pair. Searches read it often and rates
 * move slowly, so a process keeps it for FX_TABLE_TTL_MS (default 60 s).
 */
const TTL_MS = Number(process.env.FX_TABLE_TTL_MS ?? 60_000);
let cached: { table: FxTable; loadedAt: number } | undefined;
let loading: Promise<FxTable> | undefined;

async function readTable(): Promise<FxTable> {
  const rows = await controlDb().$queryRaw<FxRateRow[]>`
    SELECT DISTINCT ON (base, quote) base, quote, rate, as_of AS "asOf", source
    FROM public.fx_rates
    WHERE as_of <= now()
    ORDER BY base, quote, as_of DESC`;
  return new FxTable(rows);
}

export async function loadFxTable(options: { fresh?: boolean } = {}): Promise<FxTable> {
  if (!options.fresh && cached && Date.now() - cached.loadedAt < TTL_MS) return cached.table;
  loading ??= readTable()
    .then((table) => {
      cached = { table, loadedAt: Date.now() };
      return table;
    })
    .finally(() => (loading = undefined));
  return loading;
}

/** Forget the cached table (after rates are written in this process). */
export function invalidateFxTable(): void {
  cached = undefined;
}
