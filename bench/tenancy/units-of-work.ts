/**
 * Units of work (one query; a five-query transaction) spread over many tenants, through the data
 * layer and through the reference (a warm Prisma client per tenant), in alternating rounds in one
 * fresh process (units-of-work.child.ts). Latency p50/p95 and throughput at each concurrency.
 */
import { join } from 'node:path';
import { runTsChild } from '../lib/child-process.ts';
import type { Summary } from '../lib/stats.ts';

export type Layer = 'kysely' | 'prisma';
export type Unit = 'one query' | 'five queries';

export interface UnitCell {
  unit: Unit;
  concurrency: number;
  layer: Layer;
  units: number;
  latency: Summary;
  unitsPerSecond: number;
  /** Units that threw; counted, never dropped (their time is in the latencies too). */
  errors: number;
  firstError?: string;
}

export interface UnitsResult {
  tenants: number;
  /** The shared pool both layers use. */
  poolSize: number;
  rounds: number;
  /** Statements sent to PostgreSQL for one unit, BEGIN and COMMIT included. */
  statementsPerUnit: Record<Layer, Record<Unit, number>>;
  cells: UnitCell[];
}

export async function measureUnitsOfWork(options: {
  databaseUrl: string;
  prismaClient: string;
  unitsPerCell: number;
  concurrencies: number[];
  rounds?: number;
}): Promise<UnitsResult> {
  const result = await runTsChild<UnitsResult>(join(import.meta.dirname, 'units-of-work.child.ts'), {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      BENCH_PRISMA_CLIENT: options.prismaClient,
      BENCH_UNITS: String(options.unitsPerCell),
      BENCH_CONCURRENCY: options.concurrencies.join(','),
      BENCH_ROUNDS: String(options.rounds ?? 10),
    },
  });
  for (const cell of result.cells.filter((candidate) => candidate.errors > 0))
    console.warn(
      `  ${cell.layer}, ${cell.unit}, ${cell.concurrency} in flight: ${cell.errors} units failed; first: ${cell.firstError}`,
    );
  return result;
}
