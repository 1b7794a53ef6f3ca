import { createTestTenant, deleteTestTenants } from '@himal/db/testing';
import type { CreatedTenant } from '@himal/db';
import {
  FxTable,
  SupplierError,
  type AirOffer,
  type AirSearchRequest,
  type AirSupplierAdapter,
  type SupplierConnection,
} from '@himal/gds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAirOfferRequest } from './create-air-offer-request.ts';
import { getOffer } from './get-offer.ts';
import { listOffers } from './list-offers.ts';

/**
 * Storing, listing, reading and repricing offers in the tenant schema, with an in-process air
 * supplier whose prices each test controls (the real suppliers are exercised in search.test.ts).
 */
const fx = new FxTable([{ base: 'USD', quote: 'NPR', rate: '140', asOf: new Date('2026-11-01'), source: 'test' }]);
const connections: SupplierConnection[] = [{ supplierId: 'inproc', endpoint: 'inproc://air', credentials: {} }];
const request: AirSearchRequest = {
  slices: [{ origin: 'KTM', destination: 'PKR', departureDate: '2027-01-20' }],
  passengers: [{ type: 'adult' }],
  cabinClass: 'economy',
  currency: 'NPR',
};

function flight(ref: string, usd: number, departingAt: string, minutes: number): AirOffer {
  const minor = usd * 100;
  const arrival = new Date(Date.parse(departingAt) + minutes * 60_000).toISOString();
  return {
    supplierId: 'inproc',
    supplierOfferRef: ref,
    slices: [
      {
        origin: 'KTM',
        destination: 'PKR',
        segments: [
          {
            marketingCarrier: 'YT',
            flightNumber: ref,
            origin: 'KTM',
            destination: 'PKR',
            departingAt,
            arrivingAt: arrival,
            cabinClass: 'economy',
          },
        ],
      },
    ],
    passengers: request.passengers,
    base: { amountMinor: minor, currency: 'USD' },
    taxes: { amountMinor: 0, currency: 'USD' },
    total: { amountMinor: minor, currency: 'USD' },
  };
}

const catalogue = [
  flight('A', 120, '2027-01-20T09:00:00Z', 30),
  flight('B', 100, '2027-01-20T07:00:00Z', 40),
  flight('C', 110, '2027-01-20T08:00:00Z', 25),
  flight('D', 100, '2027-01-20T06:00:00Z', 35),
  flight('E', 90, '2027-01-20T10:00:00Z', 45),
];

/** What price() answers for a given offer ref: a new price in USD, or an error. */
const repricing = new Map<string, number | SupplierError>();
let priceCalls = 0;

const unused = () => Promise.reject(new Error('not used'));
const inproc: AirSupplierAdapter = {
  supplierId: 'inproc',
  product: 'air',
  search: async () => ({ offers: catalogue, warnings: [] }),
  price: async (_connection, offer) => {
    priceCalls += 1;
    const outcome = repricing.get(offer.supplierOfferRef);
    if (outcome instanceof SupplierError) throw outcome;
    if (outcome === undefined) return { offer, priceChanged: false };
    const changed = flight(offer.supplierOfferRef, outcome, offer.slices[0]!.segments[0]!.departingAt, 30);
    return { offer: changed, priceChanged: true };
  },
  book: unused,
  confirm: unused,
  quoteCancellation: unused,
  cancel: unused,
  retrieve: unused,
};
const adapters = { inproc };

const tenants: CreatedTenant[] = [];
let everest: CreatedTenant['tenant'];
let lumbini: CreatedTenant['tenant'];

beforeAll(async () => {
  tenants.push(await createTestTenant(), await createTestTenant());
  everest = tenants[0]!.tenant;
  lumbini = tenants[1]!.tenant;
});
afterAll(() => deleteTestTenants(tenants));

describe('offer requests', () => {
  it('keep every offer under a fresh random id, priced in the asked currency with the rate snapshotted', async () => {
    const result = await createAirOfferRequest(everest, request, { fx, connections, adapters });
    expect(result.id).toMatch(/^orq_[0-9a-z]{26}$/);
    expect(result.offers.map((o) => o.air.supplierOfferRef)).toEqual(['E', 'B', 'D', 'C', 'A']);
    const cheapest = result.offers[0]!;
    expect(cheapest.id).toMatch(/^off_[0-9a-z]{26}$/);
    expect(cheapest.total).toEqual({ amountMinor: 1_260_000, currency: 'NPR' });
    expect(cheapest.supplierTotal).toEqual({ amountMinor: 9_000, currency: 'USD' });
    expect(cheapest.fx).toMatchObject({ base: 'USD', quote: 'NPR', rate: '140' });
    expect(new Set(result.offers.map((o) => o.id)).size).toBe(5);
    expect(cheapest.expiresAt.getTime() - cheapest.createdAt.getTime()).toBe(30 * 60_000);
  });

  it('refuses a currency no rate leads to before asking anyone', async () => {
    await expect(
      createAirOfferRequest(everest, { ...request, currency: 'QAR' }, { fx, connections, adapters }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_CURRENCY' });
  });
});

describe('listing offers', () => {
  it('pages through every offer once, in the asked order, with an opaque cursor', async () => {
    const { id } = await createAirOfferRequest(everest, request, { fx, connections, adapters });
    const refs = async (sort: string) => {
      const seen: string[] = [];
      let after: string | undefined;
      do {
        const page = await listOffers(everest, { offerRequestId: id, product: 'air', sort, limit: 2, after });
        expect(page.offers.length).toBeLessThanOrEqual(2);
        seen.push(...page.offers.map((o) => (o.product === 'air' ? o.air.supplierOfferRef : '?')));
        after = page.after ?? undefined;
      } while (after);
      return seen;
    };
    // Equal prices (B and D) are ordered by id, which is random; compare them as a set.
    const byPrice = await refs('total_amount');
    expect([byPrice[0], new Set(byPrice.slice(1, 3)), byPrice[3], byPrice[4]]).toEqual(['E', new Set(['B', 'D']), 'C', 'A']);
    const byPriceDescending = await refs('-total_amount');
    expect([byPriceDescending[0], byPriceDescending[1], new Set(byPriceDescending.slice(2, 4)), byPriceDescending[4]]).toEqual([
      'A',
      'C',
      new Set(['B', 'D']),
      'E',
    ]);
    expect(await refs('total_duration')).toEqual(['C', 'A', 'D', 'B', 'E']);
    expect(await refs('departing_at')).toEqual(['D', 'B', 'C', 'A', 'E']);
  });

  it('refuses an unknown sort, a forged cursor or a cursor of another sort', async () => {
    const { id } = await createAirOfferRequest(everest, request, { fx, connections, adapters });
    const first = await listOffers(everest, { offerRequestId: id, product: 'air', limit: 1 });
    await expect(listOffers(everest, { offerRequestId: id, product: 'air', sort: 'cheapest' })).rejects.toMatchObject({
      code: 'INVALID_SORT',
    });
    await expect(listOffers(everest, { offerRequestId: id, product: 'air', after: 'bm90IGEgY3Vyc29y' })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
    await expect(
      listOffers(everest, { offerRequestId: id, product: 'air', sort: 'departing_at', after: first.after! }),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it("does not find another tenant's search, nor a search of another product", async () => {
    const { id } = await createAirOfferRequest(everest, request, { fx, connections, adapters });
    await expect(listOffers(lumbini, { offerRequestId: id, product: 'air' })).rejects.toMatchObject({
      code: 'OFFER_REQUEST_NOT_FOUND',
    });
    await expect(listOffers(everest, { offerRequestId: id.replace('orq_', 'hsr_'), product: 'hotel' })).rejects.toMatchObject({
      code: 'OFFER_REQUEST_NOT_FOUND',
    });
  });
});

describe('reading an offer', () => {
  const settings = { ttlMs: 30 * 60_000, repriceAfterMs: 5 * 60_000 };
  const minutesLater = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);

  async function anOffer(ref: string) {
    const result = await createAirOfferRequest(everest, request, { fx, connections, adapters, settings });
    return result.offers.find((o) => o.air.supplierOfferRef === ref)!;
  }

  it('answers a fresh offer from storage, without asking the supplier', async () => {
    const offer = await anOffer('A');
    const calls = priceCalls;
    const lookup = await getOffer(everest, offer.id, { connections, adapters: { air: adapters }, settings });
    expect(lookup).toMatchObject({ repriced: false, priceChanged: false, warnings: [] });
    expect(lookup.offer.total).toEqual(offer.total);
    expect(priceCalls).toBe(calls);
  });

  it('reprices a stale offer at the rate it was sold at and records the change', async () => {
    const offer = await anOffer('B');
    repricing.set('B', 105);
    const lookup = await getOffer(everest, offer.id, {
      connections,
      adapters: { air: adapters },
      settings,
      now: minutesLater(6),
    });
    expect(lookup).toMatchObject({ repriced: true, priceChanged: true });
    expect(lookup.offer.total).toEqual({ amountMinor: 1_470_000, currency: 'NPR' });
    expect(lookup.offer.priceChanges).toEqual([
      expect.objectContaining({
        previousTotal: { amountMinor: 1_400_000, currency: 'NPR' },
        newTotal: { amountMinor: 1_470_000, currency: 'NPR' },
      }),
    ]);
    // Repriced just now: the next read is fresh again and keeps the history.
    const again = await getOffer(everest, offer.id, { connections, adapters: { air: adapters }, settings, now: minutesLater(7) });
    expect(again).toMatchObject({ repriced: false });
    expect(again.offer.priceChanges).toHaveLength(1);
  });

  it('refuses an expired offer', async () => {
    const offer = await anOffer('C');
    await expect(
      getOffer(everest, offer.id, { connections, adapters: { air: adapters }, settings, now: minutesLater(31) }),
    ).rejects.toMatchObject({ code: 'OFFER_EXPIRED' });
  });

  it('does not find an unknown, altered or foreign id', async () => {
    const offer = await anOffer('D');
    const altered = offer.id.slice(0, -1) + (offer.id.endsWith('a') ? 'b' : 'a');
    for (const id of [altered, 'off_' + '0'.repeat(26), 'off_x', offer.id.toUpperCase(), '../' + offer.id]) {
      await expect(getOffer(everest, id, { settings })).rejects.toMatchObject({ code: 'OFFER_NOT_FOUND' });
    }
    await expect(getOffer(lumbini, offer.id, { settings })).rejects.toMatchObject({ code: 'OFFER_NOT_FOUND' });
  });

  it('keeps the stored price, with a warning, when the supplier cannot be reached', async () => {
    const offer = await anOffer('E');
    repricing.set('E', new SupplierError('SUPPLIER_UNAVAILABLE', 'inproc answered HTTP 503', { supplierId: 'inproc' }));
    const lookup = await getOffer(everest, offer.id, {
      connections,
      adapters: { air: adapters },
      settings,
      now: minutesLater(10),
    });
    expect(lookup).toMatchObject({ repriced: false, warnings: [{ supplierId: 'inproc', code: 'SUPPLIER_UNAVAILABLE' }] });
    expect(lookup.offer.total).toEqual(offer.total);
  });

  it('ends an offer whose supplier the agency no longer has enabled', async () => {
    const offer = await anOffer('C');
    await expect(
      getOffer(everest, offer.id, { connections: [], adapters: { air: adapters }, settings, now: minutesLater(10) }),
    ).rejects.toMatchObject({ code: 'OFFER_UNAVAILABLE', message: expect.stringContaining('no longer enabled') });
    await expect(getOffer(everest, offer.id, { settings, now: minutesLater(11) })).rejects.toMatchObject({
      code: 'OFFER_EXPIRED',
    });
  });

  it('ends an offer the supplier no longer sells', async () => {
    const offer = await anOffer('A');
    repricing.set('A', new SupplierError('INVENTORY_EXHAUSTED', 'sold out', { supplierId: 'inproc' }));
    await expect(
      getOffer(everest, offer.id, { connections, adapters: { air: adapters }, settings, now: minutesLater(10) }),
    ).rejects.toMatchObject({ code: 'OFFER_UNAVAILABLE' });
    await expect(
      getOffer(everest, offer.id, { connections, adapters: { air: adapters }, settings, now: minutesLater(11) }),
    ).rejects.toMatchObject({ code: 'OFFER_EXPIRED' });
    repricing.delete('A');
  });
});
