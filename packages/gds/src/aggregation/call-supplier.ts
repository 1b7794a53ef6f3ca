import { SupplierError } from '../errors.ts';
import type { CallContext, SupplierConnection } from '../products/common.ts';
import type { AggregationOptions } from './aggregation-options.ts';
import { circuitBreakerFor } from './circuit-breaker.ts';

/**
 * One supplier's part of a search, guarded: refused at once while its circuit is open, cut off at
 * the supplier timeout (the adapter's calls are aborted too), its outcome fed to the breaker.
 */
export async function callSupplier<T>(
  connection: SupplierConnection,
  operation: string,
  work: (context: CallContext) => Promise<T>,
  options: AggregationOptions & { tenantId?: string },
): Promise<T> {
  const { supplierId } = connection;
  const breaker = circuitBreakerFor(supplierId, connection.endpoint, {
    failureThreshold: options.breakerFailureThreshold,
    cooldownMs: options.breakerCooldownMs,
  });
  if (!breaker.tryAcquire()) {
    const seconds = Math.ceil(breaker.retryInMs() / 1000);
    throw new SupplierError('SUPPLIER_CIRCUIT_OPEN', `${supplierId} is failing; not asked again for ${seconds} s`, {
      supplierId,
      operation,
    });
  }

  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new SupplierError('SUPPLIER_TIMEOUT', `${supplierId} did not answer within ${options.supplierTimeoutMs} ms`, {
        supplierId,
        operation,
      });
      controller.abort(error);
      reject(error);
    }, options.supplierTimeoutMs);
  });
  try {
    const result = await Promise.race([
      work({ tenantId: options.tenantId, timeoutMs: options.supplierTimeoutMs, signal: controller.signal }),
      timedOut,
    ]);
    breaker.recordSuccess();
    return result;
  } catch (error) {
    breaker.recordFailure(error);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
