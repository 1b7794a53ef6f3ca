import pg from 'pg';
import { LRUCache } from 'lru-cache';
import { databaseUrl } from '../config.ts';

/**
 * The directory's in-memory cache, invalidated at once across processes through PostgreSQL
 * LISTEN/NOTIFY on channel `himal_directory` (every tenant or domain change sends the tenant's id).
 * A notice drops only that tenant's answers (and the cached "no such host" answers, which a new
 * tenant or domain may have made wrong), so a change to one agency does not empty the cache for
 * ten thousand. While the listener is connected answers live TENANT_DIRECTORY_TTL_MS (10 minutes);
 * while it is down, only a few seconds, since no notice can reach this process then.
 * An entry is a few hundred bytes; the default bound (100,000 answers) holds a slug, an id and a
 * domain answer for tens of thousands of agencies.
 */
export const DIRECTORY_CHANNEL = 'himal_directory';

const CONNECTED_TTL_MS = Number(process.env.TENANT_DIRECTORY_TTL_MS ?? 600_000);
const UNLISTENED_TTL_MS = 5_000;

export const directoryCache = new LRUCache<string, { value: unknown }>({
  max: Number(process.env.TENANT_DIRECTORY_CACHE_SIZE ?? 100_000),
  ttl: CONNECTED_TTL_MS,
});

/**
 * Counts invalidations. A lookup that began before one may have read the old row: it is then not
 * kept, or it would outlive the notice that should have removed it.
 */
let epoch = 0;
export function directoryEpoch(): number {
  return epoch;
}

/** How long an answer looked up since `startedAt` (an epoch) may be served without a notice; 0: do not keep it. */
export function directoryAnswerTtlMs(startedAt: number): number {
  if (startedAt !== epoch) return 0;
  return listener ? CONNECTED_TTL_MS : UNLISTENED_TTL_MS;
}

/** Drops the cached answers a change to this tenant may have made wrong. */
export function invalidateTenantAnswers(tenantId: string): void {
  epoch += 1;
  for (const [key, entry] of directoryCache.entries()) {
    const value = entry.value as { id?: string } | null;
    if (value === null || value?.id === tenantId) directoryCache.delete(key);
  }
}

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
  client.on('notification', (notice) => {
    if (notice.payload) invalidateTenantAnswers(notice.payload);
    else invalidateDirectory();
  });
  client.on('error', (error) => {
    console.error('[directory] listener lost:', error.message);
    invalidateDirectory();
    scheduleReconnect();
  });
  await client.connect();
  await client.query(`LISTEN ${DIRECTORY_CHANNEL}`);
  // Answers cached while no one listened may have missed a notice.
  invalidateDirectory();
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
  epoch += 1;
  directoryCache.clear();
}
