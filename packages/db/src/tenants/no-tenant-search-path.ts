import type pg from 'pg';
import { DbError } from '../errors.ts';

/**
 * The search_path every connection to the database starts with: a schema that does not exist (the
 * migration runner never creates it, and a test checks that it is absent). SQL that names no schema
 * and runs outside `withTenant` therefore reaches no tenant's tables and no control table: it fails
 * with "relation does not exist", and an unqualified CREATE fails with "no schema has been selected".
 * Set on the database, not on the pool, so it holds for every process and through PgBouncer, which
 * hands server connections from one client to the next (and passes no per-client startup options).
 */
export const NO_TENANT_SEARCH_PATH = 'himal_no_tenant';

/** Makes NO_TENANT_SEARCH_PATH the database's default; for new connections (existing ones keep theirs). */
export async function setNoTenantSearchPath(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ current: string | null }>(
    `SELECT (SELECT array_to_string(setconfig, ',') FROM pg_db_role_setting s
              WHERE s.setdatabase = d.oid AND s.setrole = 0) AS current
       FROM pg_database d WHERE d.datname = current_database()`,
  );
  if (rows[0]?.current?.split(',').includes(`search_path=${NO_TENANT_SEARCH_PATH}`)) return;
  try {
    await client.query(
      `DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = %I', current_database(), '${NO_TENANT_SEARCH_PATH}'); END $$`,
    );
  } catch (error) {
    throw new DbError(
      'DATABASE_SETTINGS_FAILED',
      `could not set the database's default search_path to ${NO_TENANT_SEARCH_PATH} (the migrating role must own the database): ${(error as Error).message}`,
      { cause: error },
    );
  }
}
