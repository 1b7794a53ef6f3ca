import { tenantDb, type Tenant } from '@himal/db';
import { sql } from 'kysely';

/**
 * Every query of idempotency keys, in the tenant's schema; run-idempotently.ts holds the rules.
 * Each is one statement, committed on its own, so no transaction stays open while a request runs.
 * Times come from the database's clock, which every app process shares, never from a process's.
 * A running row's `locked_until` doubles as the fencing token of whoever holds it: renewing,
 * completing and releasing all name the value they were given, so a holder that lost the row (its
 * lease ran out and another request took it over) can no longer change it.
 */
type TenantRef = Pick<Tenant, 'schemaName'>;

export interface StoredIdempotencyKey {
  fingerprint: string;
  state: 'running' | 'completed';
  lockedUntil: Date;
  leaseOver: boolean;
  responseStatus: number | null;
  responseBody: unknown;
}

const leaseEnd = (leaseMs: number) => sql<Date>`now() + ${leaseMs} * interval '1 millisecond'`;

/** Inserts a running row unless the key exists; the new row's lease token, or undefined. */
export async function insertRunningKey(
  tenant: TenantRef,
  key: string,
  fingerprint: string,
  leaseMs: number,
): Promise<Date | undefined> {
  const row = await tenantDb(tenant)
    .insertInto('idempotency_keys')
    .values({ key, fingerprint, state: 'running', locked_until: leaseEnd(leaseMs) })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .returning('locked_until')
    .executeTakeFirst();
  return row?.locked_until;
}

export async function findKey(tenant: TenantRef, key: string): Promise<StoredIdempotencyKey | undefined> {
  const row = await tenantDb(tenant)
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'state', 'locked_until', 'response_status', 'response_body'])
    .select(sql<boolean>`locked_until <= now()`.as('lease_over'))
    .where('key', '=', key)
    .executeTakeFirst();
  return (
    row && {
      fingerprint: row.fingerprint,
      state: row.state,
      lockedUntil: row.locked_until,
      leaseOver: row.lease_over,
      responseStatus: row.response_status,
      responseBody: row.response_body,
    }
  );
}

/** Takes a running row whose lease ran out; only one of many racing callers gets the new token. */
export async function takeOverExpiredKey(tenant: TenantRef, key: string, seen: Date, leaseMs: number): Promise<Date | undefined> {
  const row = await tenantDb(tenant)
    .updateTable('idempotency_keys')
    .set({ locked_until: leaseEnd(leaseMs) })
    .where('key', '=', key)
    .where('state', '=', 'running')
    .where('locked_until', '=', seen)
    .where(sql<boolean>`locked_until <= now()`)
    .returning('locked_until')
    .executeTakeFirst();
  return row?.locked_until;
}

/** Extends a lease still held with `token`; the new token, or undefined when the row was lost. */
export async function renewLease(tenant: TenantRef, key: string, token: Date, leaseMs: number): Promise<Date | undefined> {
  const row = await tenantDb(tenant)
    .updateTable('idempotency_keys')
    .set({ locked_until: leaseEnd(leaseMs) })
    .where('key', '=', key)
    .where('state', '=', 'running')
    .where('locked_until', '=', token)
    .returning('locked_until')
    .executeTakeFirst();
  return row?.locked_until;
}

/** Stores the answer of the request holding `token`; false when it no longer holds the row. */
export async function completeKey(
  tenant: TenantRef,
  key: string,
  token: Date,
  answer: { status: number; body: unknown },
): Promise<boolean> {
  const result = await tenantDb(tenant)
    .updateTable('idempotency_keys')
    .set({
      state: 'completed',
      response_status: answer.status,
      // As text: pg would send a top-level array as a PostgreSQL array.
      response_body: answer.body === undefined ? null : JSON.stringify(answer.body),
    })
    .where('key', '=', key)
    .where('state', '=', 'running')
    .where('locked_until', '=', token)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Deletes the row held with `token`, so the key can be used again. */
export async function releaseKey(tenant: TenantRef, key: string, token: Date): Promise<void> {
  await tenantDb(tenant)
    .deleteFrom('idempotency_keys')
    .where('key', '=', key)
    .where('state', '=', 'running')
    .where('locked_until', '=', token)
    .execute();
}

/** Deletes up to `limit` rows created before `before`; how many. */
export async function deleteKeysCreatedBefore(tenant: TenantRef, before: Date, limit: number): Promise<number> {
  const db = tenantDb(tenant);
  const result = await db
    .deleteFrom('idempotency_keys')
    .where('key', 'in', db.selectFrom('idempotency_keys').select('key').where('created_at', '<', before).limit(limit))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
