import { MAX_OFFERS_PER_SEARCH, MAX_OFFERS_PER_SUPPLIER, type AirSearchRequest } from '@himal/gds';
import { simulatorControl } from '@himal/simulators';
import { tenantDb } from '@himal/db';
import { describe, expect, it } from 'vitest';
import { useSearchFixture } from '../testing/search-fixture.ts';
import { createAirOfferRequest } from './create-air-offer-request.ts';
import { AdmissionGate } from './search-admission.ts';
import { getOffer } from './get-offer.ts';
import { listOffers } from './list-offers.ts';

/** Flight searches through the real air simulators over HTTP, with the platform's accounts and FX table. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const domestic: AirSearchRequest = {
  slices: [{ origin: 'KTM', destination: 'PKR', departureDate: day(40) }],
  passengers: [{ type: 'adult' }, { type: 'child', age: 8 }],
  cabinClass: 'economy',
  currency: 'NPR',
};

const AIR_SUPPLIERS = ['skyways', 'himalayan-gds'];
const { tenant, url } = useSearchFixture(AIR_SUPPLIERS);

describe('air offer requests', () => {
  it('ask every air supplier and keep their offers together, cheapest first, in the asked currency', async () => {
    const result = await createAirOfferRequest(tenant(), domestic);
    expect(result.warnings).toEqual([]);
    expect(new Set(result.offers.map((offer) => offer.supplierId))).toEqual(new Set(AIR_SUPPLIERS));
    const totals = result.offers.map((offer) => offer.total.amountMinor);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
    for (const offer of result.offers) {
      expect(offer.total.currency).toBe('NPR');
      expect(offer.air.slices[0]).toMatchObject({ origin: 'KTM', destination: 'PKR' });
    }
  });

  it('answer with the other supplier and a warning when one is down', async () => {
    await simulatorControl.addFault(url('himalayan-gds'), { operation: '*', kind: 'http-status', status: 503 });
    const result = await createAirOfferRequest(tenant(), domestic);
    expect(result.offers.length).toBeGreaterThan(0);
    expect(new Set(result.offers.map((offer) => offer.supplierId))).toEqual(new Set(['skyways']));
    expect(result.warnings).toEqual([expect.objectContaining({ supplierId: 'himalayan-gds', code: 'SUPPLIER_UNAVAILABLE' })]);
  });

  it('list by departure and by duration', async () => {
    const result = await createAirOfferRequest(tenant(), domestic);
    const byDeparture = await listOffers(tenant(), {
      offerRequestId: result.id,
      product: 'air',
      sort: 'departing_at',
      limit: 200,
    });
    const departures = byDeparture.offers.map((offer) =>
      offer.product === 'air' ? offer.air.slices[0]!.segments[0]!.departingAt.slice(0, 16) : '',
    );
    expect(departures).toEqual([...departures].sort());
    expect(byDeparture.offers).toHaveLength(result.offers.length);
    const byDuration = await listOffers(tenant(), {
      offerRequestId: result.id,
      product: 'air',
      sort: 'total_duration',
      limit: 200,
    });
    expect(byDuration.offers).toHaveLength(result.offers.length);
  });

  for (const supplierId of AIR_SUPPLIERS) {
    it(`reprice a stale ${supplierId} offer with ${supplierId}`, async () => {
      const result = await createAirOfferRequest(tenant(), domestic);
      const offer = result.offers.find((candidate) => candidate.supplierId === supplierId)!;
      const lookup = await getOffer(tenant(), offer.id, { now: () => new Date(Date.now() + 6 * 60_000) });
      expect(lookup).toMatchObject({ repriced: true, warnings: [] });
      expect(lookup.offer.supplierId).toBe(supplierId);
    });
  }

  it('bound a five-slice search to the cheapest offers of each supplier, and the search to a page-able total', async () => {
    const cities = ['KTM', 'DEL', 'KTM', 'DEL', 'KTM', 'DEL'];
    const slices = cities
      .slice(0, 5)
      .map((origin, i) => ({ origin, destination: cities[i + 1]!, departureDate: day(30 + 2 * i) }));
    const result = await createAirOfferRequest(tenant(), { ...domestic, slices, passengers: [{ type: 'adult' }] });
    expect(result.offers.length).toBeGreaterThan(0);
    expect(result.offers.length).toBeLessThanOrEqual(MAX_OFFERS_PER_SEARCH);
    for (const supplier of AIR_SUPPLIERS)
      expect(result.offers.filter((offer) => offer.supplierId === supplier).length).toBeLessThanOrEqual(MAX_OFFERS_PER_SUPPLIER);
    const totals = result.offers.map((offer) => offer.total.amountMinor);
    expect(totals).toEqual([...totals].sort((a, b) => a - b));
  });

  it('refuse a search beyond the bounded admission before any supplier is asked or row written', async () => {
    const admission = new AdmissionGate({
      maxInFlight: 1,
      maxQueued: 0,
      maxWaitMs: 1_000,
      maxPerAgency: 5,
      maxEventLoopDelayMs: 0,
    });
    for (const supplier of AIR_SUPPLIERS)
      await simulatorControl.addFault(url(supplier), { operation: '*', kind: 'latency', delayMs: 400, times: 1 });
    const searches = async () =>
      Number(
        (
          await tenantDb(tenant())
            .selectFrom('offer_requests')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await searches();
    const first = createAirOfferRequest(tenant(), domestic, { admission });
    await expect(createAirOfferRequest(tenant(), domestic, { admission })).rejects.toMatchObject({
      code: 'SEARCH_OVERLOADED',
      retryAfterSeconds: 2,
    });
    expect(await searches()).toBe(before);
    expect((await first).warnings).toEqual([]);
    const next = await createAirOfferRequest(tenant(), domestic, { admission });
    expect(next.offers.length).toBeGreaterThan(0);
    expect(await searches()).toBe(before + 2);
  });
});
