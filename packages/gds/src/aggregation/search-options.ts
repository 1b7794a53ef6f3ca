import { supplierConnectionsFor } from '../accounts/supplier-accounts.ts';
import type { FxTable } from '../fx/fx-table.ts';
import { loadFxTable } from '../fx/load-fx-table.ts';
import type { Product, SupplierConnection } from '../products/common.ts';
import { aggregationOptions, type AggregationOptions } from './aggregation-options.ts';

export interface SearchOptions<Adapter> extends Partial<AggregationOptions> {
  tenantId: string;
  /** The currency every offer is priced in. */
  currency: string;
  /** Defaults: the platform's FX table, the tenant's enabled supplier accounts, the adapter registry. */
  fx?: FxTable;
  connections?: SupplierConnection[];
  adapters?: Record<string, Adapter>;
}

/** What a search runs with: the tenant's suppliers for the product, the FX table, the limits. */
export async function searchInputs<Adapter>(
  product: Product,
  options: SearchOptions<Adapter>,
  registry: Record<string, Adapter>,
) {
  const [connections, fx] = await Promise.all([
    options.connections ?? supplierConnectionsFor(options.tenantId, product),
    options.fx ?? loadFxTable(),
  ]);
  return {
    connections,
    fx,
    adapters: options.adapters ?? registry,
    limits: { ...aggregationOptions(options), tenantId: options.tenantId },
  };
}
