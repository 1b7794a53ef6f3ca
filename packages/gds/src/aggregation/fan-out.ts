import { isSupplierError } from '../errors.ts';
import type { CallContext, SearchResult, SupplierConnection, SupplierWarning } from '../products/common.ts';
import type { AggregationOptions } from './aggregation-options.ts';
import { callSupplier } from './call-supplier.ts';

export interface SupplierAnswer<Offer> {
  connection: SupplierConnection;
  offers: Offer[];
}

/** What a failure tells the client: the supplier's error code and message, never its credentials or raw text. */
export function warningFor(supplierId: string, error: unknown): SupplierWarning {
  if (isSupplierError(error)) return { supplierId, code: error.code, message: error.message };
  console.error(`[gds] ${supplierId} failed unexpectedly`, error);
  return { supplierId, code: 'SUPPLIER_ERROR', message: `${supplierId} failed unexpectedly` };
}

/**
 * Asks every connected supplier that has an adapter at once. A supplier that fails, times out or
 * has its circuit open adds a warning and nothing else: the search answers with the others.
 */
export async function fanOut<Adapter, Offer>(
  connections: SupplierConnection[],
  adapters: Record<string, Adapter>,
  operation: string,
  ask: (adapter: Adapter, connection: SupplierConnection, context: CallContext) => Promise<SearchResult<Offer>>,
  options: AggregationOptions & { tenantId?: string },
): Promise<{ answers: SupplierAnswer<Offer>[]; warnings: SupplierWarning[] }> {
  const warnings: SupplierWarning[] = [];
  if (connections.length === 0)
    warnings.push({
      supplierId: 'platform',
      code: 'NO_SUPPLIERS',
      message: `no supplier is enabled for ${operation.split('.')[0]}`,
    });
  const asked = connections.filter((connection) => {
    if (adapters[connection.supplierId]) return true;
    warnings.push({
      supplierId: connection.supplierId,
      code: 'SUPPLIER_NOT_CONFIGURED',
      message: `no adapter for ${connection.supplierId}`,
    });
    return false;
  });
  const settled = await Promise.allSettled(
    asked.map((connection) =>
      callSupplier(connection, operation, (context) => ask(adapters[connection.supplierId]!, connection, context), options),
    ),
  );
  const answers: SupplierAnswer<Offer>[] = [];
  settled.forEach((outcome, index) => {
    const connection = asked[index]!;
    if (outcome.status === 'fulfilled') {
      answers.push({ connection, offers: outcome.value.offers });
      warnings.push(...outcome.value.warnings);
    } else {
      warnings.push(warningFor(connection.supplierId, outcome.reason));
    }
  });
  return { answers, warnings };
}
