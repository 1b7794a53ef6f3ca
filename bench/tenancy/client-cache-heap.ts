import { join } from 'node:path';
import { runTsChild } from '../lib/child-process.ts';
import type { Summary } from '../lib/stats.ts';

export interface HeapPoint {
  touched: number;
  heapUsed: number;
  external: number;
  rss: number;
  cached: number;
}

export interface CacheHeapRun {
  cacheSetting: string;
  /** A cache at least as large as the tenant count: nothing is evicted, so it shows a client's cost. */
  neverEvicts?: boolean;
  stats: { size: number; max: number };
  before: { heapUsed: number; external: number; rss: number };
  points: HeapPoint[];
  /** How long touching every tenant took. */
  touchMs: number;
  /** Heap once evicted clients were released (absent when nothing was evicted). */
  released?: { waitedMs: number; heapUsed: number; external: number; rss: number };
  /** A tenant's first query: through a new client (every tenant is touched once). */
  firstQueryMs: Summary;
  /** The same query right after, through the client now cached: the reference for the above. */
  cachedQueryMs: Summary;
}

/**
 * Heap held by the tenant client cache after one query for each tenant, each cache size in a fresh
 * process with --expose-gc: `undefined` is the default (env unset); a size at least the tenant count
 * never evicts and is the reference for what one cached client costs.
 */
export async function measureClientCacheHeap(
  cacheSizes: Array<number | undefined>,
  tenantCount: number,
): Promise<CacheHeapRun[]> {
  const runs: CacheHeapRun[] = [];
  for (const size of cacheSizes) {
    const env = { ...process.env };
    if (size === undefined) delete env.TENANT_CLIENT_CACHE_SIZE;
    else env.TENANT_CLIENT_CACHE_SIZE = String(size);
    console.log(`  tenant client cache ${size ?? 'default'}: touching every tenant in a child process`);
    const run = await runTsChild<CacheHeapRun>(join(import.meta.dirname, 'client-cache-heap.child.ts'), {
      env,
      nodeArgs: ['--expose-gc'],
    });
    runs.push({ ...run, neverEvicts: run.stats.max >= tenantCount && size !== undefined });
  }
  return runs;
}
