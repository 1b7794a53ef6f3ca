import { formatTable, kib, mib, ms, seconds, type Row } from '../lib/report.ts';
import type { Summary } from '../lib/stats.ts';
import type { TenancyResults } from './index.ts';
import type { ReadRun } from './web-reads.ts';

const within = (ok: boolean | undefined): string => (ok === undefined ? '' : ok ? 'yes' : 'NO');
const p50p95 = (s: Summary): string => `p50 ${ms(s.p50)} / p95 ${ms(s.p95)}`;
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;

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
    const describe = (key: string) => {
      const app = appOf(key)!;
      return `${app.tenantsProvisioned} tenants${app.clientCacheSize === 'default' ? '' : `, client cache of ${app.clientCacheSize}`}`;
    };
    for (const stage of r.web.stages) {
      const base = stage.runs.few;
      if (!base) continue;
      row(`tenant page, ${describe('few')}, ${stage.name}`, p50p95(base.latency), '', '(base of the ratios below)');
      for (const [key, run] of Object.entries(stage.runs)) {
        if (key === 'few' || !run) continue;
        const worst = Math.max(run.latency.p50 / base.latency.p50, run.latency.p95 / base.latency.p95);
        row(
          `tenant page, ${describe(key)}, ${stage.name}`,
          `${p50p95(run.latency)}; ratio p50 ${ratio(run.latency.p50, base.latency.p50)}, p95 ${ratio(run.latency.p95, base.latency.p95)}`,
          `${describe('few')}: ${p50p95(base.latency)}, alternating rounds`,
          'ratio ≤ 1.2',
          worst <= 1.2,
        );
      }
    }
    const firstVisit = r.web.firstVisit.many;
    const cached = r.web.stages[0]?.runs.few;
    if (firstVisit && cached) {
      row(
        `tenant page, first visit of each of ${appOf('many')!.tenantsProvisioned} tenants`,
        p50p95(firstVisit.latency),
        `cached tenant: ${p50p95(cached.latency)}`,
        '(cold client + directory miss)',
      );
    }
  }
  if (r.webSkipped) row('tenant page reads', `not measured: ${r.webSkipped}`, '', 'ratio ≤ 1.2');

  const heap = r.clientCacheHeap;
  if (heap) {
    const unbounded = heap.find((run) => run.neverEvicts);
    const perClient = unbounded ? growth(unbounded) / unbounded.stats.size : undefined;
    for (const run of heap.filter((candidate) => candidate !== unbounded)) {
      const last = run.points.at(-1)!;
      // Bounded: once evicted clients are released, the heap holds no more than `max` clients held
      // in the run that never evicts (15% slack for GC noise and the eviction bookkeeping).
      const sameCount = unbounded?.points.find((point) => point.cached === run.stats.max);
      const budget = sameCount ? sameCount.heapUsed - unbounded!.before.heapUsed : undefined;
      const settled = run.released ? run.released.heapUsed - run.before.heapUsed : growth(run);
      const released = run.released
        ? `; +${mib(settled)} ${seconds(run.released.waitedMs)} later, once evicted clients were released (external memory +${mib(run.released.external - run.before.external)})`
        : '';
      row(
        `heap held by tenant clients after ${last.touched} tenants, cache ${run.cacheSetting === 'default' ? `default (${run.stats.max})` : run.stats.max}`,
        `+${mib(growth(run))} right after touching them all in ${seconds(run.touchMs)}${released}; ${run.stats.size}/${run.stats.max} clients cached`,
        unbounded && budget !== undefined && perClient !== undefined
          ? `never-evicting cache: +${mib(budget)} at ${run.stats.max} clients, +${mib(growth(unbounded))} at ${unbounded.stats.size} (${kib(perClient)} per client)`
          : '',
        `≤ ${run.stats.max} clients' worth`,
        budget !== undefined ? settled <= budget * 1.15 : run.stats.size <= run.stats.max,
      );
    }
  }
  return formatTable(`Tenancy benchmark: ${r.settings.totalTenants} tenants, PostgreSQL ${r.postgres ?? '?'}`, rows);
}

const growth = (run: NonNullable<TenancyResults['clientCacheHeap']>[number]) => run.points.at(-1)!.heapUsed - run.before.heapUsed;

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
      return `${app.tenantsProvisioned} tenants, cache ${app.clientCacheSize}`;
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
          app: `${app.key}: ${app.tenantsProvisioned} tenants, client cache ${app.clientCacheSize}`,
          'after warm-up (10 tenants)': app.rssAfterWarmUp === undefined ? 'n/a' : mib(app.rssAfterWarmUp),
          'after the measured reads': app.rssAfterReads === undefined ? 'n/a' : mib(app.rssAfterReads),
        })),
      ),
    );
  }
  if (r.clientCacheHeap) {
    const rows: Row[] = [];
    for (const run of r.clientCacheHeap) {
      for (const point of run.points) {
        rows.push({
          cache: run.cacheSetting === 'default' ? `default (${run.stats.max})` : String(run.stats.max),
          'tenants touched': String(point.touched),
          'clients cached': String(point.cached),
          'heapUsed growth': `+${mib(point.heapUsed - run.before.heapUsed)}`,
          'external growth': `+${mib(point.external - run.before.external)}`,
          rss: mib(point.rss),
        });
      }
      if (run.released) {
        rows.push({
          cache: run.cacheSetting === 'default' ? `default (${run.stats.max})` : String(run.stats.max),
          'tenants touched': `+${seconds(run.released.waitedMs)}`,
          'clients cached': String(run.stats.size),
          'heapUsed growth': `+${mib(run.released.heapUsed - run.before.heapUsed)}`,
          'external growth': `+${mib(run.released.external - run.before.external)}`,
          rss: mib(run.released.rss),
        });
      }
    }
    tables.push(
      formatTable('Tenant client cache: heap after a full GC, one query per tenant (fresh process per cache size)', rows),
    );
    tables.push(
      formatTable(
        "Tenant client: a tenant's first query (new client) against the same query again (cached client)",
        r.clientCacheHeap.map((run) => ({
          cache: run.cacheSetting === 'default' ? `default (${run.stats.max})` : String(run.stats.max),
          'first query, new client': p50p95(run.firstQueryMs),
          'same query, cached client': p50p95(run.cachedQueryMs),
        })),
      ),
    );
  }
  return tables;
}
