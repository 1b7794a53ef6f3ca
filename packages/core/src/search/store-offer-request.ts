import type { Tenant } from '@himal/db';
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
import { insertOfferRequest, jsonColumn, type OfferRow } from './offer-repository.ts';
import { sortKeys, toSearchOffer } from './offer-rows.ts';
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
  const rows: OfferRow[] = search.offers.map((item) => ({
    id: newOfferId(),
    offer_request_id: offerRequestId,
    product: search.product,
    supplier_id: item.supplierId,
    sources: item.sources,
    supplier_offer: item.offer,
    property: item.property ?? null,
    total_minor: String(item.total.amountMinor),
    total_currency: item.total.currency,
    supplier_total_minor: String(item.supplierTotal.amountMinor),
    supplier_currency: item.supplierTotal.currency,
    fx: item.fx,
    ...sortKeys(search.product, item.offer, item.property),
    expires_at: offerExpiry(now, settings, item.offer.expiresAt),
    priced_at: now,
    created_at: now,
  }));
  await insertOfferRequest(
    tenant,
    {
      id: offerRequestId,
      product: search.product,
      request: jsonColumn(search.request),
      currency: search.currency,
      warnings: jsonColumn(search.warnings),
      created_at: now,
    },
    rows.map((row) => ({
      ...row,
      supplier_offer: jsonColumn(row.supplier_offer),
      property: row.property === null ? null : jsonColumn(row.property),
      fx: row.fx === null ? null : jsonColumn(row.fx),
    })),
  );
  return {
    id: offerRequestId,
    product: search.product,
    currency: search.currency,
    createdAt: now,
    warnings: search.warnings,
    offers: rows.map((row) => toSearchOffer(row)) as OfferRequestResult<P>['offers'],
  };
}
