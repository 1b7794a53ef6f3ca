/**
 * Memory of the tenant data layer as tenants are touched, and the cold first query of a tenant, for
 * the layer under test (one Kysely builder, `tenantDb(tenant)`) and the reference (a Prisma client
 * per tenant, kept), on the real tenant schema and on synthetic schemas of more models. Each run is a
 * fresh `--expose-gc` process (data-layer-memory.child.ts) against a database that holds the schemas.
 */
import { join } from 'node:path';
import { runTsChild } from '../lib/child-process.ts';
import type { Summary } from '../lib/stats.ts';
import type { SchemaUnderTest } from './prisma-reference.ts';

export interface HeapSample {
  heapUsed: number;
  external: number;
  rss: number;
}

export interface MemoryRun {
  layer: 'kysely' | 'prisma';
  /** SchemaUnderTest.key: `tenant` or `synthetic-<models>`. */
  schema: string;
  models: number;
  /** `tenants`: real tenants of the directory; `synthetic`: schemas the bench made. */
  source: 'tenants' | 'synthetic';
  /** The table each tenant was read from (one row, by primary key). */
  table: string;
  /** After warm-up, before the first measured tenant. */
  before: HeapSample;
  points: Array<HeapSample & { touched: number }>;
  /** A full GC ran after every this many tenants. */
  gcEvery: number;
  touchMs: number;
  /** Each tenant's first query (reference: new client + first query); for the layer under test, of the 9 in 10 tenants not read raw first. */
  cold: Summary;
  /** After each cold query, a query of a random tenant touched before (reference: its kept client). */
  warm: Summary;
  /** Queries that threw; counted, never dropped. */
  errors: number;
  /** Queries that answered without the row every schema has. */
  missingRows: number;
  firstError?: string;
  /**
   * Layer under test only: every tenth tenant's first query sent raw (pg) on a connection of its own,
   * in the same loop, and a query of a tenant that connection read before: what PostgreSQL alone
   * spends on a schema new to a connection.
   */
  rawSql?: { cold: Summary; warm: Summary; errors: number };
}

export interface MemoryPlan {
  layer: MemoryRun['layer'];
  schema: SchemaUnderTest;
  source: MemoryRun['source'];
  databaseUrl: string;
  count: number;
  checkpoints: number[];
  /** A full GC after every this many tenants (1 for up to 1,000 tenants, so every run collects about as often). */
  gcEvery?: number;
}

/** Runs each plan in its own child, one after another. */
export async function measureDataLayerMemory(plans: MemoryPlan[]): Promise<MemoryRun[]> {
  const runs: MemoryRun[] = [];
  for (const plan of plans) {
    console.log(
      `  ${plan.layer === 'kysely' ? 'tenantDb (Kysely)' : 'reference: a Prisma client per tenant'}, ${plan.schema.key} schema (${plan.schema.models} models): ${plan.count} tenants in a fresh process`,
    );
    const run = await runTsChild<MemoryRun>(join(import.meta.dirname, 'data-layer-memory.child.ts'), {
      env: {
        ...process.env,
        DATABASE_URL: plan.databaseUrl,
        BENCH_LAYER: plan.layer,
        BENCH_SCHEMA: JSON.stringify(plan.schema),
        BENCH_SOURCE: plan.source,
        BENCH_COUNT: String(plan.count),
        BENCH_CHECKPOINTS: plan.checkpoints.filter((point) => point < plan.count).join(','),
        BENCH_GC_EVERY: String(plan.gcEvery ?? Math.max(1, Math.floor(plan.count / 1_000))),
      },
      // Per-tenant Prisma clients of 50 models need more than Node's default heap.
      nodeArgs: ['--expose-gc', '--max-old-space-size=6144'],
    });
    if (run.errors || run.missingRows)
      console.warn(
        `  ${run.errors} queries failed, ${run.missingRows} found no row${run.firstError ? `; first: ${run.firstError}` : ''}`,
      );
    runs.push(run);
  }
  return runs;
}

/** Heap gained per tenant touched at a checkpoint (bytes). */
export const perTenant = (run: MemoryRun, point: MemoryRun['points'][number]): number =>
  (point.heapUsed - run.before.heapUsed) / point.touched;
