import { DEFAULT_SUPPLIER_TIMEOUT_MS } from '../transport/soap-transport.ts';

export interface AggregationOptions {
  /** How long one supplier may take over its whole answer (all its calls). */
  supplierTimeoutMs: number;
  /** Consecutive outages that open a supplier's circuit. */
  breakerFailureThreshold: number;
  /** How long an open circuit waits before one trial call. */
  breakerCooldownMs: number;
}

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${JSON.stringify(raw)}`);
  return value;
}

/** Defaults, overridable per process (SUPPLIER_TIMEOUT_MS, SUPPLIER_BREAKER_FAILURES, SUPPLIER_BREAKER_COOLDOWN_MS) and per call. */
export function aggregationOptions(overrides: Partial<AggregationOptions> = {}): AggregationOptions {
  return {
    supplierTimeoutMs: overrides.supplierTimeoutMs ?? positiveNumber('SUPPLIER_TIMEOUT_MS', DEFAULT_SUPPLIER_TIMEOUT_MS),
    breakerFailureThreshold: overrides.breakerFailureThreshold ?? positiveNumber('SUPPLIER_BREAKER_FAILURES', 5),
    breakerCooldownMs: overrides.breakerCooldownMs ?? positiveNumber('SUPPLIER_BREAKER_COOLDOWN_MS', 30_000),
  };
}
