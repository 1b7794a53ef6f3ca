import { eventLoopDelayMs } from '../runtime/event-loop-delay.ts';
import { SearchError } from './search-errors.ts';

/**
 * Bounded admission for work that calls suppliers (searches, repricing). A process runs at most
 * `maxInFlight` of them at once; up to `maxQueued` more wait, each at most `maxWaitMs`; anything
 * beyond is refused at once with SEARCH_OVERLOADED (the API's 503 with Retry-After), before any
 * supplier is called or any row written. One agency holds at most `maxPerAgency` places (running
 * or waiting), so a flood from one agency's site leaves room for every other agency.
 *
 * Without it, load beyond what the process can serve grew every queue at once (suppliers, CPU,
 * the database pool) until requests failed after the suppliers had already been asked.
 */
export interface AdmissionLimits {
  maxInFlight: number;
  maxQueued: number;
  maxWaitMs: number;
  maxPerAgency: number;
  /**
   * New work is refused while the process's event loop lags more than this (its worst delay over
   * the last half second): a process whose CPU is spent answers every request late, health checks
   * and other agencies' pages included, so taking more searches only makes every answer slower.
   * 0 turns the check off.
   */
  maxEventLoopDelayMs: number;
}

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback;
}

export function admissionLimits(overrides: Partial<AdmissionLimits> = {}): AdmissionLimits {
  const maxInFlight = overrides.maxInFlight ?? positive('SEARCH_MAX_IN_FLIGHT', 48);
  return {
    maxInFlight,
    maxQueued: overrides.maxQueued ?? positive('SEARCH_MAX_QUEUED', 96),
    maxWaitMs: overrides.maxWaitMs ?? positive('SEARCH_MAX_WAIT_MS', 3_000),
    maxPerAgency: overrides.maxPerAgency ?? positive('SEARCH_MAX_PER_AGENCY', Math.max(1, Math.ceil(maxInFlight * 0.75))),
    maxEventLoopDelayMs: overrides.maxEventLoopDelayMs ?? positive('SEARCH_MAX_EVENT_LOOP_DELAY_MS', 500),
  };
}

/** Seconds a refused client is told to wait before trying again. */
export const OVERLOADED_RETRY_AFTER_SECONDS = 2;

interface Waiter {
  admit: () => void;
  timer: NodeJS.Timeout;
}

export class AdmissionGate {
  private inFlight = 0;
  private readonly waiting: Waiter[] = [];
  /** Places (running or waiting) per agency; an agency with none has no entry. */
  private readonly held = new Map<string, number>();

  constructor(readonly limits: AdmissionLimits) {}

  stats(): { inFlight: number; queued: number; agencies: number } {
    return { inFlight: this.inFlight, queued: this.waiting.length, agencies: this.held.size };
  }

  async run<T>(agencyId: string, work: () => Promise<T>): Promise<T> {
    if (this.limits.maxEventLoopDelayMs > 0) {
      const delay = eventLoopDelayMs();
      if (delay > this.limits.maxEventLoopDelayMs)
        throw overloaded(`this server is answering ${Math.round(delay)} ms late; try again shortly`);
    }
    const places = this.held.get(agencyId) ?? 0;
    if (places >= this.limits.maxPerAgency)
      throw overloaded(`this agency already has ${places} searches under way; try again shortly`);
    if (this.inFlight >= this.limits.maxInFlight && this.waiting.length >= this.limits.maxQueued)
      throw overloaded('too many searches are under way; try again shortly');

    this.held.set(agencyId, places + 1);
    try {
      if (this.inFlight >= this.limits.maxInFlight) await this.waitForPlace();
      else this.inFlight += 1;
      try {
        return await work();
      } finally {
        this.release();
      }
    } finally {
      const left = (this.held.get(agencyId) ?? 1) - 1;
      if (left > 0) this.held.set(agencyId, left);
      else this.held.delete(agencyId);
    }
  }

  private waitForPlace(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const index = this.waiting.indexOf(waiter);
          if (index !== -1) this.waiting.splice(index, 1);
          reject(overloaded(`no place for this search within ${this.limits.maxWaitMs} ms; try again shortly`));
        }, this.limits.maxWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  /** A finished search hands its place straight to the longest waiter, so the count never dips. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next.admit();
    else this.inFlight -= 1;
  }
}

function overloaded(message: string): SearchError {
  return new SearchError('SEARCH_OVERLOADED', message, { retryAfterSeconds: OVERLOADED_RETRY_AFTER_SECONDS });
}

let gate: AdmissionGate | undefined;

/** The process's gate, built from the environment at first use. */
export function searchAdmission(): AdmissionGate {
  gate ??= new AdmissionGate(admissionLimits());
  return gate;
}
