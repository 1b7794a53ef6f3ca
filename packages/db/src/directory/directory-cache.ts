import pg from 'pg';
import { LRUCache } from 'lru-cache';
import { databaseUrl } from '../config.ts';

/**
 * The directory's in-memory cache: short TTL, plus immediate invalidation across processes through
 * PostgreSQL LISTEN/NOTIFY on channel `himal_directory` (sent by every tenant or domain change).
 * While the listener is down the TTL bounds how stale an answer can be.
 */
export const DIRECTORY_CHANNEL = 'himal_directory';

const ttl = Number(process.env.TENANT_DIRECTORY_TTL_MS ?? 30_000);

export const directoryCache = new LRUCache<string, { value: unknown }>({ max: 10_000, ttl });

let listener: pg.Client | undefined;
let listening: Promise<void> | undefined;
let retryTimer: NodeJS.Timeout | undefined;

/** Starts (once per process) the LISTEN connection that clears the cache on any directory change. */
export function ensureDirectoryListener(): Promise<void> {
  listening ??= connectListener().catch((error: Error) => {
    console.error('[directory] listener unavailable, relying on TTL:', error.message);
    scheduleReconnect();
  });
  return listening;
}

async function connectListener(): Promise<void> {
  // LISTEN needs a session: through PgBouncer in transaction mode use the direct URL.
  const client = new pg.Client({
    connectionString: process.env.DIRECT_DATABASE_URL ?? databaseUrl(),
    application_name: 'himal-directory-listener',
  });
  client.on('notification', () => directoryCache.clear());
  client.on('error', (error) => {
    console.error('[directory] listener lost:', error.message);
    directoryCache.clear();
    scheduleReconnect();
  });
  await client.connect();
  await client.query(`LISTEN ${DIRECTORY_CHANNEL}`);
  listener = client;
}

function scheduleReconnect(): void {
  const old = listener;
  listener = undefined;
  void old?.end().catch(() => undefined);
  if (retryTimer) return;
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    listening = undefined;
    void ensureDirectoryListener();
  }, 5_000);
  retryTimer.unref();
}

export async function stopDirectoryListener(): Promise<void> {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = undefined;
  const client = listener;
  listener = undefined;
  listening = undefined;
  await client?.end().catch(() => undefined);
}

/** Drops every cached answer in this process. Other processes hear about changes by NOTIFY. */
export function invalidateDirectory(): void {
  directoryCache.clear();
}
