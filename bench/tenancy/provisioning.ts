import { hashPassword } from '@himal/auth';
import { loadMigrations, sharedPool, type Tenant } from '@himal/db';
import { summarize, timed, type Summary } from '../lib/stats.ts';
import { BENCH_ADMIN_PASSWORD, benchSlug, createBenchTenant } from './tenants.ts';

export interface ProvisioningResult {
  tenants: Tenant[];
  createTenant: Summary;
  /** References measured in the same loop, one of each after every createTenant. */
  reference: {
    /** BEGIN; CREATE SCHEMA; COMMIT: the floor of any schema-per-tenant provisioning. */
    bareCreateSchema: Summary;
    /** The tenant migrations' SQL run raw in a fresh schema in one transaction: the DDL itself. */
    rawTenantDdl: Summary;
    /** Hashing the first user's password (argon2id), which precedes createTenant's transaction. */
    passwordHash: Summary;
  };
}

/**
 * Provisions `count` tenants one after another, as an operator or a sign-up would, and times each
 * createTenant beside three references that split its cost: an empty schema, the raw DDL, the hash.
 */
export async function measureProvisioning(prefix: string, count: number): Promise<ProvisioningResult> {
  const tenantDdl = loadMigrations('tenant')
    .map((migration) => migration.sql)
    .join('\n');
  const samples = { create: [] as number[], bare: [] as number[], ddl: [] as number[], hash: [] as number[] };
  const tenants: Tenant[] = [];
  const pool = sharedPool();

  for (let i = 1; i <= count; i++) {
    const created = await timed(() => createBenchTenant(benchSlug(prefix, i)));
    samples.create.push(created.ms);
    tenants.push(created.value.tenant);

    const client = await pool.connect();
    try {
      const bareSchema = `bench_ref_bare_${i}`;
      samples.bare.push(
        (
          await timed(async () => {
            await client.query('BEGIN');
            await client.query(`CREATE SCHEMA "${bareSchema}"`);
            await client.query('COMMIT');
          })
        ).ms,
      );
      const ddlSchema = `bench_ref_ddl_${i}`;
      samples.ddl.push(
        (
          await timed(async () => {
            await client.query('BEGIN');
            await client.query(`CREATE SCHEMA "${ddlSchema}"`);
            await client.query(`SELECT set_config('search_path', $1, true)`, [ddlSchema]);
            await client.query(tenantDdl);
            await client.query('COMMIT');
          })
        ).ms,
      );
      await client.query(`DROP SCHEMA "${bareSchema}"; DROP SCHEMA "${ddlSchema}" CASCADE`);
    } finally {
      client.release();
    }
    samples.hash.push((await timed(() => hashPassword(BENCH_ADMIN_PASSWORD))).ms);
  }

  return {
    tenants,
    createTenant: summarize(samples.create),
    reference: {
      bareCreateSchema: summarize(samples.bare),
      rawTenantDdl: summarize(samples.ddl),
      passwordHash: summarize(samples.hash),
    },
  };
}
