/**
 * Child process of units-of-work.ts: units of work spread over every tenant of the database at
 * DATABASE_URL, through @himal/db (`tenantDb`, `withTenant`) and, as the reference, through a warm
 * Prisma client per tenant (made and used once per tenant before measuring, as the LRU of 1,000 kept
 * them), both on the same shared pool. Each cell (unit × concurrency) is BENCH_ROUNDS rounds, the two
 * layers alternating inside each round (ABBA order) on the same tenant sequence.
 *   one query:    the tenant's theme_settings row.
 *   five queries: one transaction: a user by email, the theme, insert an offer_request, read it
 *                 back, update it (withTenant: BEGIN, one set_config, the five, COMMIT; reference:
 *                 $transaction with `SELECT set_config('search_path', schema, true)` first).
 */
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { closeSharedPool, sharedPool, tenantDb, withTenant } from '@himal/db';
import { reportToParent } from '../lib/child-process.ts';
import { mapConcurrent, summarize } from '../lib/stats.ts';
import { delegate, loadReferenceClient, type ReferenceClient } from './prisma-reference.ts';
import { benchTenantInput } from './tenants.ts';
import type { Layer, Unit, UnitCell, UnitsResult } from './units-of-work.ts';
import { seededRandom } from './web-reads.ts';

const perCell = Number(process.env.BENCH_UNITS);
const concurrencies = process.env.BENCH_CONCURRENCY!.split(',').map(Number);
const rounds = Number(process.env.BENCH_ROUNDS);

const pool = sharedPool();
pool.setMaxListeners(0);
const { rows } = await pool.query<{ schema_name: string; slug: string }>(
  'SELECT schema_name, slug FROM public.tenants ORDER BY slug',
);
const tenants = rows.map((row) => ({ schemaName: row.schema_name, email: benchTenantInput(row.slug).adminEmail }));
type BenchTenant = (typeof tenants)[number];

const PrismaClient = await loadReferenceClient(process.env.BENCH_PRISMA_CLIENT!);
const clients = new Map<string, ReferenceClient>(
  tenants.map((tenant) => [tenant.schemaName, new PrismaClient({ adapter: new PrismaPg(pool, { schema: tenant.schemaName }) })]),
);

const newRequestId = () => `orq_${randomBytes(16).toString('hex')}`;
const REQUEST = { origin: 'KTM', destination: 'DEL', departureDate: '2027-03-14', passengers: { adults: 2 } };
const WARNINGS = [{ supplierId: 'skyways', code: 'PARTIAL', message: 'bench' }];

const units: Record<Layer, Record<Unit, (tenant: BenchTenant) => Promise<void>>> = {
  kysely: {
    'one query': async (tenant) => {
      await tenantDb(tenant).selectFrom('theme_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    },
    'five queries': (tenant) =>
      withTenant(tenant, async (trx) => {
        await trx.selectFrom('users').select(['id', 'name', 'role']).where('email', '=', tenant.email).executeTakeFirstOrThrow();
        await trx.selectFrom('theme_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
        const id = newRequestId();
        await trx
          .insertInto('offer_requests')
          .values({ id, product: 'air', request: JSON.stringify(REQUEST), currency: 'NPR' })
          .execute();
        await trx.selectFrom('offer_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        await trx
          .updateTable('offer_requests')
          .set({ warnings: JSON.stringify(WARNINGS) })
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
      }),
  },
  prisma: {
    'one query': async (tenant) => {
      const theme = await delegate(clients.get(tenant.schemaName)!, 'themeSettings').findUnique({ where: { id: 1 } });
      if (!theme) throw new Error('no theme_settings row');
    },
    'five queries': (tenant) =>
      clients.get(tenant.schemaName)!.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT set_config('search_path', ${tenant.schemaName}, true)`;
        const user = await delegate(tx, 'user').findUnique({
          where: { email: tenant.email },
          select: { id: true, name: true, role: true },
        });
        if (!user) throw new Error('no user');
        if (!(await delegate(tx, 'themeSettings').findUnique({ where: { id: 1 } }))) throw new Error('no theme_settings row');
        const id = newRequestId();
        await delegate(tx, 'offerRequest').create({ data: { id, product: 'air', request: REQUEST, currency: 'NPR' } });
        if (!(await delegate(tx, 'offerRequest').findUnique({ where: { id } }))) throw new Error('offer request not read back');
        await delegate(tx, 'offerRequest').update({ where: { id }, data: { warnings: WARNINGS } });
      }),
  },
};
const LAYERS: Layer[] = ['kysely', 'prisma'];
const UNITS: Unit[] = ['one query', 'five queries'];

// Statements each layer sends per unit (BEGIN and COMMIT included), counted on pg's Client.query.
const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
const originalQuery = proto.query;
let statements = 0;
proto.query = function (this: unknown, ...args: unknown[]) {
  statements += 1;
  return originalQuery.apply(this, args);
};
const statementsPerUnit = {} as UnitsResult['statementsPerUnit'];
for (const layer of LAYERS) {
  statementsPerUnit[layer] = {} as Record<Unit, number>;
  for (const unit of UNITS) {
    await units[layer][unit](tenants[0]!); // the first use may prepare things
    statements = 0;
    await units[layer][unit](tenants[1 % tenants.length]!);
    statementsPerUnit[layer][unit] = statements;
  }
}
proto.query = originalQuery;

// Warm: every tenant once through each layer (the reference's clients are made and used here).
await mapConcurrent(tenants, 8, async (tenant) => {
  for (const layer of LAYERS) await units[layer]['one query'](tenant);
});

const cells: UnitCell[] = [];
const random = seededRandom(tenants.length + perCell);
for (const unit of UNITS) {
  for (const concurrency of concurrencies) {
    const perRound = Math.ceil(perCell / rounds);
    const samples = Object.fromEntries(
      LAYERS.map((layer) => [
        layer,
        { latencies: [] as number[], wallMs: 0, errors: 0, firstError: undefined as string | undefined },
      ]),
    ) as Record<Layer, { latencies: number[]; wallMs: number; errors: number; firstError?: string }>;
    for (let round = 0; round < rounds; round++) {
      const picks = Array.from({ length: perRound }, () => tenants[Math.floor(random() * tenants.length)]!);
      for (const layer of round % 2 === 0 ? LAYERS : [...LAYERS].reverse()) {
        const sample = samples[layer];
        const started = performance.now();
        await mapConcurrent(picks, concurrency, async (tenant) => {
          const unitStarted = performance.now();
          try {
            await units[layer][unit](tenant);
          } catch (error) {
            sample.errors += 1;
            sample.firstError ??= (error as Error).message.split('\n').slice(0, 3).join(' ');
          }
          sample.latencies.push(performance.now() - unitStarted);
        });
        sample.wallMs += performance.now() - started;
      }
    }
    for (const layer of LAYERS) {
      const sample = samples[layer];
      cells.push({
        unit,
        concurrency,
        layer,
        units: sample.latencies.length,
        latency: summarize(sample.latencies),
        unitsPerSecond: (sample.latencies.length / sample.wallMs) * 1000,
        errors: sample.errors,
        firstError: sample.firstError,
      });
    }
    const [kysely, prisma] = cells.slice(-2);
    console.log(
      `${unit}, ${concurrency} in flight: ${kysely!.unitsPerSecond.toFixed(0)} units/s (tenantDb) vs ${prisma!.unitsPerSecond.toFixed(0)} (Prisma client per tenant)`,
    );
  }
}

reportToParent({
  tenants: tenants.length,
  poolSize: pool.options.max ?? 10,
  rounds,
  statementsPerUnit,
  cells,
} satisfies UnitsResult);
for (const client of clients.values()) await client.$disconnect();
await closeSharedPool();
