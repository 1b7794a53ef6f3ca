import { withTenant, type Tenant } from '@himal/db';
import type {
  AggregatedProperty,
  AirOffer,
  FxSnapshot,
  HotelOffer,
  InsuranceOffer,
  Money,
  Product,
  SupplierWarning,
} from '@himal/gds';
import { newOfferId, newOfferRequestId } from './offer-ids.ts';
import { asJson, sortKeys, toSearchOffer } from './offer-rows.ts';
import { offerExpiry, type OfferSettings } from './offer-settings.ts';
import type { OfferRequestResult } from './search-offer.ts';

export interface OfferToStore {
  supplierId: string;
  sources: string[];
  offer: AirOffer | HotelOffer | InsuranceOffer;
  property?: AggregatedProperty;
  total: Money;
  supplierTotal: Money;
  fx: FxSnapshot | null;
}

/** Keeps a search and its offers in the tenant's schema, in one transaction, under fresh random ids. */
export async function storeOfferRequest<P extends Product>(
  tenant: Pick<Tenant, 'schemaName'>,
  search: { product: P; request: unknown; currency: string; warnings: SupplierWarning[]; offers: OfferToStore[] },
  settings: OfferSettings,
  now = new Date(),
): Promise<OfferRequestResult<P>> {
  const offerRequestId = newOfferRequestId(search.product);
  const rows = search.offers.map((item) => ({
    id: newOfferId(),
    offerRequestId,
    product: search.product,
    supplierId: item.supplierId,
    sources: item.sources,
    supplierOffer: asJson(item.offer),
    property: item.property ? asJson(item.property) : undefined,
    totalMinor: BigInt(item.total.amountMinor),
    totalCurrency: item.total.currency,
    supplierTotalMinor: BigInt(item.supplierTotal.amountMinor),
    supplierCurrency: item.supplierTotal.currency,
    fx: item.fx ? asJson(item.fx) : undefined,
    ...sortKeys(search.product, item.offer, item.property),
    expiresAt: offerExpiry(now, settings, item.offer.expiresAt),
    pricedAt: now,
    createdAt: now,
  }));
  await withTenant(tenant, async (tx) => {
    await tx.offerRequest.create({
      data: {
        id: offerRequestId,
        product: search.product,
        request: asJson(search.request),
        currency: search.currency,
        warnings: asJson(search.warnings),
        createdAt: now,
      },
    });
    if (rows.length) await tx.offer.createMany({ data: rows });
  });
  return {
    id: offerRequestId,
    product: search.product,
    currency: search.currency,
    createdAt: now,
    warnings: search.warnings,
    offers: rows.map((row) =>
      toSearchOffer({ ...row, property: row.property ?? null, fx: row.fx ?? null } as Parameters<typeof toSearchOffer>[0]),
    ) as OfferRequestResult<P>['offers'],
  };
}
