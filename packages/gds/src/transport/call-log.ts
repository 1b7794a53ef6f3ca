import { controlDb } from '@himal/db';

/** What is kept of one supplier call: never a message body, so never credentials or traveller data. */
export interface SupplierCallRecord {
  supplierId: string;
  operation: string;
  tenantId?: string;
  startedAt: Date;
  latencyMs: number;
  /** 'ok' or a SupplierError code. */
  outcome: string;
  httpStatus?: number;
  supplierCode?: string;
  requestBytes?: number;
  responseBytes?: number;
}

/**
 * Calls are buffered and written in batches off the request path; a failure to write the log never
 * fails a search. `flushSupplierCalls` writes what is pending (tests, shutdown).
 */
const pending: SupplierCallRecord[] = [];
let timer: NodeJS.Timeout | undefined;
let flushing: Promise<void> = Promise.resolve();

export function recordSupplierCall(record: SupplierCallRecord): void {
  pending.push(record);
  if (pending.length >= 200) void flushSupplierCalls();
  else if (!timer) {
    timer = setTimeout(() => void flushSupplierCalls(), 1_000);
    timer.unref();
  }
}

export function flushSupplierCalls(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  const batch = pending.splice(0);
  if (batch.length === 0) return flushing;
  flushing = flushing.then(() =>
    controlDb()
      .supplierCall.createMany({
        data: batch.map((r) => ({
          supplierId: r.supplierId,
          operation: r.operation,
          tenantId: r.tenantId ?? null,
          startedAt: r.startedAt,
          latencyMs: Math.round(r.latencyMs),
          outcome: r.outcome,
          httpStatus: r.httpStatus ?? null,
          supplierCode: r.supplierCode ?? null,
          requestBytes: r.requestBytes ?? null,
          responseBytes: r.responseBytes ?? null,
        })),
      })
      .then(() => undefined)
      .catch((error: Error) => console.error(`[gds] could not record ${batch.length} supplier calls: ${error.message}`)),
  );
  return flushing;
}
