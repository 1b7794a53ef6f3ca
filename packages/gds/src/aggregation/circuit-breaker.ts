import { isSupplierError, type SupplierErrorCode } from '../errors.ts';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before it lets one trial call through. */
  cooldownMs: number;
  now?: () => number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * Only failures that say the supplier is unwell open a circuit. A business error (no availability,
 * a rejected request), bad credentials or an expired session come from a supplier that answered.
 */
const OUTAGE_CODES = new Set<SupplierErrorCode>([
  'SUPPLIER_TIMEOUT',
  'SUPPLIER_UNAVAILABLE',
  'SUPPLIER_RATE_LIMITED',
  'SUPPLIER_FAULT',
  'SUPPLIER_BAD_RESPONSE',
  'SUPPLIER_UNSAFE_XML',
]);

export function isOutage(error: unknown): boolean {
  return !isSupplierError(error) || OUTAGE_CODES.has(error.code);
}

/**
 * Per supplier endpoint, per process: closed until `failureThreshold` consecutive outages, then open
 * (calls are refused at once) for `cooldownMs`, then half-open: exactly one trial call goes through,
 * and its outcome closes or reopens the circuit.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.options.cooldownMs ? 'half-open' : 'open';
  }

  /** Milliseconds until an open circuit half-opens (0 when it is not open). */
  retryInMs(): number {
    if (this.openedAt === undefined) return 0;
    return Math.max(0, this.options.cooldownMs - (this.now() - this.openedAt));
  }

  /** Asks to make a call; false means refuse it. A true in half-open state is the one trial call. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  recordSuccess(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trialInFlight = false;
  }

  recordFailure(error: unknown): void {
    if (!isOutage(error)) return this.recordSuccess();
    const wasTrial = this.trialInFlight;
    this.trialInFlight = false;
    this.failures += 1;
    if (wasTrial || this.failures >= this.options.failureThreshold) this.openedAt = this.now();
  }
}

const breakers = new Map<string, CircuitBreaker>();

/**
 * The process's breaker for one supplier endpoint. Keyed by endpoint too, so an agency's own
 * contract with a supplier (another endpoint) does not share the platform account's fate.
 */
export function circuitBreakerFor(supplierId: string, endpoint: string, options: CircuitBreakerOptions): CircuitBreaker {
  const key = `${supplierId} ${endpoint}`;
  let breaker = breakers.get(key);
  if (!breaker) {
    breaker = new CircuitBreaker(options);
    breakers.set(key, breaker);
  }
  return breaker;
}

/** Tests: every circuit closed again. */
export function resetCircuitBreakers(): void {
  breakers.clear();
}
