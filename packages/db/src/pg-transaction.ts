import type pg from 'pg';
import { sharedPool } from './pool.ts';

export interface PgTransactionOptions {
  pool?: pg.Pool;
  /** lock_timeout for this transaction only: DDL waiting behind traffic fails fast instead of blocking it. */
  lockTimeoutMs?: number;
}

/** A plain pg transaction, for control-plane work that mixes DDL, ledger rows and control rows. */
export async function pgTransaction<T>(
  work: (client: pg.PoolClient) => Promise<T>,
  options: PgTransactionOptions = {},
): Promise<T> {
  const client = await (options.pool ?? sharedPool()).connect();
  try {
    await client.query('BEGIN');
    if (options.lockTimeoutMs !== undefined) {
      await client.query(`SELECT set_config('lock_timeout', $1, true)`, [`${options.lockTimeoutMs}ms`]);
    }
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
