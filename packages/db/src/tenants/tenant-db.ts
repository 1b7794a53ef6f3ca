import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import type pg from 'pg';
import type { DB } from '../../generated/tenant/types.ts';
import { sharedPool } from '../pool.ts';
import { assertTenantSchemaName, type Tenant } from './tenant.ts';

/** The tables of a tenant schema, as Kysely sees them (generated from prisma/tenant.prisma). */
export type TenantDatabase = DB;
/** Queries of one tenant: every table they name is qualified with the tenant's schema. */
export type TenantDb = Kysely<TenantDatabase>;
/** The transaction handed to `withTenant` callbacks; also qualified with the tenant's schema. */
export type TenantTransaction = Transaction<TenantDatabase>;

/**
 * One query builder for every tenant, on the shared pool. Nothing is kept per tenant: a tenant's
 * queries are this builder with `.withSchema(schema)`, a small object made per call, so memory does
 * not grow with the number of agencies a process serves nor with the number of tenant models (the
 * models exist only as TypeScript types). Kysely compiles each query on its own, with its own schema,
 * so there is no batching across calls that could carry one tenant's query into another's schema.
 *
 * The builder itself is never handed out: its queries would name no schema and so run against the
 * database's default search_path, which names no schema with tables (see `NO_TENANT_SEARCH_PATH`):
 * they fail instead of reading anyone's data.
 */
let root: { pool: pg.Pool; db: Kysely<TenantDatabase> } | undefined;

function rootDb(): Kysely<TenantDatabase> {
  const pool = sharedPool();
  // The shared pool is replaced after closeSharedPool(); the builder follows it. Never destroy() it:
  // that would end the shared pool under every other user.
  if (root?.pool !== pool) root = { pool, db: new Kysely<TenantDatabase>({ dialect: new PostgresDialect({ pool }) }) };
  return root.db;
}

/** Single statements for one tenant, each committed on its own. */
export function tenantDb(tenant: Pick<Tenant, 'schemaName'>): TenantDb {
  return rootDb().withSchema(assertTenantSchemaName(tenant.schemaName));
}

export interface WithTenantOptions {
  isolationLevel?: 'read committed' | 'repeatable read' | 'serializable';
  /** statement_timeout for this transaction only. */
  statementTimeoutMs?: number;
  /**
   * idle_in_transaction_session_timeout for this transaction only: a transaction left open while
   * the code waits on something slow is ended by the server instead of holding its locks and its
   * pooled connection.
   */
  idleTimeoutMs?: number;
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;
export const DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS = 10_000;

/**
 * Runs `work` in one transaction of the tenant: the query builder it gets qualifies every table with
 * the tenant's schema, and `search_path` is set to that schema for this transaction only (SET LOCAL
 * semantics: it cannot leak to the next user of the connection, even through PgBouncer in
 * transaction mode), so raw SQL (`sql\`...\``) inside it is scoped too. Raw SQL outside `withTenant`
 * names no schema and fails. Setting the schema and the timeouts is one statement, so a unit of
 * work costs BEGIN, one set_config, its own queries and COMMIT.
 */
export async function withTenant<T>(
  tenant: Pick<Tenant, 'schemaName'>,
  work: (trx: TenantTransaction) => Promise<T>,
  options: WithTenantOptions = {},
): Promise<T> {
  const schema = assertTenantSchemaName(tenant.schemaName);
  let transaction = rootDb().transaction();
  if (options.isolationLevel) transaction = transaction.setIsolationLevel(options.isolationLevel);
  return transaction.execute(async (trx) => {
    await sql`SELECT set_config('search_path', ${schema}, true),
                     set_config('statement_timeout', ${`${options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS}ms`}, true),
                     set_config('idle_in_transaction_session_timeout', ${`${options.idleTimeoutMs ?? DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS}ms`}, true)`.execute(
      trx,
    );
    return work(trx.withSchema(schema));
  });
}
