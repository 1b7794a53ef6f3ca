import type { TenantTransaction } from '@himal/db';
import type { AggregatedProperty, AirOffer, FxSnapshot, HotelOffer, InsuranceOffer, Product } from '@himal/gds';
import type { OfferPriceChangeRecord, SearchOffer } from './search-offer.ts';

/** How offers are kept in the tenant schema, and read back. */
type OfferCreate = Parameters<TenantTransaction['offer']['create']>[0]['data'];
export type OfferRow = Awaited<ReturnType<TenantTransaction['offer']['findUniqueOrThrow']>>;
type PriceChangeRow = Awaited<ReturnType<TenantTransaction['offerPriceChange']['findUniqueOrThrow']>>;
export type JsonInput = OfferCreate['supplierOffer'];

/** Platform types are plain data; JSON is how they are stored. */
export function asJson(value: unknown): JsonInput {
  return JSON.parse(JSON.stringify(value)) as JsonInput;
}

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
      durationMinutes: airDurationMinutes(air),
      departingAt: air.slices[0]?.segments[0]?.departingAt ?? '',
      starRating: 0,
    };
  }
  if (product === 'hotel')
    return { durationMinutes: 0, departingAt: '', starRating: Math.round((property?.starRating ?? 0) * 10) };
  return { durationMinutes: 0, departingAt: '', starRating: 0 };
}

function priceChange(row: PriceChangeRow): OfferPriceChangeRecord {
  return {
    previousTotal: { amountMinor: Number(row.previousTotalMinor), currency: row.totalCurrency },
    newTotal: { amountMinor: Number(row.newTotalMinor), currency: row.totalCurrency },
    previousSupplierTotal: { amountMinor: Number(row.previousSupplierTotalMinor), currency: row.supplierCurrency },
    newSupplierTotal: { amountMinor: Number(row.newSupplierTotalMinor), currency: row.supplierCurrency },
    changedAt: row.changedAt,
  };
}

export function toSearchOffer(row: OfferRow, priceChanges: PriceChangeRow[] = []): SearchOffer {
  const base = {
    id: row.id,
    offerRequestId: row.offerRequestId,
    supplierId: row.supplierId,
    sources: row.sources,
    total: { amountMinor: Number(row.totalMinor), currency: row.totalCurrency },
    supplierTotal: { amountMinor: Number(row.supplierTotalMinor), currency: row.supplierCurrency },
    fx: (row.fx ?? null) as FxSnapshot | null,
    expiresAt: row.expiresAt,
    pricedAt: row.pricedAt,
    createdAt: row.createdAt,
    priceChanges: priceChanges.map(priceChange),
  };
  switch (row.product) {
    case 'air':
      return { ...base, product: 'air', air: row.supplierOffer as unknown as AirOffer };
    case 'hotel':
      return {
        ...base,
        product: 'hotel',
        hotel: row.supplierOffer as unknown as HotelOffer,
        property: row.property as unknown as AggregatedProperty,
      };
    case 'insurance':
      return { ...base, product: 'insurance', insurance: row.supplierOffer as unknown as InsuranceOffer };
  }
}
