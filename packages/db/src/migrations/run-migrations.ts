import type pg from 'pg';
import { DbError } from '../errors.ts';
import { sharedPool } from '../pool.ts';
import { pgTransaction } from '../pg-transaction.ts';
import { assertTenantSchemaName } from '../tenants/tenant.ts';
import { applyInTransaction, ensureLedger, verifyApplied } from './ledger.ts';
import { loadMigrations, MIGRATIONS_DIR, type Migration } from './load-migrations.ts';

export interface MigrationProgress {
  total: number;
  done: number;
  failed: number;
  schemaName?: string;
}

export interface RunMigrationsOptions {
  /** Tenant schemas migrated at once (each in its own transaction). */
  concurrency?: number;
  /** Per-transaction lock_timeout: a tenant whose tables are busy fails fast instead of queueing DDL behind traffic. */
  lockTimeoutMs?: number;
  /** Only these tenant schemas (default: every tenant). */
  schemaNames?: string[];
  migrationsDir?: string;
  onProgress?: (progress: MigrationProgress) => void;
  pool?: pg.Pool;
}

export interface RunMigrationsResult {
  controlApplied: string[];
  tenantsMigrated: number;
  tenantsUpToDate: number;
  migrationsApplied: number;
  failures: Array<{ schemaName: string; error: string }>;
}

/**
 * Brings one schema up to date in one transaction: locks the schema (advisory, so two runners or a
 * runner and a provisioning never interleave on it), re-reads its ledger, verifies checksums,
 * applies what is pending. Returns the names applied.
 */
export async function migrateSchema(
  client: pg.ClientBase,
  schemaName: string,
  migrations: ReadonlyArray<Migration>,
): Promise<string[]> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`himal_migrations:${schemaName}`]);
  const { rows } = await client.query<{ migration: string; checksum: string }>(
    'SELECT migration, checksum FROM public.himal_migrations WHERE schema_name = $1',
    [schemaName],
  );
  verifyApplied(schemaName, rows, migrations);
  const applied = new Set(rows.map((row) => row.migration));
  const pending = migrations.filter((m) => !applied.has(m.name));
  if (pending.length > 0) await applyInTransaction(client, schemaName, pending);
  return pending.map((m) => m.name);
}

/**
 * Applies pending migrations to the control schema, then to every tenant schema, several tenants
 * at a time. Each tenant is its own transaction, so a run that is killed leaves every tenant either
 * fully migrated or untouched, and the next run carries on where it stopped. An edited, already
 * applied migration is refused before anything is changed.
 */
export async function runMigrations(options: RunMigrationsOptions = {}): Promise<RunMigrationsResult> {
  const pool = options.pool ?? sharedPool();
  const dir = options.migrationsDir ?? MIGRATIONS_DIR;
  const lockTimeoutMs = options.lockTimeoutMs ?? 5_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const control = loadMigrations('control', dir);
  const tenant = loadMigrations('tenant', dir);

  const setup = await pool.connect();
  try {
    await ensureLedger(setup);
  } finally {
    setup.release();
  }

  const controlApplied = await pgTransaction((client) => migrateSchema(client, 'public', control), { pool, lockTimeoutMs });

  // Refuse drift anywhere before migrating any tenant.
  const { rows: appliedChecksums } = await pool.query<{ migration: string; checksum: string }>(
    `SELECT DISTINCT migration, checksum FROM public.himal_migrations WHERE schema_name <> 'public'`,
  );
  verifyApplied('tenant schemas', appliedChecksums, tenant);

  const { rows: tenants } = await pool.query<{ schema_name: string; applied: number }>(
    `SELECT t.schema_name, count(m.migration)::int AS applied
       FROM public.tenants t
       LEFT JOIN public.himal_migrations m ON m.schema_name = t.schema_name
      ${options.schemaNames ? 'WHERE t.schema_name = ANY($1)' : ''}
      GROUP BY t.schema_name
      ORDER BY t.schema_name`,
    options.schemaNames ? [options.schemaNames] : [],
  );
  const behind = tenants.filter((t) => t.applied < tenant.length).map((t) => assertTenantSchemaName(t.schema_name));

  const result: RunMigrationsResult = {
    controlApplied,
    tenantsMigrated: 0,
    tenantsUpToDate: tenants.length - behind.length,
    migrationsApplied: 0,
    failures: [],
  };
  const progress: MigrationProgress = { total: behind.length, done: 0, failed: 0 };
  options.onProgress?.({ ...progress });

  let next = 0;
  const worker = async () => {
    while (next < behind.length) {
      const schemaName = behind[next++]!;
      try {
        const applied = await pgTransaction((client) => migrateSchema(client, schemaName, tenant), { pool, lockTimeoutMs });
        result.migrationsApplied += applied.length;
        if (applied.length > 0) result.tenantsMigrated += 1;
        else result.tenantsUpToDate += 1;
      } catch (error) {
        if (error instanceof DbError && error.code === 'MIGRATION_CHECKSUM_MISMATCH') throw error;
        result.failures.push({ schemaName, error: (error as Error).message });
        progress.failed += 1;
      }
      progress.done += 1;
      options.onProgress?.({ ...progress, schemaName });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, behind.length) }, worker));
  return result;
}
