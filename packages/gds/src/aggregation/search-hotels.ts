import { createHash } from 'node:crypto';
import type { HotelOffer, HotelProperty, HotelSearchRequest, HotelSupplierAdapter } from '../products/hotel.ts';
import { HOTEL_ADAPTERS } from '../suppliers/registry.ts';
import { fanOut } from './fan-out.ts';
import { hotelStayTotal } from './hotel-stay-total.ts';
import { groupSameProperties } from './hotel-matching.ts';
import { cheapestOffers, MAX_OFFERS_PER_SEARCH } from './cheapest-offers.ts';
import { priceOffers } from './price-offers.ts';
import type { AggregatedResult, PricedOffer } from './priced-offer.ts';
import { searchInputs, type SearchOptions } from './search-options.ts';

/** A property as the platform shows it: one entry however many suppliers list it. */
export interface AggregatedProperty extends Omit<HotelProperty, 'supplierHotelCode'> {
  /** Stable across searches: derived from the group's first listing (hp_ + 80 bits of its hash). */
  id: string;
  listings: Array<{ supplierId: string; supplierHotelCode: string }>;
}

/** The property's best price across its suppliers (taxes included, whole stay, asked currency). */
export interface HotelPropertyOffer extends PricedOffer<HotelOffer> {
  property: AggregatedProperty;
  /** Every supplier with a rate for this property. */
  sources: string[];
}

function propertyId(listing: { supplierId: string; supplierHotelCode: string }): string {
  const hash = createHash('sha256').update(`${listing.supplierId}:${listing.supplierHotelCode}`).digest('hex');
  return `hp_${hash.slice(0, 20)}`;
}

function describeProperty(offers: PricedOffer<HotelOffer>[]): AggregatedProperty {
  const listings = [
    ...new Map(offers.map(({ offer }) => [`${offer.supplierId}:${offer.hotel.supplierHotelCode}`, offer])).values(),
  ]
    .map((offer) => ({ supplierId: offer.supplierId, supplierHotelCode: offer.hotel.supplierHotelCode, hotel: offer.hotel }))
    .sort((a, b) => a.supplierId.localeCompare(b.supplierId) || a.supplierHotelCode.localeCompare(b.supplierHotelCode));
  // The description comes from the most complete listing (coordinates, then star rating), ties by supplier.
  const completeness = (hotel: (typeof listings)[number]['hotel']) =>
    (hotel.latitude !== undefined ? 2 : 0) + (hotel.starRating !== undefined ? 1 : 0);
  const main = [...listings].sort((a, b) => completeness(b.hotel) - completeness(a.hotel))[0]!.hotel;
  return {
    id: propertyId(listings[0]!),
    name: main.name,
    address: main.address,
    cityCode: main.cityCode,
    latitude: main.latitude,
    longitude: main.longitude,
    starRating: main.starRating,
    listings: listings.map(({ supplierId, supplierHotelCode }) => ({ supplierId, supplierHotelCode })),
  };
}

/**
 * Every enabled hotel supplier of the tenant, at once. Prices are made comparable (whole stay,
 * taxes included, asked currency), the same property listed by several suppliers becomes one
 * result with its cheapest rate, and results come cheapest first.
 */
export async function searchHotels(
  request: HotelSearchRequest,
  options: SearchOptions<HotelSupplierAdapter>,
): Promise<AggregatedResult<HotelPropertyOffer>> {
  const { connections, fx, adapters, limits } = await searchInputs('hotel', options, HOTEL_ADAPTERS);
  const { answers, warnings } = await fanOut(
    connections,
    adapters,
    'hotel.search',
    (adapter, connection, context) => adapter.search(connection, request, context),
    limits,
  );
  // Each supplier's cheapest rates; then, once merged by property, the cheapest properties.
  const priced = cheapestOffers(priceOffers(answers, hotelStayTotal, options.currency, fx, warnings), {
    perSearch: Number.POSITIVE_INFINITY,
  });

  const byListing = new Map<string, PricedOffer<HotelOffer>[]>();
  for (const offer of priced) {
    const key = `${offer.offer.supplierId}:${offer.offer.hotel.supplierHotelCode}`;
    byListing.set(key, [...(byListing.get(key) ?? []), offer]);
  }
  const listings = [...byListing.values()].map((offers) => ({
    supplierId: offers[0]!.offer.supplierId,
    hotel: offers[0]!.offer.hotel,
    offers,
  }));
  const results = groupSameProperties(listings).map((group): HotelPropertyOffer => {
    const offers = group.flatMap((listing) => listing.offers).sort((a, b) => a.total.amountMinor - b.total.amountMinor);
    return {
      ...offers[0]!,
      property: describeProperty(offers),
      sources: [...new Set(group.map((listing) => listing.supplierId))].sort(),
    };
  });
  results.sort((a, b) => a.total.amountMinor - b.total.amountMinor || a.property.name.localeCompare(b.property.name));
  return { offers: results.slice(0, MAX_OFFERS_PER_SEARCH), warnings };
}
