/**
 * Child process of client-cache-heap.ts (run with --expose-gc, TENANT_CLIENT_CACHE_SIZE set or not):
 * touches every tenant once through tenantDb() and reports heapUsed, after a full GC, at checkpoints.
 */
import { clearTenantClients, closeSharedPool, sharedPool, tenantClientCacheStats, tenantDb } from '@himal/db';
import { setTimeout as sleep } from 'node:timers/promises';
import { reportToParent } from '../lib/child-process.ts';
import { summarize } from '../lib/stats.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

/** Lets disconnects of evicted clients finish, then collects until the heap stops shrinking. */
async function settledHeap(): Promise<{ heapUsed: number; external: number; rss: number }> {
  await sleep(50);
  let previous = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    gc!();
    await sleep(10);
    const used = process.memoryUsage().heapUsed;
    if (used >= previous - 64 * 1024) break;
    previous = used;
  }
  const { heapUsed, external, rss } = process.memoryUsage();
  return { heapUsed, external, rss };
}

const { rows } = await sharedPool().query<{ schema_name: string }>('SELECT schema_name FROM public.tenants ORDER BY slug');
const tenants = rows.map((row) => ({ schemaName: row.schema_name }));
const checkpoints = new Set([10, 50, 100, 200, 500, tenants.length]);

// Load Prisma's runtime and query compiler once, then empty the cache: the baseline is a warm
// process with no tenant client held, so what grows after it is the cache.
await tenantDb(tenants[0]!).themeSettings.findUnique({ where: { id: 1 } });
clearTenantClients();
const before = await settledHeap();

const firstQueryMs: number[] = [];
const cachedQueryMs: number[] = [];
const touchStarted = performance.now();
const points: Array<{ touched: number; heapUsed: number; external: number; rss: number; cached: number }> = [];
for (const [index, tenant] of tenants.entries()) {
  let started = performance.now();
  const theme = await tenantDb(tenant).themeSettings.findUnique({ where: { id: 1 } });
  firstQueryMs.push(performance.now() - started);
  if (!theme) throw new Error(`${tenant.schemaName} has no theme_settings row`);
  // Reference: the same query again, through the client now in the cache.
  started = performance.now();
  await tenantDb(tenant).themeSettings.findUnique({ where: { id: 1 } });
  cachedQueryMs.push(performance.now() - started);
  if (checkpoints.has(index + 1))
    points.push({ touched: index + 1, ...(await settledHeap()), cached: tenantClientCacheStats().size });
}

const touchMs = performance.now() - touchStarted;

// Evicted clients may be kept a while before they are let go (a request may still be using one).
// Right after the loop the heap holds those too; wait until heapUsed is back to what `max` clients
// held on the way up (+15%), or 90 s, to show the bound holds once they are released. External
// memory is reported, not waited for: it stays at its high-water mark and is reused.
const max = tenantClientCacheStats().max;
let released: { waitedMs: number; heapUsed: number; external: number; rss: number } | undefined;
const full = points.find((point) => point.cached === max);
if (full && max < tenants.length) {
  const waitStarted = performance.now();
  for (;;) {
    const heap = await settledHeap();
    const waitedMs = performance.now() - waitStarted;
    if (heap.heapUsed - before.heapUsed <= (full.heapUsed - before.heapUsed) * 1.15 || waitedMs > 90_000) {
      released = { waitedMs, ...heap };
      break;
    }
    await sleep(1_000);
  }
}

reportToParent({
  cacheSetting: process.env.TENANT_CLIENT_CACHE_SIZE ?? 'default',
  stats: tenantClientCacheStats(),
  before,
  points,
  touchMs,
  released,
  firstQueryMs: summarize(firstQueryMs),
  cachedQueryMs: summarize(cachedQueryMs),
});
clearTenantClients();
await closeSharedPool();
