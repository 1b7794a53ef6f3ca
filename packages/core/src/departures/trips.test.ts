import { withTenant } from '@himal/db';
import { describe, expect, it } from 'vitest';
import { isOrderError, type OrderError } from '../orders/order-errors.ts';
import { inDays, makeTrip, sampleDays, useDepartureTenant } from '../testing/departure-fixture.ts';
import { createDeparture } from './create-departure.ts';
import { createTrip } from './create-trip.ts';
import { getDeparture } from './get-departure.ts';
import { getItineraryVersion } from './get-itinerary-version.ts';
import { holdSeats } from './hold-seats.ts';
import { moveDepartureToLatestItinerary } from './move-departure-to-latest-itinerary.ts';
import { publishItineraryVersion } from './publish-itinerary-version.ts';

/** Trips, their itinerary versions, and which version a departure (and an order) is sold on. */
const tenant = useDepartureTenant();

async function refusal(promise: Promise<unknown>): Promise<OrderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isOrderError(error)) throw new Error(`expected an OrderError, got ${String(error)}`);
  return error;
}
const fieldsOf = (error: OrderError) => error.details.fields?.map((f) => f.path);

describe('trips and itineraries', () => {
  it('create a trip with itinerary version 1', async () => {
    const days = sampleDays(4);
    const trip = await createTrip(tenant(), { slug: 'annapurna-circuit', name: 'Annapurna Circuit', days });
    expect(trip).toMatchObject({ slug: 'annapurna-circuit', name: 'Annapurna Circuit', summary: '' });
    expect(trip.id).toMatch(/^trp_/);
    expect(trip.itinerary).toMatchObject({ tripId: trip.id, version: 1, days });
  });

  it('refuse a slug that is taken, and say which field', async () => {
    const first = await makeTrip(tenant());
    const error = await refusal(createTrip(tenant(), { slug: first.slug, name: 'Again', days: sampleDays(1) }));
    expect(error.code).toBe('INVALID_REQUEST');
    expect(fieldsOf(error)).toEqual(['slug']);
  });

  it('hold itineraries to their rules: days 1..n in order, altitudes on Earth, at most 60 days, bounded texts', async () => {
    const base = { slug: 'rules-trip', name: 'Rules' };
    const cases: Array<[unknown, string[]]> = [
      [[], ['days']],
      [sampleDays(61), ['days']],
      [[sampleDays(2)[1]], ['days.0.day']],
      [[...sampleDays(1), { ...sampleDays(3)[2]! }], ['days.1.day']],
      [[{ ...sampleDays(1)[0]!, altitudeMetres: 8850 }], ['days.0.altitudeMetres']],
      [[{ ...sampleDays(1)[0]!, altitudeMetres: -1 }], ['days.0.altitudeMetres']],
      [[{ ...sampleDays(1)[0]!, title: 'x'.repeat(121) }], ['days.0.title']],
      [[{ ...sampleDays(1)[0]!, description: '' }], ['days.0.description']],
      [[{ ...sampleDays(1)[0]!, stage: { from: 'Lukla' } }], ['days.0.stage.to']],
      [[{ ...sampleDays(1)[0]!, weather: 'sunny' }], ['days.0']],
    ];
    for (const [days, paths] of cases) {
      const error = await refusal(createTrip(tenant(), { ...base, days: days as never }));
      expect(error.code).toBe('INVALID_REQUEST');
      expect(fieldsOf(error)).toEqual(paths);
    }
    const ok = await createTrip(tenant(), { ...base, days: [{ ...sampleDays(1)[0]!, altitudeMetres: 8849 }] });
    expect(ok.itinerary.days[0]!.altitudeMetres).toBe(8849);
    const error = await refusal(createTrip(tenant(), { slug: 'Not A Slug', name: '', days: sampleDays(1) }));
    expect(fieldsOf(error)).toEqual(['slug', 'name']);
  });

  it('publish a new version n+1 and never change the old one', async () => {
    const trip = await makeTrip(tenant(), 3);
    const v2 = await publishItineraryVersion(tenant(), trip.id, sampleDays(5, 'Revised day'));
    const v3 = await publishItineraryVersion(tenant(), trip.id, sampleDays(2, 'Short day'));
    expect([v2.version, v3.version]).toEqual([2, 3]);
    expect(await getItineraryVersion(tenant(), trip.itinerary.id)).toEqual(trip.itinerary);
    expect((await getItineraryVersion(tenant(), v2.id)).days).toHaveLength(5);
    expect((await refusal(publishItineraryVersion(tenant(), 'trp_nope', sampleDays(1)))).code).toBe('NOT_FOUND');
    expect((await refusal(getItineraryVersion(tenant(), 'itv_nope'))).code).toBe('NOT_FOUND');
  });

  it('number concurrent publishes one after the other', async () => {
    const trip = await makeTrip(tenant(), 1);
    const versions = await Promise.all(
      Array.from({ length: 8 }, () => publishItineraryVersion(tenant(), trip.id, sampleDays(2))),
    );
    expect(versions.map((v) => v.version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('departures of a trip', () => {
  it('end on the itinerary’s last day and are sold on the latest version unless told otherwise', async () => {
    const trip = await makeTrip(tenant(), 12);
    const v2 = await publishItineraryVersion(tenant(), trip.id, sampleDays(14));
    const latest = await createDeparture(tenant(), {
      tripId: trip.id,
      startsOn: '2099-12-25',
      capacity: 12,
      price: { amountMinor: 1_250_00, currency: 'USD' },
    });
    expect(latest).toMatchObject({
      itineraryVersionId: v2.id,
      startsOn: '2099-12-25',
      endsOn: '2100-01-07',
      capacity: 12,
      seatsAvailable: 12,
      price: { amountMinor: 1_250_00, currency: 'USD' },
      status: 'scheduled',
    });
    const onFirst = await createDeparture(tenant(), {
      tripId: trip.id,
      startsOn: '2099-03-01',
      capacity: 8,
      price: { amountMinor: 1_000_00, currency: 'USD' },
      itineraryVersionId: trip.itinerary.id,
    });
    expect(onFirst).toMatchObject({ itineraryVersionId: trip.itinerary.id, endsOn: '2099-03-12' });
  });

  it('refuse a version of another trip, an unknown trip, a past start and a bad price or capacity', async () => {
    const trip = await makeTrip(tenant());
    const other = await makeTrip(tenant());
    const valid = { tripId: trip.id, startsOn: inDays(10), capacity: 5, price: { amountMinor: 100, currency: 'NPR' } };
    const misfit = await refusal(createDeparture(tenant(), { ...valid, itineraryVersionId: other.itinerary.id }));
    expect(fieldsOf(misfit)).toEqual(['itineraryVersionId']);
    expect((await refusal(createDeparture(tenant(), { ...valid, tripId: 'trp_00000000000000000000000000' }))).code).toBe(
      'NOT_FOUND',
    );
    expect(fieldsOf(await refusal(createDeparture(tenant(), { ...valid, startsOn: inDays(-1) })))).toEqual(['startsOn']);
    const bad = await refusal(
      createDeparture(tenant(), { ...valid, capacity: 0, price: { amountMinor: 10.5, currency: 'npr' }, startsOn: '2099-02-30' }),
    );
    expect(fieldsOf(bad)).toEqual(['startsOn', 'capacity', 'price.amountMinor', 'price.currency']);
  });

  it('move to the latest itinerary for future sales while sold seats keep the version they were sold on', async () => {
    const trip = await makeTrip(tenant(), 3);
    const departure = await createDeparture(tenant(), {
      tripId: trip.id,
      startsOn: inDays(20),
      capacity: 6,
      price: { amountMinor: 500_00, currency: 'USD' },
    });
    const sold = await withTenant(tenant(), (trx) => holdSeats(trx, departure.id, 2));
    expect(sold.itineraryVersionId).toBe(trip.itinerary.id);

    const v2 = await publishItineraryVersion(tenant(), trip.id, sampleDays(5, 'Longer day'));
    expect((await getDeparture(tenant(), departure.id)).itinerary.version).toBe(1); // publishing alone moves nothing
    const moved = await moveDepartureToLatestItinerary(tenant(), departure.id);
    expect(moved).toMatchObject({ itineraryVersionId: v2.id, startsOn: departure.startsOn, endsOn: inDays(24), heldSeats: 2 });
    const details = await getDeparture(tenant(), departure.id);
    expect(details.itinerary).toMatchObject({ id: v2.id, version: 2 });
    expect(details.itinerary.days.map((d) => d.title)).toEqual(sampleDays(5, 'Longer day').map((d) => d.title));

    const soldNow = await withTenant(tenant(), (trx) => holdSeats(trx, departure.id, 1));
    expect(soldNow).toMatchObject({ itineraryVersionId: v2.id, endsOn: inDays(24) });
    // The first sale's version (what its order item stores) still reads as it was sold.
    expect((await getItineraryVersion(tenant(), sold.itineraryVersionId)).days).toEqual(trip.itinerary.days);
    expect(await moveDepartureToLatestItinerary(tenant(), departure.id)).toMatchObject({ itineraryVersionId: v2.id });
  });
});
