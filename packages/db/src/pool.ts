import pg from 'pg';
import { databaseUrl } from './config.ts';

/**
 * The one pg.Pool of a process: the control-plane Prisma client and the tenant query builder share it.
 * Connections are recycled after a while: a connection that touched many tenant schemas holds a
 * large catalog cache, and recycling bounds that memory on the server.
 */
let pool: pg.Pool | undefined;

export function sharedPool(): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({
      connectionString: databaseUrl(),
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      idleTimeoutMillis: 30_000,
      maxLifetimeSeconds: 600,
      connectionTimeoutMillis: 10_000,
      application_name: process.env.HIMAL_APP_NAME ?? 'himal',
    });
    // An idle client's error (server restart, network) must not crash the process; the pool drops it.
    pool.on('error', (error) => console.error('[db] idle connection error:', error.message));
  }
  return pool;
}

export async function closeSharedPool(): Promise<void> {
  const current = pool;
  const ping = pingPool;
  pool = undefined;
  pingPool = undefined;
  await Promise.all([current?.end(), ping?.end()]);
}

/**
 * A round trip to the database on a connection of its own, for health checks: through the shared
 * pool a ping waits behind every query queued there, so a busy instance would look like one whose
 * database is down and a load balancer would take it out of rotation exactly when it is needed.
 */
let pingPool: pg.Pool | undefined;

export async function pingDatabase(): Promise<void> {
  if (!pingPool) {
    pingPool = new pg.Pool({
      connectionString: databaseUrl(),
      max: 1,
      idleTimeoutMillis: 60_000,
      connectionTimeoutMillis: 5_000,
      application_name: `${process.env.HIMAL_APP_NAME ?? 'himal'}-health`,
    });
    // A dropped idle connection is replaced at the next ping; the ping itself reports failures.
    pingPool.on('error', () => undefined);
  }
  await pingPool.query('SELECT 1');
}
