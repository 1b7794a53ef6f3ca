import type { HotelSearchRequest } from '@himal/gds';
import { simulatorControl } from '@himal/simulators';
import { describe, expect, it } from 'vitest';
import { useSearchFixture } from '../testing/search-fixture.ts';
import { createHotelSearch } from './create-hotel-search.ts';
import { getOffer } from './get-offer.ts';
import { listOffers } from './list-offers.ts';

/** Hotel searches through the real hotel simulators over HTTP, with the platform's accounts and FX table. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const request: HotelSearchRequest = {
  cityCode: 'KTM',
  checkIn: day(30),
  checkOut: day(33),
  rooms: [{ adults: 2, childAges: [] }],
  currency: 'NPR',
};

const { tenant, url } = useSearchFixture(['staylink', 'roomrack']);

describe('hotel searches', () => {
  it('give one offer per property at its best rate: whole stay, taxes in, in the asked currency', async () => {
    const search = await createHotelSearch(tenant(), request);
    expect(search.id).toMatch(/^hsr_/);
    expect(search.warnings).toEqual([]);
    expect(search.offers.length).toBeGreaterThan(5);
    const propertyIds = search.offers.map((offer) => offer.property.id);
    expect(new Set(propertyIds).size).toBe(propertyIds.length);
    for (const offer of search.offers) {
      expect(offer.total.currency).toBe('NPR');
      expect(offer.hotel.nights).toBe(3);
      expect(offer.sources).toContain(offer.supplierId);
      expect(offer.property.listings.map((listing) => listing.supplierId).sort()).toEqual(offer.sources);
      if (offer.supplierTotal.currency === 'USD') expect(offer.total.amountMinor).toBe(offer.supplierTotal.amountMinor * 140);
    }
  });

  it('put the same hotel from several suppliers together, a per-night price without taxes made a stay total with them', async () => {
    const search = await createHotelSearch(tenant(), request);
    expect(search.offers.some((offer) => offer.sources.join() === 'roomrack,staylink')).toBe(true);
    for (const offer of search.offers) {
      const { price, nights } = offer.hotel;
      if (price.basis === 'per_night' && !price.taxesIncluded) {
        expect(offer.supplierTotal.amountMinor).toBe((price.amount.amountMinor + price.taxes!.amountMinor) * nights);
      }
    }
  });

  it('list by star rating, best first, cheapest first among equals', async () => {
    const search = await createHotelSearch(tenant(), request);
    const page = await listOffers(tenant(), { offerRequestId: search.id, product: 'hotel', sort: '-star_rating', limit: 200 });
    const keys = page.offers.map((offer) =>
      offer.product === 'hotel' ? [offer.property.starRating ?? 0, offer.total.amountMinor] : [0, 0],
    );
    const sorted = [...keys].sort((a, b) => b[0]! - a[0]! || a[1]! - b[1]!);
    expect(keys).toEqual(sorted);
  });

  it('reprice a stale offer with the supplier that sold it', async () => {
    const search = await createHotelSearch(tenant(), request);
    const offer = search.offers[0]!;
    await simulatorControl.addFault(url(offer.supplierId), { operation: '*', kind: 'price-change', percent: 10, times: 1 });
    const lookup = await getOffer(tenant(), offer.id, { now: () => new Date(Date.now() + 6 * 60_000) });
    expect(lookup).toMatchObject({ repriced: true, priceChanged: true });
    expect(lookup.offer.total.amountMinor).toBeGreaterThan(offer.total.amountMinor);
    expect(lookup.offer.priceChanges).toHaveLength(1);
  });
});
