/**
 * Child process: migrates the database at DATABASE_URL and provisions BENCH_COUNT tenants named
 * BENCH_PREFIX0001... with createTenant (the shared pool of @himal/db is bound to one database per
 * process), then, when BENCH_RAW_COUNT is set, that many more named BENCH_RAW_PREFIX0001... with raw
 * SQL (raw-tenants.ts: the same state, much faster, for databases of thousands of tenants).
 */
import { closeSharedPool, disconnectControlDb, runMigrations } from '@himal/db';
import { reportToParent } from '../lib/child-process.ts';
import { createRawTenants } from './raw-tenants.ts';
import { provisionTenants } from './tenants.ts';

await runMigrations();
const { ms, tenants } = await provisionTenants(process.env.BENCH_PREFIX!, 1, Number(process.env.BENCH_COUNT), 8);
const rawCount = Number(process.env.BENCH_RAW_COUNT ?? 0);
let raw: { ms: number; slugs: string[] } | undefined;
if (rawCount > 0) {
  const step = Math.max(1_000, Math.ceil(rawCount / 10 / 1_000) * 1_000);
  const created = await createRawTenants(process.env.BENCH_RAW_PREFIX!, 1, rawCount, 4, (done) => {
    if (done % step < 10 && done < rawCount) console.log(`${done}/${rawCount} tenants (raw SQL)`);
  });
  raw = { ms: created.ms, slugs: created.tenants.map((tenant) => tenant.slug) };
}
reportToParent({ ms, slugs: tenants.map((tenant) => tenant.slug), raw });
await disconnectControlDb();
await closeSharedPool();
