/**
 * Child process: migrates the database at DATABASE_URL and provisions BENCH_COUNT tenants named
 * BENCH_PREFIX0001... (the shared pool of @himal/db is bound to one database per process).
 */
import { closeSharedPool, disconnectControlDb, runMigrations } from '@himal/db';
import { reportToParent } from '../lib/child-process.ts';
import { provisionTenants } from './tenants.ts';

await runMigrations();
const { ms, tenants } = await provisionTenants(process.env.BENCH_PREFIX!, 1, Number(process.env.BENCH_COUNT), 8);
reportToParent({ ms, slugs: tenants.map((tenant) => tenant.slug) });
await disconnectControlDb();
await closeSharedPool();
