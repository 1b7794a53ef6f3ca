/**
 * Child process of data-layer-memory.ts (run with --expose-gc): touches BENCH_COUNT tenant schemas
 * once each through one data layer and reports heapUsed after a full GC at checkpoints, and the time
 * of each tenant's first query (cold) beside a query of a tenant touched before (warm).
 *   BENCH_LAYER=kysely: `tenantDb(tenant)` of @himal/db, the layer under test; nothing is kept.
 *   BENCH_LAYER=prisma: the reference, a Prisma client per tenant, each kept (what the LRU did);
 *                       cold is a new client and its first query.
 * BENCH_SCHEMA is the SchemaUnderTest (JSON); BENCH_SOURCE `tenants` lists public.tenants, `synthetic`
 * public.bench_synthetic_schemas of that model count. A full GC runs after every BENCH_GC_EVERY
 * tenants (outside the timed queries), as collections happen between requests in a server.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import type { Kysely } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { closeSharedPool, databaseUrl, sharedPool, tenantDb } from '@himal/db';
import { reportToParent } from '../lib/child-process.ts';
import { summarize } from '../lib/stats.ts';
import type { HeapSample, MemoryRun } from './data-layer-memory.ts';
import { delegate, loadReferenceClient, type ReferenceClient, type SchemaUnderTest } from './prisma-reference.ts';
import { seededRandom } from './web-reads.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const layer = process.env.BENCH_LAYER as MemoryRun['layer'];
const schema = JSON.parse(process.env.BENCH_SCHEMA!) as SchemaUnderTest;
const source = process.env.BENCH_SOURCE as MemoryRun['source'];
const count = Number(process.env.BENCH_COUNT);
const checkpoints = new Set([...process.env.BENCH_CHECKPOINTS!.split(',').map(Number), count]);
const gcEvery = Number(process.env.BENCH_GC_EVERY ?? 1);

/**
 * Collects until the heap stops shrinking: at least `minRounds` full GCs with turns of the event loop
 * between them, so objects freed through finalizers (a disconnected client's engine) are gone too.
 */
async function settledHeap(minRounds = 2, pauseMs = 10): Promise<HeapSample> {
  await sleep(50);
  let previous = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 10; round++) {
    gc!();
    await sleep(pauseMs);
    const used = process.memoryUsage().heapUsed;
    if (round + 1 >= minRounds && used >= previous - 64 * 1024) break;
    previous = used;
  }
  const { heapUsed, external, rss } = process.memoryUsage();
  return { heapUsed, external, rss };
}

const pool = sharedPool();
// Every PrismaPg adapter listens for the pool's errors (packages/db used to lift this limit too).
pool.setMaxListeners(0);
const { rows } = await pool.query<{ schema_name: string }>(
  source === 'tenants'
    ? 'SELECT schema_name FROM public.tenants ORDER BY schema_name LIMIT $1'
    : 'SELECT schema_name FROM public.bench_synthetic_schemas WHERE models = $2 ORDER BY schema_name LIMIT $1',
  source === 'tenants' ? [count] : [count, schema.models],
);
if (rows.length < count) throw new Error(`${rows.length} schemas of ${schema.key} in the database, ${count} asked for`);
const tenants = rows.map((row) => ({ schemaName: row.schema_name }));

// Any table, for the synthetic schemas: Kysely's types exist only at compile time, the builder is the same.
type AnyDatabase = Record<string, Record<string, unknown>>;
const kyselyOf = (tenant: { schemaName: string }) => tenantDb(tenant) as unknown as Kysely<AnyDatabase>;

const PrismaClient = layer === 'prisma' ? await loadReferenceClient(schema.prismaClient) : undefined;
const clients: ReferenceClient[] = [];
const newClient = (tenant: { schemaName: string }) =>
  new PrismaClient!({ adapter: new PrismaPg(pool, { schema: tenant.schemaName }) });

/** One query of the measurement: the row of `schema.table`, by primary key. */
async function readRow(index: number): Promise<unknown> {
  if (layer === 'kysely')
    return kyselyOf(tenants[index]!).selectFrom(schema.table).selectAll().where('id', '=', schema.rowId).executeTakeFirst();
  return delegate(clients[index]!, schema.delegate).findUnique({ where: { id: schema.rowId } });
}

// Server-side reference for the layer under test, in the same loop: every RAW_EVERY-th tenant's first
// query is the same SQL sent raw (pg, no data layer) on a connection of its own, new to that schema as
// the pool's connection is to the others; its warm query is a tenant that connection read before.
// What PostgreSQL alone spends on a schema a connection has not seen shows there. The tenant is then
// read through tenantDb too (untimed), so every tenant is touched by the layer.
const RAW_EVERY = 10;
const rawClient =
  layer === 'kysely' ? new pg.Client({ connectionString: databaseUrl(), application_name: 'himal-bench-raw' }) : undefined;
await rawClient?.connect();
const rawText = `select * from "$schema"."${schema.table}" where "id" = $1`;

// Warm the process up (modules, the query compiler, JIT) on another table of the first tenant (the
// reference: through one client, let go after), so what the loop times and what the heap gains are
// the tenants, not the first use of the code.
const warmUpClient = layer === 'prisma' ? newClient(tenants[0]!) : undefined;
for (let i = 0; i < 50; i++) {
  if (warmUpClient)
    await (delegate(warmUpClient, schema.warmUpDelegate) as unknown as { findFirst(): Promise<unknown> }).findFirst();
  else await kyselyOf(tenants[0]!).selectFrom(schema.warmUpTable).selectAll().limit(1).execute();
  await rawClient?.query(`select * from "${tenants[0]!.schemaName}"."${schema.warmUpTable}" limit 1`);
}
await warmUpClient?.$disconnect();

// Samples in arrays allocated before the baseline, so they are not counted as the layer's memory.
const coldMs = new Float64Array(count);
const warmMs = new Float64Array(count);
const rawColdMs = new Float64Array(Math.ceil(count / RAW_EVERY));
const rawWarmMs = new Float64Array(Math.ceil(count / RAW_EVERY));
const rawSeen = new Int32Array(Math.ceil(count / RAW_EVERY));
let coldN = 0;
let rawN = 0;
let rawErrors = 0;
const random = seededRandom(count);
let errors = 0;
let missingRows = 0;
let firstError: string | undefined;
const points: MemoryRun['points'] = [];
const before = await settledHeap(5, 200);

const touchStarted = performance.now();
const timedRead = async (index: number): Promise<number> => {
  const started = performance.now();
  try {
    if (!(await readRow(index))) missingRows += 1;
  } catch (error) {
    errors += 1;
    firstError ??= (error as Error).message.split('\n').slice(0, 3).join(' ');
  }
  return performance.now() - started;
};
const timedRaw = async (index: number): Promise<number> => {
  const started = performance.now();
  try {
    const result = await rawClient!.query(rawText.replace('$schema', tenants[index]!.schemaName), [schema.rowId]);
    if (result.rowCount !== 1) rawErrors += 1;
  } catch {
    rawErrors += 1;
  }
  return performance.now() - started;
};
for (let index = 0; index < count; index++) {
  if (rawClient && index % RAW_EVERY === RAW_EVERY - 1) {
    rawColdMs[rawN] = await timedRaw(index);
    rawSeen[rawN++] = index;
    rawWarmMs[rawN - 1] = await timedRaw(rawSeen[Math.floor(random() * rawN)]!);
    await timedRead(index);
  } else {
    // Cold: the tenant's first query; for the reference that includes making its client.
    const started = performance.now();
    if (layer === 'prisma') clients.push(newClient(tenants[index]!));
    await timedRead(index);
    coldMs[coldN++] = performance.now() - started;
  }
  // Warm: a tenant touched before (or this one), through what the layer kept for it.
  warmMs[index] = await timedRead(Math.floor(random() * (index + 1)));
  // A long-running server collects between tenants' first requests; what a Prisma client keeps
  // depends on it (without collections in between, clients made in a burst retain less heap than
  // the same clients made one at a time: 1.2 against 3.4 MiB each at 25 models, 2.6 against 11 at 50).
  if ((index + 1) % gcEvery === 0) {
    gc();
    // The first work after a full collection runs slower (caches refilled); that is the collection's
    // cost, not the next tenant's. A query of a tenant already touched takes it (untimed; its
    // failures are counted like any other).
    await timedRead(Math.floor(random() * (index + 1)));
  }
  if (checkpoints.has(index + 1)) points.push({ touched: index + 1, ...(await settledHeap()) });
}
const touchMs = performance.now() - touchStarted;
await rawClient?.end();
const rawSql: MemoryRun['rawSql'] = rawClient
  ? { cold: summarize([...rawColdMs.subarray(0, rawN)]), warm: summarize([...rawWarmMs.subarray(0, rawN)]), errors: rawErrors }
  : undefined;

reportToParent({
  layer,
  schema: schema.key,
  models: schema.models,
  source,
  table: schema.table,
  before,
  points,
  touchMs,
  gcEvery,
  cold: summarize([...coldMs.subarray(0, coldN)]),
  warm: summarize([...warmMs]),
  errors,
  missingRows,
  firstError,
  rawSql,
} satisfies MemoryRun);
for (const client of clients) await client.$disconnect();
await closeSharedPool();
