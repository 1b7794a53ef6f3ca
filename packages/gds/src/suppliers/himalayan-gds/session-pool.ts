import type { GdsSession } from './security-messages.ts';

export interface SessionPoolOptions {
  /** Idle sessions kept per connection; a session returned to a full pool is signed out. */
  maxIdlePerConnection: number;
  /** An idle session older than this is not used again (the GDS ends sessions idle for 15 minutes). */
  idleLimitMs: number;
}

/**
 * Deep enough for a burst of concurrent searches toward one office to find warm sessions next
 * time (an aggregated search fans out up to a few hundred at once); quiet periods shrink it, as
 * sessions idle past the limit are dropped.
 */
export const DEFAULT_SESSION_POOL: SessionPoolOptions = { maxIdlePerConnection: 200, idleLimitMs: 10 * 60_000 };

interface IdleSession {
  session: GdsSession;
  idleSince: number;
}

/**
 * Idle sessions per connection. The most recently used comes out first, so under light load a few
 * sessions stay warm and the rest age out; stale ones are dropped without a sign-out (the GDS has
 * ended them, or is about to).
 */
export class SessionPool {
  private readonly idle = new Map<string, IdleSession[]>();

  constructor(private readonly options: SessionPoolOptions) {}

  take(key: string, now = Date.now()): GdsSession | undefined {
    const fresh = (this.idle.get(key) ?? []).filter((entry) => now - entry.idleSince < this.options.idleLimitMs);
    const taken = fresh.pop();
    if (fresh.length) this.idle.set(key, fresh);
    else this.idle.delete(key);
    return taken?.session;
  }

  /** Puts a session back; returns the oldest one when that overfills the pool, for the caller to sign out. */
  give(key: string, session: GdsSession, now = Date.now()): GdsSession | undefined {
    const sessions = this.idle.get(key) ?? [];
    sessions.push({ session, idleSince: now });
    this.idle.set(key, sessions);
    return sessions.length > this.options.maxIdlePerConnection ? sessions.shift()!.session : undefined;
  }

  /** Empties the pool: every idle session that may still be open, by connection. */
  drain(now = Date.now()): Array<{ key: string; sessions: GdsSession[] }> {
    const drained = [...this.idle].map(([key, entries]) => ({
      key,
      sessions: entries.filter((entry) => now - entry.idleSince < this.options.idleLimitMs).map((entry) => entry.session),
    }));
    this.idle.clear();
    return drained;
  }

  size(key: string): number {
    return this.idle.get(key)?.length ?? 0;
  }
}
