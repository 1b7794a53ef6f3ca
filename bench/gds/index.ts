/**
 * npm run bench -- gds [--skip translation,search,dedup,load] [--itineraries 1000] [--warm-up 5] [--iterations 25]
 *                      [--latencies 150,300,600] [--concurrency 1,50,200] [--rounds 4] [--min-searches 15]
 *                      [--load-concurrency 20,100,200,500] [--load-seconds 15] [--load-warm-up 5]
 *                      [--load-timeout 30] [--rebuild-web] [--keep-db]
 *
 * What the supplier layer adds on top of the suppliers: the cost of translating a large SOAP answer,
 * the latency an aggregated search adds to the slowest supplier's, how well hotel listings of the
 * same property are put together, and the web app's search API under load over HTTP. Simulators run
 * in a child process; the platform's data lives in a throwaway database, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { closeSharedPool, disconnectControlDb, runMigrations, sharedPool } from '@himal/db';
import { flushSupplierCalls, seedFxRates } from '@himal/gds';
import { seedSimulatorAccounts, type RunningSimulators, type SimulatorContext } from '@himal/simulators';
import { createBenchDatabase, type BenchDatabase } from '../lib/bench-database.ts';
import { startTsService, type TsService } from '../lib/child-process.ts';
import { seconds, writeResults } from '../lib/report.ts';
import { elapsedMs } from '../lib/stats.ts';
import { createBenchTenant } from '../tenancy/tenants.ts';
import { measureDedup, type DedupResult } from './dedup.ts';
import { detailTables, summaryTable } from './report-tables.ts';
import { measureSearchOverhead, type SearchOverheadResult, type SimulatorEndpoint } from './search-overhead.ts';
import { measureTranslation, type TranslationResult } from './translation.ts';
import { measureWebLoad, type WebLoadResult } from './web-load.ts';

export interface GdsResults {
  settings: Record<string, number | string | number[] | string[]>;
  postgres?: string;
  translation?: TranslationResult;
  search?: SearchOverheadResult;
  dedup?: DedupResult;
  load?: WebLoadResult;
  totalMs?: number;
}

const numbers = (list: string) =>
  list
    .split(',')
    .filter(Boolean)
    .map((value) => {
      const number = Number(value);
      if (!Number.isFinite(number) || number < 0) throw new Error(`not a number: ${value}`);
      return number;
    });

/** The simulators run in the child; seeding the accounts needs only their endpoints. */
function remoteSimulators(endpoints: SimulatorEndpoint[]): RunningSimulators {
  const simulators = new Map(
    endpoints.map((simulator) => [
      simulator.id,
      { ...simulator, context: {} as SimulatorContext, close: () => Promise.resolve() },
    ]),
  );
  return { simulators, stop: () => Promise.resolve() };
}

export async function runBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      skip: { type: 'string', default: '' },
      itineraries: { type: 'string', default: '1000' },
      'warm-up': { type: 'string', default: '5' },
      iterations: { type: 'string', default: '25' },
      latencies: { type: 'string', default: '150,300,600' },
      concurrency: { type: 'string', default: '1,50,200' },
      rounds: { type: 'string', default: '4' },
      'min-searches': { type: 'string', default: '15' },
      'load-concurrency': { type: 'string', default: '20,100,200,500' },
      'load-seconds': { type: 'string', default: '15' },
      'load-warm-up': { type: 'string', default: '5' },
      'load-timeout': { type: 'string', default: '30' },
      'rebuild-web': { type: 'boolean', default: false },
      'keep-db': { type: 'boolean', default: false },
    },
  });
  const skip = new Set(values.skip.split(',').filter(Boolean));
  const settings = {
    itineraries: Number(values.itineraries),
    warmUp: Number(values['warm-up']),
    iterations: Number(values.iterations),
    latencies: numbers(values.latencies),
    concurrencies: numbers(values.concurrency),
    rounds: Number(values.rounds),
    minSearches: Number(values['min-searches']),
    loadConcurrencies: numbers(values['load-concurrency']).filter((value) => value > 0),
    loadSeconds: Number(values['load-seconds']),
    loadWarmUpSeconds: Number(values['load-warm-up']),
    loadTimeoutSeconds: Number(values['load-timeout']),
    skip: [...skip],
  };
  const started = performance.now();
  const log = (line: string) => console.log(`[${seconds(elapsedMs(started)).padStart(7)}] ${line}`);
  const results: GdsResults = { settings };

  // First, while nothing else of the bench runs: the simulator it reads from is stopped before timing.
  if (!skip.has('translation')) {
    log(`translation: a ${settings.itineraries}-itinerary OTA_AirLowFareSearchRS through the skyways adapter`);
    results.translation = await measureTranslation({ ...settings, log });
  }

  if (!skip.has('search') || !skip.has('dedup') || !skip.has('load')) {
    process.env.HIMAL_APP_NAME ??= 'himal-bench';
    // The accounts are sealed with it here and opened with it by the web app (a production build
    // refuses to run without one): a key of this run's own unless one is set.
    process.env.SUPPLIER_CREDENTIALS_KEY ??= randomBytes(32).toString('base64');
    let db: BenchDatabase | undefined;
    let simulators: TsService<{ simulators: SimulatorEndpoint[] }> | undefined;
    try {
      db = await createBenchDatabase(log);
      results.postgres = (await sharedPool().query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version;
      await runMigrations();
      log('supplier simulators: starting skyways, himalayan-gds, staylink and roomrack in a child process');
      simulators = await startTsService(join(import.meta.dirname, 'simulators.child.ts'), {
        env: { ...process.env, SIMULATORS: 'skyways,himalayan-gds,staylink,roomrack' },
      });
      await seedSimulatorAccounts(remoteSimulators(simulators.ready.simulators));
      await seedFxRates();
      const { tenant } = await createBenchTenant('gdsbench');
      log(`  tenant ${tenant.slug}; platform supplier accounts point at the child's simulators; FX rates seeded`);

      if (!skip.has('search')) {
        log(
          `search overhead: searchFlights at ${settings.latencies.join(', ')} ms of supplier latency, ${settings.concurrencies.join(', ')} at a time`,
        );
        results.search = await measureSearchOverhead({
          tenantId: tenant.id,
          simulators: simulators.ready.simulators,
          simulatorsPid: simulators.pid,
          ...settings,
          log,
        });
      }
      if (!skip.has('dedup')) {
        log('deduplication: every city of the hotel world through staylink and roomrack');
        results.dedup = await measureDedup({ tenantId: tenant.id, log });
      }
      if (!skip.has('load')) {
        log(
          `load: POST /api/v1/air/offer-requests of the production web app, ${settings.loadConcurrencies.join(', ')} at a time, ${settings.loadSeconds} s each, beside bare skyways round trips`,
        );
        results.load = await measureWebLoad({
          tenantSlug: tenant.slug,
          simulators: simulators.ready.simulators,
          simulatorsPid: simulators.pid,
          databaseUrl: db.url,
          concurrencies: settings.loadConcurrencies,
          seconds: settings.loadSeconds,
          warmUpSeconds: settings.loadWarmUpSeconds,
          timeoutMs: settings.loadTimeoutSeconds * 1000,
          rebuildWeb: values['rebuild-web'],
          log,
        });
      }
      await flushSupplierCalls();
    } finally {
      await simulators?.stop();
      await disconnectControlDb().catch(() => undefined);
      await closeSharedPool().catch(() => undefined);
      if (db && values['keep-db']) log(`kept ${db.name} (--keep-db)`);
      else await db?.drop();
    }
  }
  results.totalMs = elapsedMs(started);

  console.log('');
  console.log(summaryTable(results));
  for (const table of detailTables(results)) console.log(table);
  const file = writeResults('gds', results);
  log(`done in ${seconds(results.totalMs)}; results in ${file}`);
}
