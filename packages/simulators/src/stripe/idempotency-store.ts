import { createHash } from 'node:crypto';
import type { SimulatorClock } from '../harness/simulator-clock.ts';
import { BoundedMap, MAX_OBJECTS_PER_KIND } from './stripe-store.ts';

/**
 * Stripe's idempotency keys, per API key: the first answer (status and body, errors included) is
 * kept once the endpoint starts executing and replayed for the same key and parameters; other
 * parameters or another endpoint with the key are refused; a request while the first still runs is
 * told to wait (409); a request that failed validation leaves nothing behind. Keys are forgotten
 * after 24 hours. API keys are kept only as hashes.
 */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 3600 * 1000;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export interface StoredAnswer {
  status: number;
  body: string;
  requestId: string;
}

interface Entry {
  endpoint: string;
  fingerprint: string;
  createdAtMs: number;
  answer?: StoredAnswer;
}

export type IdempotencyBegin =
  | { kind: 'new' }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'in-flight' }
  | { kind: 'other-endpoint'; endpoint: string }
  | { kind: 'other-params' };

export class IdempotencyStore {
  private readonly entries = new BoundedMap<string, Entry>(MAX_OBJECTS_PER_KIND);

  constructor(private readonly clock: SimulatorClock) {}

  private scope(apiKey: string, key: string): string {
    return `${createHash('sha256').update(apiKey).digest('hex')}:${key}`;
  }

  /** Looks the key up; when it is new (or expired) reserves it for this request. */
  begin(apiKey: string, key: string, endpoint: string, fingerprint: string): IdempotencyBegin {
    const scope = this.scope(apiKey, key);
    const now = this.clock.now().getTime();
    const entry = this.entries.get(scope);
    if (entry && now - entry.createdAtMs < IDEMPOTENCY_KEY_TTL_MS) {
      if (entry.endpoint !== endpoint) return { kind: 'other-endpoint', endpoint: entry.endpoint };
      if (entry.fingerprint !== fingerprint) return { kind: 'other-params' };
      return entry.answer ? { kind: 'replay', answer: entry.answer } : { kind: 'in-flight' };
    }
    this.entries.delete(scope);
    this.entries.set(scope, { endpoint, fingerprint, createdAtMs: now });
    return { kind: 'new' };
  }

  finish(apiKey: string, key: string, answer: StoredAnswer): void {
    const entry = this.entries.get(this.scope(apiKey, key));
    if (entry) entry.answer = answer;
  }

  /** The request failed validation (or never ran): the key is free again. */
  release(apiKey: string, key: string): void {
    const scope = this.scope(apiKey, key);
    if (!this.entries.get(scope)?.answer) this.entries.delete(scope);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
