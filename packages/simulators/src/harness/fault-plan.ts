/**
 * Faults a simulator injects on demand, per operation ('*' for any), for a number of calls
 * (`times`, default every call until cleared). Transport faults are applied by the HTTP layer;
 * dialect faults (business errors, warnings, expired sessions, price changes) by the service.
 */
export const TRANSPORT_FAULTS = ['latency', 'timeout', 'http-status', 'truncated', 'malformed', 'unsafe-xml'] as const;
export const DIALECT_FAULTS = ['soap-fault', 'business-error', 'warning', 'session-expired', 'price-change'] as const;
export type FaultKind = (typeof TRANSPORT_FAULTS)[number] | (typeof DIALECT_FAULTS)[number];

export interface FaultSpec {
  /** Operation name as the simulator knows it (its SOAPAction / method), or '*'. */
  operation: string;
  kind: FaultKind;
  /** latency: extra delay; timeout: how long to hang (default 120 s). */
  delayMs?: number;
  /** http-status: the status to answer (503, 429, ...). */
  status?: number;
  /** price-change: percent added to prices from now on (negative lowers them). */
  percent?: number;
  /** business-error / soap-fault: supplier code and text to answer with. */
  code?: string;
  message?: string;
  /** How many calls it applies to; omitted = until cleared. */
  times?: number;
}

export class FaultPlan {
  private faults: FaultSpec[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ ...spec });
  }

  clear(): void {
    this.faults = [];
  }

  list(): FaultSpec[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The first fault of one of `kinds` that applies to `operation`, counting one use of it. */
  take(operation: string, kinds: readonly FaultKind[]): FaultSpec | undefined {
    const index = this.faults.findIndex((f) => kinds.includes(f.kind) && (f.operation === '*' || f.operation === operation));
    if (index === -1) return undefined;
    const fault = this.faults[index]!;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.faults.splice(index, 1);
    }
    return { ...fault };
  }
}
