/**
 * Many tenants fast, for the measurements that need thousands of them (10,000 for the data layer's
 * memory and the web reads): the state createTenant leaves (control row, schema, every tenant
 * migration recorded in the ledger, owner user, theme row) written as raw SQL, several tenants per
 * transaction, without createTenant's argon2 hash per tenant (one hash is shared) or its directory
 * notification (no app runs on the database yet). createTenant itself is measured in provisioning.ts.
 */
import { randomBytes } from 'node:crypto';
import { hashPassword } from '@himal/auth';
import { loadMigrations, sharedPool, type Tenant } from '@himal/db';
import { mapConcurrent, timed } from '../lib/stats.ts';
import { BENCH_ADMIN_PASSWORD, benchSlug, benchTenantInput } from './tenants.ts';

/** Bench values are letters, digits and a few marks; quoted anyway. */
const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** Tenants per transaction: fewer commits, and a transaction still small enough to hold its locks briefly. */
const TENANTS_PER_TRANSACTION = 10;

export async function createRawTenants(
  prefix: string,
  from: number,
  count: number,
  concurrency: number,
  onProgress?: (done: number) => void,
): Promise<{ tenants: Tenant[]; ms: number }> {
  const migrations = loadMigrations('tenant');
  const passwordHash = await hashPassword(BENCH_ADMIN_PASSWORD);
  const tenants: Tenant[] = Array.from({ length: count }, (_, i) => {
    const slug = benchSlug(prefix, from + i);
    const id = randomBytes(8).toString('hex');
    return { id, slug, name: benchTenantInput(slug).name, status: 'active', schemaName: `t_${id}` };
  });
  const sqlFor = (tenant: Tenant): string => {
    const input = benchTenantInput(tenant.slug);
    const schema = literal(tenant.schemaName);
    return [
      `INSERT INTO public.tenants (id, slug, name, status, schema_name, created_at, updated_at)
         VALUES (${literal(tenant.id)}, ${literal(tenant.slug)}, ${literal(tenant.name)}, 'active', ${schema}, now(), now())`,
      `CREATE SCHEMA "${tenant.schemaName}"`,
      `SELECT set_config('search_path', ${schema}, true)`,
      ...migrations.map((migration) => migration.sql),
      `INSERT INTO public.himal_migrations (schema_name, migration, checksum, duration_ms) VALUES ${migrations
        .map((migration) => `(${schema}, ${literal(migration.name)}, ${literal(migration.checksum)}, 0)`)
        .join(', ')}`,
      `INSERT INTO users (email, name, password_hash, role)
         VALUES (${literal(input.adminEmail)}, ${literal(`${tenant.name} administrator`)}, ${literal(passwordHash)}, 'owner')`,
      `INSERT INTO theme_settings (id) VALUES (1)`,
    ].join(';\n');
  };
  const batches: Tenant[][] = [];
  for (let i = 0; i < tenants.length; i += TENANTS_PER_TRANSACTION) batches.push(tenants.slice(i, i + TENANTS_PER_TRANSACTION));
  let done = 0;
  const { ms } = await timed(() =>
    mapConcurrent(batches, concurrency, async (batch) => {
      // One simple-protocol query per batch: PostgreSQL runs the statements in order, in the
      // explicit transaction, and rolls all of them back if one fails.
      await sharedPool().query(`BEGIN;\n${batch.map(sqlFor).join(';\n')};\nCOMMIT`);
      done += batch.length;
      onProgress?.(done);
    }),
  );
  return { tenants, ms };
}
