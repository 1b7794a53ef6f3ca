/**
 * npm run bench -- tenancy [--tenants 1000] [--provision 100] [--requests 500] [--concurrency 8]
 *                          [--bulk-concurrency 8] [--skip web,rollout,heap] [--keep-db] [--rebuild-web]
 *
 * What a schema-per-tenant platform must keep cheap as agencies are added: provisioning one, rolling
 * a migration out to all, reading a tenant page with many tenants, and the memory of tenant clients.
 * Everything runs in a throwaway database, dropped at the end.
 */
import { parseArgs } from 'node:util';
import { closeSharedPool, disconnectControlDb, runMigrations, sharedPool, type Tenant } from '@himal/db';
import { createBenchDatabase } from '../lib/bench-database.ts';
import { seconds, writeResults } from '../lib/report.ts';
import { elapsedMs } from '../lib/stats.ts';
import { measureClientCacheHeap, type CacheHeapRun } from './client-cache-heap.ts';
import { measureMigrationRollout, type RolloutResult } from './migration-rollout.ts';
import { measureProvisioning, type ProvisioningResult } from './provisioning.ts';
import { detailTables, summaryTable } from './report-tables.ts';
import { provisionTenants } from './tenants.ts';
import { compareWebReads, type WebComparison } from './web-phase.ts';
import { webAppExists } from './web-server.ts';

export interface TenancyResults {
  settings: Record<string, number | string | string[]>;
  postgres?: string;
  initialProvisioning?: { tenants: number; ms: number; concurrency: number };
  provisioning?: Omit<ProvisioningResult, 'tenants'>;
  bulkProvisioning?: { tenants: number; ms: number; concurrency: number; totalTenants: number };
  web?: WebComparison;
  webSkipped?: string;
  rollout?: RolloutResult;
  clientCacheHeap?: CacheHeapRun[];
  totalMs?: number;
}

export async function runBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      tenants: { type: 'string', default: '1000' },
      provision: { type: 'string', default: '100' },
      requests: { type: 'string', default: '500' },
      concurrency: { type: 'string', default: '8' },
      'bulk-concurrency': { type: 'string', default: '8' },
      skip: { type: 'string', default: '' },
      'keep-db': { type: 'boolean', default: false },
      'rebuild-web': { type: 'boolean', default: false },
    },
  });
  const totalTenants = Number(values.tenants);
  const provisionCount = Number(values.provision);
  const requests = Number(values.requests);
  const concurrency = Number(values.concurrency);
  const bulkConcurrency = Number(values['bulk-concurrency']);
  const skip = new Set(values.skip.split(',').filter(Boolean));
  const fewTenants = 10;
  if (totalTenants < fewTenants + provisionCount) throw new Error(`--tenants must be at least ${fewTenants + provisionCount}`);

  const started = performance.now();
  const log = (line: string) => console.log(`[${seconds(elapsedMs(started)).padStart(7)}] ${line}`);
  const results: TenancyResults = {
    settings: { totalTenants, provisionCount, requests, concurrency, bulkConcurrency, fewTenants, skip: [...skip] },
  };

  // The shared pool must hold the rollout's concurrency 8 plus bookkeeping; read once, at first use.
  process.env.DATABASE_POOL_SIZE ??= '12';
  process.env.HIMAL_APP_NAME ??= 'himal-bench';
  const db = await createBenchDatabase(log);
  try {
    results.postgres = (await sharedPool().query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version;
    await runMigrations();

    log(`provisioning ${fewTenants} tenants (the web comparison's few)`);
    const few = await provisionTenants('w', 1, fewTenants, bulkConcurrency);
    results.initialProvisioning = { tenants: fewTenants, ms: few.ms, concurrency: bulkConcurrency };
    const slugsOf = (tenants: Tenant[]) => tenants.map((tenant) => tenant.slug);

    const webReady = !skip.has('web') && webAppExists();
    if (!webReady) results.webSkipped = skip.has('web') ? 'skipped by --skip web' : 'apps/web has no app folder yet';

    log(`provisioning: ${provisionCount} tenants one after another (createTenant), with references`);
    const { tenants: provisioned, ...provisioning } = await measureProvisioning('p', provisionCount);
    results.provisioning = provisioning;

    const remaining = totalTenants - fewTenants - provisionCount;
    log(`provisioning ${remaining} more tenants, ${bulkConcurrency} at a time`);
    const bulk = await provisionTenants('b', 1, remaining, bulkConcurrency);
    results.bulkProvisioning = { tenants: remaining, ms: bulk.ms, concurrency: bulkConcurrency, totalTenants };
    log(`  ${remaining} tenants in ${seconds(bulk.ms)}; ${totalTenants} tenants now`);

    if (webReady) {
      log(`web: tenant page reads, ${fewTenants} tenants against ${totalTenants}`);
      results.web = await compareWebReads({
        warmSlugs: slugsOf(few.tenants),
        allSlugs: slugsOf([...few.tenants, ...provisioned, ...bulk.tenants]),
        requests,
        concurrency,
        rebuild: values['rebuild-web'],
        log,
      });
    }

    if (!skip.has('rollout')) {
      log(`migration rollout: one new tenant migration to ${totalTenants} schemas`);
      results.rollout = await measureMigrationRollout([4, 8]);
    }

    // The children open their own pools; this process's connections are not needed meanwhile.
    await disconnectControlDb();
    await closeSharedPool();
    if (!skip.has('heap')) {
      log(`tenant client cache: heap after one query for each of ${totalTenants} tenants`);
      results.clientCacheHeap = await measureClientCacheHeap([50, 200, undefined], totalTenants);
    }
  } finally {
    await disconnectControlDb().catch(() => undefined);
    await closeSharedPool().catch(() => undefined);
    if (values['keep-db']) log(`kept ${db.name} (--keep-db)`);
    else await db.drop();
  }
  results.totalMs = elapsedMs(started);

  console.log('');
  console.log(summaryTable(results));
  for (const table of detailTables(results)) console.log(table);
  const file = writeResults('tenancy', results);
  log(`done in ${seconds(results.totalMs)}; results in ${file}`);
}
