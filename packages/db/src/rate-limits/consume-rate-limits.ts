import { sharedPool } from '../pool.ts';

/**
 * Fixed-window counters in the control plane, shared by every process of every app: a key may be
 * hit `limit` times per window; the window starts at the key's first hit. One statement counts a
 * request against all its keys at once (an agency's and its client's), atomically, with no named
 * prepared statement, so it works through PgBouncer in transaction mode.
 */
export interface RateLimitHit {
  key: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitOutcome {
  key: string;
  allowed: boolean;
  /** Hits left in the window (0 when refused). */
  remaining: number;
  resetsAt: Date;
}

/**
 * Keys already over their limit, with the end of their window: a flood from one client is then
 * refused by this process without asking the database again. Bounded; the oldest entries go first.
 */
const MAX_BLOCKED_KEYS = 10_000;
const blocked = new Map<string, number>();

function knownBlocked(key: string, now: number): number | undefined {
  const until = blocked.get(key);
  if (until === undefined) return undefined;
  if (until > now) return until;
  blocked.delete(key);
  return undefined;
}

function block(key: string, until: number): void {
  blocked.delete(key);
  blocked.set(key, until);
  if (blocked.size > MAX_BLOCKED_KEYS) blocked.delete(blocked.keys().next().value!);
}

export async function consumeRateLimits(hits: ReadonlyArray<RateLimitHit>): Promise<RateLimitOutcome[]> {
  const now = Date.now();
  const keys = new Set(hits.map((hit) => hit.key));
  if (keys.size !== hits.length) throw new Error('rate limit keys must be distinct');
  const alreadyBlocked = hits.map((hit) => knownBlocked(hit.key, now));
  if (alreadyBlocked.some((until) => until !== undefined))
    return hits.map((hit, i) => {
      const until = alreadyBlocked[i];
      return until === undefined
        ? { key: hit.key, allowed: true, remaining: hit.limit, resetsAt: new Date(now + hit.windowMs) }
        : { key: hit.key, allowed: false, remaining: 0, resetsAt: new Date(until) };
    });

  const { rows } = await sharedPool().query<{ key: string; hits: number; resets_at: Date }>(
    `INSERT INTO public.rate_limit_buckets AS b (key, hits, resets_at)
     SELECT key, 1, now() + make_interval(secs => window_ms / 1000.0)
       FROM unnest($1::text[], $2::int[]) AS t(key, window_ms)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN b.resets_at <= now() THEN 1 ELSE b.hits + 1 END,
       resets_at = CASE WHEN b.resets_at <= now() THEN EXCLUDED.resets_at ELSE b.resets_at END
     RETURNING key, hits, resets_at`,
    [hits.map((hit) => hit.key), hits.map((hit) => hit.windowMs)],
  );
  const byKey = new Map(rows.map((row) => [row.key, row]));
  scheduleCleanup();
  return hits.map((hit) => {
    const row = byKey.get(hit.key)!;
    const allowed = row.hits <= hit.limit;
    if (!allowed) block(hit.key, row.resets_at.getTime());
    return { key: hit.key, allowed, remaining: Math.max(0, hit.limit - row.hits), resetsAt: row.resets_at };
  });
}

/**
 * Takes back one hit from each key (a request that turned out not to count, such as a sign-in with
 * the right password), or forgets the keys' windows entirely with `clear`.
 */
export async function refundRateLimits(keys: string[], options: { clear?: boolean } = {}): Promise<void> {
  for (const key of keys) blocked.delete(key);
  if (options.clear) await sharedPool().query('DELETE FROM public.rate_limit_buckets WHERE key = ANY($1)', [keys]);
  else await sharedPool().query('UPDATE public.rate_limit_buckets SET hits = greatest(hits - 1, 0) WHERE key = ANY($1)', [keys]);
}

/** Deletes windows that have passed, a bounded batch at a time, at most once a minute per process. */
const CLEANUP_EVERY_MS = 60_000;
let lastCleanup = 0;

function scheduleCleanup(): void {
  const now = Date.now();
  if (now - lastCleanup < CLEANUP_EVERY_MS) return;
  lastCleanup = now;
  sharedPool()
    .query(
      `DELETE FROM public.rate_limit_buckets
        WHERE key IN (SELECT key FROM public.rate_limit_buckets WHERE resets_at < now() LIMIT 10000)`,
    )
    .catch((error: Error) => console.error(`[rate limits] cleanup failed: ${error.message}`));
}

/** Tests: forget what this process knows of blocked keys. */
export function forgetBlockedRateLimitKeys(): void {
  blocked.clear();
}
