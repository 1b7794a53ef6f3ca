import { formatTable, mib, ms, seconds, type Row } from '../lib/report.ts';
import type { Summary } from '../lib/stats.ts';
import { perTenant, type MemoryRun } from './data-layer-memory.ts';
import type { TenancyResults } from './index.ts';
import type { UnitCell } from './units-of-work.ts';
import type { ReadRun } from './web-reads.ts';

const within = (ok: boolean | undefined): string => (ok === undefined ? '' : ok ? 'yes' : 'NO');
const p50p95 = (s: Summary): string => `p50 ${ms(s.p50)} / p95 ${ms(s.p95)}`;
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
const count = (n: number): string => n.toLocaleString('en-US');
/** Growth with its sign (a heap can end a little below its baseline). */
const growthMib = (bytes: number): string => `${bytes < 0 ? '-' : '+'}${mib(Math.abs(bytes))}`;
const perTenantMib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 4 : 2)} MiB`;
const schemaLabel = (run: Pick<MemoryRun, 'schema' | 'models'>): string =>
  run.schema === 'tenant' ? `tenant schema (${run.models} models)` : `synthetic schema of ${run.models} models`;
const layerLabel = (run: { layer: MemoryRun['layer'] | 'raw' }): string =>
  run.layer === 'kysely' ? 'tenantDb (Kysely)' : run.layer === 'raw' ? 'raw SQL (pg), no data layer' : 'Prisma client per tenant';
const failures = (errors: number, missing = 0): string =>
  `${errors ? `, ${errors} FAILED` : ''}${missing ? `, ${missing} without their row` : ''}`;
/** 0.1 MiB per tenant touched, whatever the model count. */
const MEMORY_TARGET = 0.1 * 1024 * 1024;

/** The figures against their targets, one row each. */
export function summaryTable(r: TenancyResults): string {
  const rows: Row[] = [];
  const row = (measure: string, result: string, reference: string, target: string, ok?: boolean) =>
    rows.push({ measure, result, 'reference (same run)': reference, target, 'within target': within(ok) });

  if (r.provisioning) {
    const { createTenant: c, reference } = r.provisioning;
    row(
      `provision a tenant (createTenant, ${c.n} in a row)`,
      `median ${ms(c.p50)}, p95 ${ms(c.p95)}, max ${ms(c.max)}`,
      `bare CREATE SCHEMA ${ms(reference.bareCreateSchema.p50)}; raw tenant DDL ${ms(reference.rawTenantDdl.p50)}; argon2 hash ${ms(reference.passwordHash.p50)} (medians)`,
      'median ≤ 1 s',
      c.p50 <= 1000,
    );
  }
  if (r.bulkProvisioning) {
    const b = r.bulkProvisioning;
    row(
      `provision ${b.tenants} tenants, ${b.concurrency} at a time`,
      `${seconds(b.ms)} (${ms(b.ms / b.tenants)} per tenant)`,
      r.provisioning ? `sequential median ${ms(r.provisioning.createTenant.p50)} per tenant` : '',
      '(setup for the next rows)',
    );
  }
  const reference = r.rollout?.runs.find((run) => run.label.startsWith('reference'));
  for (const run of r.rollout?.runs.filter((candidate) => !candidate.label.startsWith('reference')) ?? []) {
    row(
      `roll 1 migration out to ${run.schemas} schemas, concurrency ${run.concurrency}`,
      `${seconds(run.ms)} (${ms(run.perTenantMs)} per tenant)${run.failures ? `, ${run.failures} FAILED` : ''}`,
      reference
        ? `raw DDL, no runner, concurrency ${reference.concurrency}: ${seconds(reference.ms)} (${ms(reference.perTenantMs)} per tenant)`
        : '',
      '≤ 2 min',
      run.ms <= 120_000 && run.failures === 0,
    );
  }
  if (r.web) {
    const appOf = (key: string) => r.web!.apps.find((app) => app.key === key.replace('Zipf', ''));
    const describe = (key: string) => `${count(appOf(key)!.tenantsProvisioned)} tenants`;
    for (const stage of r.web.stages) {
      const base = stage.runs.few;
      if (!base) continue;
      row(`tenant page, ${describe('few')}, ${stage.name}`, p50p95(base.latency), '', '(base of the ratios below)');
      for (const [key, run] of Object.entries(stage.runs)) {
        if (key === 'few' || !run) continue;
        const worst = Math.max(run.latency.p50 / base.latency.p50, run.latency.p95 / base.latency.p95);
        row(
          `tenant page, ${describe(key)}, ${stage.name}`,
          `${p50p95(run.latency)}; ratio p50 ${ratio(run.latency.p50, base.latency.p50)}, p95 ${ratio(run.latency.p95, base.latency.p95)}${failures(run.errors + run.wrongTenant)}`,
          `${describe('few')}: ${p50p95(base.latency)}, alternating rounds`,
          'ratio ≤ 1.2',
          worst <= 1.2 && run.errors === 0 && run.wrongTenant === 0,
        );
      }
    }
    const cached = r.web.stages[0]?.runs.few;
    for (const [key, firstVisit] of Object.entries(r.web.firstVisit)) {
      if (!firstVisit || !cached) continue;
      row(
        `tenant page, first visit of ${count(firstVisit.requests)} of ${describe(key)}`,
        `${p50p95(firstVisit.latency)}${failures(firstVisit.errors + firstVisit.wrongTenant)}`,
        `${describe('few')}, warm: ${p50p95(cached.latency)}`,
        '(directory miss + first query)',
      );
    }
  }
  if (r.webSkipped) row('tenant page reads', `not measured: ${r.webSkipped}`, '', 'ratio ≤ 1.2');

  const memory = r.memory?.runs ?? [];
  const referenceOf = (run: MemoryRun) => memory.find((other) => other.layer === 'prisma' && other.schema === run.schema);
  for (const run of memory.filter((candidate) => candidate.layer === 'kysely')) {
    const reference = referenceOf(run);
    const referencePoint = reference?.points.at(-1);
    const shown = run.points.filter((point) => point.touched >= 1_000 || point === run.points.at(-1));
    for (const point of shown) {
      const bytes = perTenant(run, point);
      row(
        `data layer heap, ${schemaLabel(run)}, ${count(point.touched)} tenants touched once`,
        `${perTenantMib(bytes)} per tenant (heap ${growthMib(point.heapUsed - run.before.heapUsed)} in all)${failures(run.errors, run.missingRows)}`,
        reference && referencePoint
          ? `Prisma client per tenant: ${perTenantMib(perTenant(reference, referencePoint))} per client (${referencePoint.touched} clients, heap ${growthMib(referencePoint.heapUsed - reference.before.heapUsed)})${failures(reference.errors, reference.missingRows)}`
          : '',
        '≤ 0.1 MiB per tenant, any model count',
        bytes <= MEMORY_TARGET && run.errors === 0 && run.missingRows === 0,
      );
    }
  }
  for (const run of memory.filter((candidate) => candidate.layer === 'kysely')) {
    const reference = referenceOf(run);
    row(
      `cold first query, ${schemaLabel(run)}, ${count(run.cold.n + (run.rawSql?.cold.n ?? 0))} tenants new to the process`,
      `cold ${p50p95(run.cold)}; warm ${p50p95(run.warm)}; p95 ${ratio(run.cold.p95, run.warm.p95)} warm${failures(run.errors, run.missingRows)}`,
      [
        reference
          ? `Prisma client per tenant (${reference.cold.n}): new client + first query ${p50p95(reference.cold)}; warm ${p50p95(reference.warm)}`
          : '',
        run.rawSql
          ? `raw SQL (pg) on its own connection, every 10th tenant (${run.rawSql.cold.n}): cold ${p50p95(run.rawSql.cold)}; warm ${p50p95(run.rawSql.warm)}${failures(run.rawSql.errors)}`
          : '',
      ]
        .filter(Boolean)
        .join('; '),
      'cold p95 ≤ 2× warm p95',
      run.cold.p95 <= 2 * run.warm.p95 && run.errors === 0 && run.missingRows === 0,
    );
  }

  const cells = r.units?.cells ?? [];
  for (const cell of cells.filter((candidate) => candidate.layer === 'kysely')) {
    const reference = cells.find(
      (other) => other.layer === 'prisma' && other.unit === cell.unit && other.concurrency === cell.concurrency,
    );
    row(
      `unit of work, ${unitLabel(cell)}, ${cell.concurrency} in flight over ${count(r.units!.tenants)} tenants`,
      `${cell.unitsPerSecond.toFixed(0)} units/s, ${p50p95(cell.latency)}${reference ? `; ${ratio(cell.unitsPerSecond, reference.unitsPerSecond)} reference` : ''}${failures(cell.errors)}`,
      reference
        ? `warm Prisma client per tenant: ${reference.unitsPerSecond.toFixed(0)} units/s, ${p50p95(reference.latency)}${failures(reference.errors)}`
        : '',
      'throughput ≥ 0.8× reference',
      reference ? cell.unitsPerSecond >= 0.8 * reference.unitsPerSecond && cell.errors === 0 : undefined,
    );
  }
  return formatTable(`Tenancy benchmark: ${r.settings.totalTenants} tenants, PostgreSQL ${r.postgres ?? '?'}`, rows);
}

const unitLabel = (cell: Pick<UnitCell, 'unit' | 'layer'>): string =>
  cell.unit === 'one query'
    ? `one query (${cell.layer === 'kysely' ? 'tenantDb' : 'findUnique'}: theme row)`
    : `five queries (${cell.layer === 'kysely' ? 'withTenant' : '$transaction'}: user, theme, insert, read, update)`;

const latencyRow = (phase: string, run: ReadRun): Row => ({
  phase,
  run: run.label,
  requests: String(run.requests),
  tenants: String(run.distinctTenants),
  p50: ms(run.latency.p50),
  p95: ms(run.latency.p95),
  p99: ms(run.latency.p99),
  max: ms(run.latency.max),
  'req/s': run.requestsPerSecond.toFixed(0),
  'non-200': String(run.errors),
  'wrong tenant': String(run.wrongTenant),
});

/** The measurements behind the summary. */
export function detailTables(r: TenancyResults): string[] {
  const tables: string[] = [];
  if (r.provisioning) {
    const { createTenant, reference } = r.provisioning;
    const rows = (
      [
        ['createTenant (control row, schema, migrations, owner, theme)', createTenant],
        ['reference: BEGIN; CREATE SCHEMA; COMMIT', reference.bareCreateSchema],
        ['reference: tenant migrations SQL, raw, in a new schema', reference.rawTenantDdl],
        ['reference: argon2id hash of the owner password', reference.passwordHash],
      ] as const
    ).map(([what, s]) => ({
      what,
      n: String(s.n),
      min: ms(s.min),
      median: ms(s.p50),
      p95: ms(s.p95),
      max: ms(s.max),
      mean: ms(s.mean),
    }));
    tables.push(formatTable('Provisioning, per tenant', rows));
  }
  if (r.rollout) {
    tables.push(
      formatTable(
        `Migration rollout to ${r.rollout.tenantSchemas} tenant schemas (ALTER TABLE users ADD COLUMN + CREATE INDEX)`,
        r.rollout.runs.map((run) => ({
          run: run.label,
          concurrency: String(run.concurrency),
          total: seconds(run.ms),
          'per tenant': ms(run.perTenantMs),
          migrated: run.result ? String(run.result.tenantsMigrated) : String(run.schemas),
          failures: String(run.failures),
        })),
      ),
    );
  }
  const webRows: Row[] = [];
  if (r.web) {
    const phase = (key: string) => {
      const app = r.web!.apps.find((candidate) => candidate.key === key.replace('Zipf', ''))!;
      return `${count(app.tenantsProvisioned)} tenants`;
    };
    for (const [key, run] of Object.entries(r.web.firstVisit)) if (run) webRows.push(latencyRow(phase(key), run));
    for (const stage of r.web.stages) {
      for (const [key, run] of Object.entries(stage.runs)) if (run) webRows.push(latencyRow(phase(key), run));
    }
  }
  if (r.web && webRows.length) {
    const { start, end } = r.web.loadAverage;
    const warm = r.web.apps.map((app) => `${app.key} ${app.warmUpRequests}`).join(', ');
    const title = `Tenant home page through the web app (GET / with Host: <slug>.localhost); warm-up reads per app: ${warm}; load average ${start.toFixed(1)} → ${end.toFixed(1)}`;
    tables.push(formatTable(title, webRows));
    tables.push(
      formatTable(
        'Web app memory (RSS of its processes)',
        r.web.apps.map((app) => ({
          app: `${app.key}: ${count(app.tenantsProvisioned)} tenants`,
          'after warm-up (10 tenants)': app.rssAfterWarmUp === undefined ? 'n/a' : mib(app.rssAfterWarmUp),
          'after the measured reads': app.rssAfterReads === undefined ? 'n/a' : mib(app.rssAfterReads),
        })),
      ),
    );
  }
  if (r.hugeDatabase || r.syntheticDatabase) {
    const rows: Row[] = [];
    const h = r.hugeDatabase;
    if (h)
      rows.push({
        database: 'tenants (directory + schemas)',
        schemas: count(h.tenants),
        shape: `tenant schema: ${h.createTenant} with createTenant, ${count(h.raw)} with the same state as raw SQL`,
        made: `${seconds(h.ms)} (raw ${ms(h.rawMs / Math.max(1, h.raw))} per tenant)`,
      });
    for (const schema of r.syntheticDatabase?.schemas ?? [])
      rows.push({
        database: `synthetic, ${schema.models} models`,
        schemas: count(schema.schemas),
        shape: `${schema.columns[0]}–${schema.columns[1]} columns per table, ${schema.enums} enums, ${schema.indexes} indexes besides the primary keys, ${schema.foreignKeys} foreign keys; one row in the table read`,
        made: `${seconds(schema.ms)} (${ms(schema.ms / Math.max(1, schema.schemas))} per schema)`,
      });
    tables.push(formatTable('Databases of the memory and cold-query measurements (and of the web app on the large one)', rows));
  }
  if (r.memory) {
    const rows: Row[] = [];
    for (const run of r.memory.runs) {
      for (const point of run.points) {
        rows.push({
          layer: layerLabel(run),
          schema: schemaLabel(run),
          'read per tenant': `${run.table} by id`,
          'tenants touched': count(point.touched),
          'heapUsed growth': growthMib(point.heapUsed - run.before.heapUsed),
          'per tenant': perTenantMib(perTenant(run, point)),
          'external growth': growthMib(point.external - run.before.external),
          rss: mib(point.rss),
        });
      }
    }
    const { start, end } = r.memory.loadAverage;
    tables.push(
      formatTable(
        `Tenant data layer: heap after a full GC, one query per tenant touched (a fresh --expose-gc process per layer and schema, a full GC after every ${[...new Set(r.memory.runs.map((run) => run.gcEvery))].join(' or ')} tenants; the reference keeps every client); load average ${start.toFixed(1)} → ${end.toFixed(1)}`,
        rows,
      ),
    );
    const rawRows = r.memory.runs.flatMap((run) =>
      run.rawSql
        ? [
            {
              ...run,
              layer: 'raw' as const,
              cold: run.rawSql.cold,
              warm: run.rawSql.warm,
              errors: run.rawSql.errors,
              missingRows: 0,
            },
          ]
        : [],
    );
    tables.push(
      formatTable(
        "A tenant's first query in the process (cold; reference: new client + first query) against a query of a tenant touched before (warm); raw SQL: every 10th tenant's first query sent as the same statement through pg on a connection of its own, in the same loop",
        [...r.memory.runs, ...rawRows].map((run) => ({
          layer: layerLabel(run),
          schema: schemaLabel(run),
          tenants: count(run.cold.n),
          'cold p50': ms(run.cold.p50),
          'cold p95': ms(run.cold.p95),
          'cold max': ms(run.cold.max),
          'warm p50': ms(run.warm.p50),
          'warm p95': ms(run.warm.p95),
          'p95 cold/warm': ratio(run.cold.p95, run.warm.p95),
          'touch all': run.layer === 'raw' ? '' : seconds(run.touchMs),
          errors: String(run.errors),
          'no row': String(run.missingRows),
        })),
      ),
    );
  }
  if (r.units) {
    const u = r.units;
    const statements = (layer: 'kysely' | 'prisma') =>
      `${u.statementsPerUnit[layer]['one query']} / ${u.statementsPerUnit[layer]['five queries']}`;
    tables.push(
      formatTable(
        `Units of work over ${count(u.tenants)} tenants (uniform), ${u.rounds} alternating rounds per cell, one shared pool of ${u.poolSize}; statements per unit (one / five, BEGIN and COMMIT counted): tenantDb ${statements('kysely')}, Prisma ${statements('prisma')}; load average ${u.loadAverage.start.toFixed(1)} → ${u.loadAverage.end.toFixed(1)}`,
        u.cells.map((cell) => ({
          unit: unitLabel(cell),
          'in flight': String(cell.concurrency),
          layer: cell.layer === 'kysely' ? 'tenantDb / withTenant' : 'warm Prisma client per tenant',
          units: String(cell.units),
          p50: ms(cell.latency.p50),
          p95: ms(cell.latency.p95),
          p99: ms(cell.latency.p99),
          'units/s': cell.unitsPerSecond.toFixed(0),
          errors: String(cell.errors),
        })),
      ),
    );
  }
  return tables;
}
