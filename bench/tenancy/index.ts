/**
 * npm run bench -- tenancy [--tenants 1000] [--provision 100] [--requests 500] [--concurrency 8]
 *                          [--bulk-concurrency 8] [--heap-tenants 10000] [--synthetic-tenants 1000]
 *                          [--synthetic-models 25,50] [--reference-clients 100] [--units 2000]
 *                          [--unit-concurrency 8,64] [--first-visits 10000]
 *                          [--skip web,rollout,units,memory] [--keep-db] [--rebuild-web]
 *
 * What a schema-per-tenant platform must keep cheap as agencies are added: provisioning one, rolling
 * a migration out to all, reading a tenant page with many tenants, the memory and the cold first
 * query of the tenant data layer, and its units of work, each beside a reference measured in the
 * same run (for the data layer: a Prisma client per tenant, as packages/db had it until 2026-12).
 * Everything runs in throwaway databases, dropped at the end: the bench database (--tenants), one with
 * --heap-tenants tenants, one with the synthetic schemas, and the web comparison's few-tenant one.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { closeSharedPool, disconnectControlDb, runMigrations, sharedPool, type Tenant } from '@himal/db';
import { createBenchDatabase, type BenchDatabase } from '../lib/bench-database.ts';
import { runTsChild } from '../lib/child-process.ts';
import { seconds, writeResults } from '../lib/report.ts';
import { elapsedMs } from '../lib/stats.ts';
import { measureDataLayerMemory, type MemoryPlan, type MemoryRun } from './data-layer-memory.ts';
import { measureMigrationRollout, type RolloutResult } from './migration-rollout.ts';
import { generateReferenceClients, type SchemaUnderTest } from './prisma-reference.ts';
import { measureProvisioning, type ProvisioningResult } from './provisioning.ts';
import { detailTables, summaryTable } from './report-tables.ts';
import { syntheticSchema } from './synthetic-schema.ts';
import { provisionTenants } from './tenants.ts';
import { measureUnitsOfWork, type UnitsResult } from './units-of-work.ts';
import { compareWebReads, type WebComparison } from './web-phase.ts';
import { webAppExists } from './web-server.ts';

export interface TenancyResults {
  settings: Record<string, number | string | string[] | number[]>;
  postgres?: string;
  initialProvisioning?: { tenants: number; ms: number; concurrency: number };
  provisioning?: Omit<ProvisioningResult, 'tenants'>;
  bulkProvisioning?: { tenants: number; ms: number; concurrency: number; totalTenants: number };
  /** The database of --heap-tenants tenants: the few with createTenant, the rest with raw SQL. */
  hugeDatabase?: { tenants: number; createTenant: number; raw: number; rawMs: number; ms: number };
  /** The synthetic schemas: what one of each model count holds, and how long making them took. */
  syntheticDatabase?: {
    ms: number;
    schemas: Array<{
      models: number;
      schemas: number;
      ms: number;
      columns: [number, number];
      enums: number;
      indexes: number;
      foreignKeys: number;
    }>;
  };
  web?: WebComparison;
  webSkipped?: string;
  rollout?: RolloutResult;
  units?: UnitsResult & { loadAverage: { start: number; end: number } };
  memory?: { runs: MemoryRun[]; loadAverage: { start: number; end: number } };
  totalMs?: number;
}

const list = (value: string): number[] => value.split(',').filter(Boolean).map(Number);

export async function runBench(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      tenants: { type: 'string', default: '1000' },
      provision: { type: 'string', default: '100' },
      requests: { type: 'string', default: '500' },
      concurrency: { type: 'string', default: '8' },
      'bulk-concurrency': { type: 'string', default: '8' },
      'heap-tenants': { type: 'string', default: '10000' },
      'synthetic-tenants': { type: 'string', default: '1000' },
      'synthetic-models': { type: 'string', default: '25,50' },
      'reference-clients': { type: 'string', default: '100' },
      units: { type: 'string', default: '2000' },
      'unit-concurrency': { type: 'string', default: '8,64' },
      // Every tenant of each app is read once before the measured rounds (their cost is a row of its own),
      // so the rounds compare apps in the state a running app is in, not its first minutes.
      'first-visits': { type: 'string', default: '10000' },
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
  const heapTenants = Number(values['heap-tenants']);
  const syntheticTenants = Number(values['synthetic-tenants']);
  const syntheticModels = list(values['synthetic-models']);
  const referenceClients = Number(values['reference-clients']);
  const unitsPerCell = Number(values.units);
  const unitConcurrency = list(values['unit-concurrency']);
  const firstVisits = Number(values['first-visits']);
  // `heap` was the name of the memory measurement before it covered the data layer as a whole.
  const skip = new Set(
    values.skip
      .split(',')
      .filter(Boolean)
      .map((name) => (name === 'heap' ? 'memory' : name)),
  );
  const fewTenants = 10;
  if (totalTenants < fewTenants + provisionCount) throw new Error(`--tenants must be at least ${fewTenants + provisionCount}`);
  if (heapTenants <= fewTenants) throw new Error(`--heap-tenants must be more than ${fewTenants}`);
  if (syntheticModels.some((models) => models < 2 || models > 50)) throw new Error('--synthetic-models are 2 to 50 each');
  /** Per-tenant Prisma clients of the reference: half as many for schemas of 50 models or more. */
  const referenceCount = (models: number, available: number) =>
    Math.min(models >= 50 ? Math.ceil(referenceClients / 2) : referenceClients, available);

  const started = performance.now();
  const log = (line: string) => console.log(`[${seconds(elapsedMs(started)).padStart(7)}] ${line}`);
  const results: TenancyResults = {
    settings: {
      totalTenants,
      provisionCount,
      requests,
      concurrency,
      bulkConcurrency,
      fewTenants,
      heapTenants,
      syntheticTenants,
      syntheticModels,
      referenceClients,
      unitsPerCell,
      unitConcurrency,
      firstVisits,
      skip: [...skip],
    },
  };

  // The shared pool must hold the rollout's concurrency 8 plus bookkeeping; read once, at first use.
  // The children (units of work, memory) and the web apps get the same size.
  process.env.DATABASE_POOL_SIZE ??= '12';
  process.env.HIMAL_APP_NAME ??= 'himal-bench';
  const db = await createBenchDatabase(log);
  const extraDbs: BenchDatabase[] = [];
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

    let huge: { url: string; slugs: string[] } | undefined;
    if (webReady || !skip.has('memory')) {
      const rawCount = heapTenants - fewTenants;
      log(`a database of ${heapTenants} tenants: the same ${fewTenants} with createTenant, ${rawCount} more with raw SQL`);
      const hugeDb = await createBenchDatabase(() => undefined, { setEnv: false });
      extraDbs.push(hugeDb);
      const made = await runTsChild<{ ms: number; slugs: string[]; raw: { ms: number; slugs: string[] } }>(
        join(import.meta.dirname, 'provision-database.child.ts'),
        {
          env: {
            ...process.env,
            DATABASE_URL: hugeDb.url,
            BENCH_PREFIX: 'w',
            BENCH_COUNT: String(fewTenants),
            BENCH_RAW_PREFIX: 'h',
            BENCH_RAW_COUNT: String(rawCount),
          },
        },
      );
      if (made.slugs.join() !== slugsOf(few.tenants).join())
        throw new Error('the large database does not hold the warm-up tenants');
      huge = { url: hugeDb.url, slugs: [...made.slugs, ...made.raw.slugs] };
      results.hugeDatabase = {
        tenants: huge.slugs.length,
        createTenant: fewTenants,
        raw: rawCount,
        rawMs: made.raw.ms,
        ms: made.ms + made.raw.ms,
      };
      log(`  ${huge.slugs.length} tenants in ${hugeDb.name}; ${rawCount} raw in ${seconds(made.raw.ms)}`);
    }

    let syntheticUrl: string | undefined;
    if (!skip.has('memory') && syntheticModels.length > 0) {
      log(`synthetic tenant schemas: ${syntheticTenants} each of ${syntheticModels.join(' and ')} models`);
      const syntheticDb = await createBenchDatabase(() => undefined, { setEnv: false });
      extraDbs.push(syntheticDb);
      const made = await runTsChild<{ created: Record<string, { schemas: number; ms: number }> }>(
        join(import.meta.dirname, 'synthetic-database.child.ts'),
        {
          env: {
            ...process.env,
            DATABASE_URL: syntheticDb.url,
            BENCH_SYNTHETIC_MODELS: syntheticModels.join(','),
            BENCH_SYNTHETIC_COUNT: String(syntheticTenants),
          },
        },
      );
      syntheticUrl = syntheticDb.url;
      const schemas = syntheticModels.map((models) => {
        const schema = syntheticSchema(models);
        const columns = schema.models.map((model) => model.columns.length);
        return {
          models,
          ...made.created[String(models)]!,
          columns: [Math.min(...columns), Math.max(...columns)] as [number, number],
          enums: schema.enums.length,
          indexes: schema.models.reduce(
            (sum, model) => sum + model.indexes.length + model.columns.filter((c) => c.unique).length,
            0,
          ),
          foreignKeys: schema.models.filter((model) => model.parent).length,
        };
      });
      results.syntheticDatabase = { ms: schemas.reduce((sum, schema) => sum + schema.ms, 0), schemas };
    }

    if (webReady) {
      log(`web: tenant page reads, ${fewTenants} tenants against ${totalTenants}${huge ? ` and ${huge.slugs.length}` : ''}`);
      results.web = await compareWebReads({
        warmSlugs: slugsOf(few.tenants),
        allSlugs: slugsOf([...few.tenants, ...provisioned, ...bulk.tenants]),
        huge,
        firstVisits,
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

    let schemas: SchemaUnderTest[] = [];
    if (!skip.has('units') || !skip.has('memory')) {
      log(`generating the reference's Prisma clients (tenant schema${syntheticModels.map((m) => `, ${m} models`).join('')})`);
      schemas = generateReferenceClients(skip.has('memory') ? [] : syntheticModels);
    }
    const tenantSchema = schemas.find((schema) => schema.key === 'tenant');

    if (!skip.has('units') && tenantSchema) {
      log(`units of work over the ${totalTenants} tenants: tenantDb/withTenant against a warm Prisma client per tenant`);
      const start = loadavg()[0]!;
      const units = await measureUnitsOfWork({
        databaseUrl: db.url,
        prismaClient: tenantSchema.prismaClient,
        unitsPerCell,
        concurrencies: unitConcurrency,
      });
      results.units = { ...units, loadAverage: { start, end: loadavg()[0]! } };
    }

    if (!skip.has('memory') && huge && tenantSchema) {
      log(`data layer memory and cold first queries: ${heapTenants} tenants, and ${syntheticTenants} of each synthetic schema`);
      const start = loadavg()[0]!;
      const plans: MemoryPlan[] = [];
      for (const schema of schemas) {
        const real = schema.key === 'tenant';
        const databaseUrl = real ? huge.url : syntheticUrl!;
        const source = real ? 'tenants' : 'synthetic';
        const available = real ? heapTenants : syntheticTenants;
        plans.push({ layer: 'kysely', schema, source, databaseUrl, count: available, checkpoints: [100, 1_000] });
        plans.push({
          layer: 'prisma',
          schema,
          source,
          databaseUrl,
          count: referenceCount(schema.models, available),
          checkpoints: [10, 50],
        });
      }
      results.memory = { runs: await measureDataLayerMemory(plans), loadAverage: { start, end: loadavg()[0]! } };
    }
  } finally {
    await disconnectControlDb().catch(() => undefined);
    await closeSharedPool().catch(() => undefined);
    if (values['keep-db']) log(`kept ${[db, ...extraDbs].map((kept) => kept.name).join(', ')} (--keep-db)`);
    else {
      for (const extra of extraDbs) await extra.drop();
      await db.drop();
    }
  }
  results.totalMs = elapsedMs(started);

  console.log('');
  console.log(summaryTable(results));
  for (const table of detailTables(results)) console.log(table);
  const file = writeResults('tenancy', results);
  log(`done in ${seconds(results.totalMs)}; results in ${file}`);
}
