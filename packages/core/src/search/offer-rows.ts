import type { AggregatedProperty, AirOffer, FxSnapshot, HotelOffer, InsuranceOffer, Product } from '@himal/gds';
import type { OfferRow, PriceChangeRow } from './offer-repository.ts';
import type { OfferPriceChangeRecord, SearchOffer } from './search-offer.ts';

/** How offers are kept in the tenant schema (sort keys beside the JSON), and read back. */

function airDurationMinutes(offer: AirOffer): number {
  let total = 0;
  for (const slice of offer.slices) {
    const first = slice.segments[0];
    const last = slice.segments.at(-1);
    const span = first && last ? Date.parse(last.arrivingAt) - Date.parse(first.departingAt) : NaN;
    // Local times without an offset cannot be subtracted across time zones; the segments' own durations can.
    const hasOffsets =
      first && last && /[zZ]|[+-]\d\d:?\d\d$/.test(first.departingAt) && /[zZ]|[+-]\d\d:?\d\d$/.test(last.arrivingAt);
    total +=
      hasOffsets && Number.isFinite(span)
        ? Math.round(span / 60_000)
        : slice.segments.reduce((sum, s) => sum + (s.durationMinutes ?? 0), 0);
  }
  return total;
}

/** Sort keys kept beside an offer so lists page in SQL. */
export function sortKeys(product: Product, offer: AirOffer | HotelOffer | InsuranceOffer, property?: AggregatedProperty) {
  if (product === 'air') {
    const air = offer as AirOffer;
    return {
      duration_minutes: airDurationMinutes(air),
      departing_at: air.slices[0]?.segments[0]?.departingAt ?? '',
      star_rating: 0,
    };
  }
  if (product === 'hotel')
    return { duration_minutes: 0, departing_at: '', star_rating: Math.round((property?.starRating ?? 0) * 10) };
  return { duration_minutes: 0, departing_at: '', star_rating: 0 };
}

function priceChange(row: PriceChangeRow): OfferPriceChangeRecord {
  return {
    previousTotal: { amountMinor: Number(row.previous_total_minor), currency: row.total_currency },
    newTotal: { amountMinor: Number(row.new_total_minor), currency: row.total_currency },
    previousSupplierTotal: { amountMinor: Number(row.previous_supplier_total_minor), currency: row.supplier_currency },
    newSupplierTotal: { amountMinor: Number(row.new_supplier_total_minor), currency: row.supplier_currency },
    changedAt: row.changed_at,
  };
}

export function toSearchOffer(row: OfferRow, priceChanges: PriceChangeRow[] = []): SearchOffer {
  const base = {
    id: row.id,
    offerRequestId: row.offer_request_id,
    supplierId: row.supplier_id,
    sources: row.sources,
    total: { amountMinor: Number(row.total_minor), currency: row.total_currency },
    supplierTotal: { amountMinor: Number(row.supplier_total_minor), currency: row.supplier_currency },
    fx: (row.fx ?? null) as FxSnapshot | null,
    expiresAt: row.expires_at,
    pricedAt: row.priced_at,
    createdAt: row.created_at,
    priceChanges: priceChanges.map(priceChange),
  };
  switch (row.product) {
    case 'air':
      return { ...base, product: 'air', air: row.supplier_offer as AirOffer };
    case 'hotel':
      return {
        ...base,
        product: 'hotel',
        hotel: row.supplier_offer as HotelOffer,
        property: row.property as AggregatedProperty,
      };
    case 'insurance':
      return { ...base, product: 'insurance', insurance: row.supplier_offer as InsuranceOffer };
  }
}
