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
 * Only failures that say the supplier is unwell open a circuit: timeouts, connection failures, HTTP
 * 5xx and 429, SOAP server faults, broken answers. A business error (no availability, a rejected
 * request), a SOAP Client fault (our request was refused), bad credentials or an expired session
 * come from a supplier that answered. A failure that is not a SupplierError is this platform's own
 * (a request the adapter could not build, a bug): it says nothing about the supplier, and counting
 * it would let one agency's bad input open the circuit for every agency.
 */
const OUTAGE_CODES = new Set<SupplierErrorCode>([
  'SUPPLIER_TIMEOUT',
  'SUPPLIER_UNAVAILABLE',
  'SUPPLIER_RATE_LIMITED',
  'SUPPLIER_FAULT',
  'SUPPLIER_BAD_RESPONSE',
  'SUPPLIER_UNSAFE_XML',
]);

/** SOAP 1.1 `Client` and SOAP 1.2 `Sender` faults blame the request, whatever the prefix. */
function isClientFault(error: { code: SupplierErrorCode; supplierCode?: string }): boolean {
  const local = error.supplierCode?.split(':').pop()?.split('.')[0];
  return error.code === 'SUPPLIER_FAULT' && (local === 'Client' || local === 'Sender');
}

export function isOutage(error: unknown): boolean {
  return isSupplierError(error) && OUTAGE_CODES.has(error.code) && !isClientFault(error);
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
    // The platform's own failure: the supplier's health is unknown, so neither count nor clear; a
    // trial call that failed this way frees the trial for the next caller.
    if (!isSupplierError(error)) {
      this.trialInFlight = false;
      return;
    }
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
