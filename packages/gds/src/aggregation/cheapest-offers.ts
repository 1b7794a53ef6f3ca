import type { PricedOffer } from './priced-offer.ts';

/**
 * Bounds what one search keeps: at most MAX_OFFERS_PER_SUPPLIER offers from each supplier and
 * MAX_OFFERS_PER_SEARCH in all, the cheapest, cheapest first. Beyond that a list is no use to a
 * traveller and only costs memory, rows and time (a five-slice search once produced 3,195 offers
 * and a 6.5 MB answer); a client pages through what is kept.
 */
export const MAX_OFFERS_PER_SUPPLIER = 200;
export const MAX_OFFERS_PER_SEARCH = 400;

export function cheapestOffers<T extends PricedOffer<{ supplierId: string }>>(
  offers: T[],
  limits: { perSupplier?: number; perSearch?: number } = {},
): T[] {
  const perSupplier = limits.perSupplier ?? MAX_OFFERS_PER_SUPPLIER;
  const perSearch = limits.perSearch ?? MAX_OFFERS_PER_SEARCH;
  const sorted = [...offers].sort((a, b) => a.total.amountMinor - b.total.amountMinor);
  const kept: T[] = [];
  const taken = new Map<string, number>();
  for (const offer of sorted) {
    if (kept.length >= perSearch) break;
    const count = taken.get(offer.offer.supplierId) ?? 0;
    if (count >= perSupplier) continue;
    taken.set(offer.offer.supplierId, count + 1);
    kept.push(offer);
  }
  return kept;
}
