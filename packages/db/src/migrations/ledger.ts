import type pg from 'pg';
import { DbError } from '../errors.ts';
import { setNoTenantSearchPath } from '../tenants/no-tenant-search-path.ts';
import type { Migration } from './load-migrations.ts';

/**
 * The migration ledger: one row per (schema, migration) applied, with the checksum of the SQL that
 * ran. It belongs to the runner, like Prisma's own _prisma_migrations, so it is created here rather
 * than in the Prisma schema.
 */
export const LEDGER_DDL = `
CREATE TABLE IF NOT EXISTS public.himal_migrations (
  schema_name text NOT NULL,
  migration   text NOT NULL,
  checksum    text NOT NULL,
  applied_at  timestamptz NOT NULL DEFAULT now(),
  duration_ms integer NOT NULL,
  PRIMARY KEY (schema_name, migration)
);
CREATE INDEX IF NOT EXISTS himal_migrations_migration_idx ON public.himal_migrations (migration);
`;

/**
 * Creates the ledger if it is missing and gives the database its fail-closed default search_path.
 * The lock is transaction-scoped, so this works through PgBouncer in transaction mode too (a
 * session-level advisory lock would not); it also keeps two runners from altering the database at
 * once (PostgreSQL refuses concurrent updates of one database's settings).
 */
export async function ensureLedger(client: pg.ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['himal_migrations:ddl']);
    await client.query(LEDGER_DDL);
    await setNoTenantSearchPath(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Refuses when an applied migration's checksum differs from the file, or the file is gone. */
export function verifyApplied(
  schemaLabel: string,
  applied: ReadonlyArray<{ migration: string; checksum: string }>,
  known: ReadonlyArray<Migration>,
): void {
  const byName = new Map(known.map((m) => [m.name, m]));
  for (const row of applied) {
    const migration = byName.get(row.migration);
    if (!migration) {
      throw new DbError(
        'MIGRATION_UNKNOWN',
        `${schemaLabel}: migration ${row.migration} was applied but is not in this code base`,
      );
    }
    if (migration.checksum !== row.checksum) {
      throw new DbError(
        'MIGRATION_CHECKSUM_MISMATCH',
        `${schemaLabel}: migration ${row.migration} was edited after it was applied (checksum ${row.checksum.slice(0, 12)} applied, ${migration.checksum.slice(0, 12)} on disk); write a new migration instead`,
      );
    }
  }
}

/**
 * Applies `pending` inside the caller's transaction, with search_path set for this transaction only,
 * and records each one in the ledger.
 */
export async function applyInTransaction(
  client: pg.ClientBase,
  schemaName: string,
  pending: ReadonlyArray<Migration>,
): Promise<void> {
  await client.query(`SELECT set_config('search_path', $1, true)`, [schemaName]);
  for (const migration of pending) {
    const started = performance.now();
    try {
      await client.query(migration.sql);
    } catch (error) {
      throw new DbError('MIGRATION_FAILED', `${schemaName}: ${migration.name} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    await client.query(
      'INSERT INTO public.himal_migrations (schema_name, migration, checksum, duration_ms) VALUES ($1, $2, $3, $4)',
      [schemaName, migration.name, migration.checksum, Math.round(performance.now() - started)],
    );
  }
}
