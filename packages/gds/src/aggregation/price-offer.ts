import { supplierConnectionsFor } from '../accounts/supplier-accounts.ts';
import { SupplierError } from '../errors.ts';
import type { AirOffer, AirSupplierAdapter } from '../products/air.ts';
import type { SupplierConnection } from '../products/common.ts';
import type { HotelOffer, HotelSupplierAdapter } from '../products/hotel.ts';
import type { InsuranceOffer, InsuranceSupplierAdapter } from '../products/insurance.ts';
import { AIR_ADAPTERS, HOTEL_ADAPTERS, INSURANCE_ADAPTERS } from '../suppliers/registry.ts';
import { aggregationOptions, type AggregationOptions } from './aggregation-options.ts';
import { callSupplier } from './call-supplier.ts';

/** An offer of one product, as its supplier made it. */
export type ProductOffer =
  { product: 'air'; offer: AirOffer } | { product: 'hotel'; offer: HotelOffer } | { product: 'insurance'; offer: InsuranceOffer };

export interface PriceOfferOptions extends Partial<AggregationOptions> {
  tenantId: string;
  /** Defaults: the tenant's enabled supplier accounts and the adapter registry. */
  connections?: SupplierConnection[];
  adapters?: {
    air?: Record<string, AirSupplierAdapter>;
    hotel?: Record<string, HotelSupplierAdapter>;
    insurance?: Record<string, InsuranceSupplierAdapter>;
  };
}

/**
 * Asks the supplier that made an offer for its price and availability now, behind the same
 * timeout and circuit breaker as a search: the offer as the supplier gives it again. Throws
 * SupplierError: SUPPLIER_NOT_ENABLED when the tenant no longer has that supplier enabled (or
 * the platform no adapter for it), otherwise whatever the supplier's answer comes to
 * (INVENTORY_EXHAUSTED, OFFER_EXPIRED, a business error, an outage).
 */
export async function priceOffer<P extends ProductOffer>(item: P, options: PriceOfferOptions): Promise<P['offer']> {
  const { supplierId } = item.offer;
  const connections = options.connections ?? (await supplierConnectionsFor(options.tenantId, item.product));
  const connection = connections.find((candidate) => candidate.supplierId === supplierId);
  const price = pricer(item, options.adapters ?? {});
  if (!connection || !price)
    throw new SupplierError('SUPPLIER_NOT_ENABLED', `${supplierId} is no longer enabled for this agency`, {
      supplierId,
      operation: `${item.product}.price`,
    });
  const limits = { ...aggregationOptions(options), tenantId: options.tenantId };
  return callSupplier(connection, `${item.product}.price`, (context) => price(connection, context), limits);
}

/** The adapter of the offer's own product and supplier, pricing that offer; undefined when there is none. */
function pricer(
  item: ProductOffer,
  adapters: NonNullable<PriceOfferOptions['adapters']>,
):
  | ((connection: SupplierConnection, context: Parameters<AirSupplierAdapter['price']>[2]) => Promise<ProductOffer['offer']>)
  | undefined {
  switch (item.product) {
    case 'air': {
      const adapter = (adapters.air ?? AIR_ADAPTERS)[item.offer.supplierId];
      return adapter && ((connection, context) => adapter.price(connection, item.offer, context).then((priced) => priced.offer));
    }
    case 'hotel': {
      const adapter = (adapters.hotel ?? HOTEL_ADAPTERS)[item.offer.supplierId];
      return adapter && ((connection, context) => adapter.price(connection, item.offer, context).then((priced) => priced.offer));
    }
    case 'insurance': {
      const adapter = (adapters.insurance ?? INSURANCE_ADAPTERS)[item.offer.supplierId];
      return adapter && ((connection, context) => adapter.price(connection, item.offer, context).then((priced) => priced.offer));
    }
  }
}
