import { withTenant } from '@himal/db';
import { describe, expect, it } from 'vitest';
import { isOrderError, type OrderError } from '../orders/order-errors.ts';
import { inDays, makeDeparture, makeTrip, seatsOf, useDepartureTenant } from '../testing/departure-fixture.ts';
import { bookHeldSeats } from './book-held-seats.ts';
import { cancelDeparture } from './cancel-departure.ts';
import { createDeparture } from './create-departure.ts';
import type { Departure } from './departure-types.ts';
import { getDeparture } from './get-departure.ts';
import { holdSeats } from './hold-seats.ts';
import { joinWaitlist } from './join-waitlist.ts';
import { listDepartures } from './list-departures.ts';
import { setDepartureCapacity } from './set-departure-capacity.ts';

/** Reading departures for the public API, and the agency's capacity and cancellation changes. */
const tenant = useDepartureTenant();

async function refusal(promise: Promise<unknown>): Promise<OrderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isOrderError(error)) throw new Error(`expected an OrderError, got ${String(error)}`);
  return error;
}
const traveller = { givenName: 'Pemba', familyName: 'Sherpa' };

describe('getDeparture', () => {
  it('shows the trip, the free seats, the price and the itinerary it is sold on', async () => {
    const { trip, departure } = await makeDeparture(tenant(), { capacity: 10, priceMinor: 2_500_00, days: 4 });
    await withTenant(tenant(), async (trx) => {
      await holdSeats(trx, departure.id, 3);
      await holdSeats(trx, departure.id, 2);
      await bookHeldSeats(trx, departure.id, 2);
    });
    const details = await getDeparture(tenant(), departure.id);
    expect(details).toMatchObject({
      id: departure.id,
      trip: { id: trip.id, slug: trip.slug, name: trip.name, summary: trip.summary },
      capacity: 10,
      heldSeats: 3,
      bookedSeats: 2,
      seatsAvailable: 5,
      price: { amountMinor: 2_500_00, currency: 'NPR' },
      itinerary: { id: trip.itinerary.id, version: 1, days: trip.itinerary.days },
    });
    expect((await refusal(getDeparture(tenant(), 'dep_00000000000000000000000000'))).code).toBe('NOT_FOUND');
    expect((await refusal(getDeparture(tenant(), "dep_'; drop table"))).code).toBe('NOT_FOUND');
  });
});

describe('listDepartures', () => {
  it('lists scheduled departures from today on, by start date, a page at a time', async () => {
    const trip = await makeTrip(tenant());
    const price = { amountMinor: 900_00, currency: 'NPR' };
    // Several on one day, so pages must break ties by id.
    const starts = [5, 5, 5, 6, 8, 8, 13, 21, 34];
    const made: Departure[] = [];
    for (const day of starts)
      made.push(await createDeparture(tenant(), { tripId: trip.id, startsOn: inDays(day), capacity: 4, price }));
    await cancelDeparture(tenant(), made[3]!.id);
    // Past departures: written straight to the table, since createDeparture refuses them.
    await withTenant(tenant(), (trx) =>
      trx
        .updateTable('departures')
        .set({ starts_on: inDays(-2), ends_on: inDays(0) })
        .where('id', '=', made[8]!.id)
        .execute(),
    );
    const expected = made
      .filter((_, i) => i !== 3 && i !== 8)
      .sort((a, b) => (a.startsOn === b.startsOn ? (a.id < b.id ? -1 : 1) : a.startsOn < b.startsOn ? -1 : 1))
      .map((d) => d.id);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listDepartures(tenant(), { tripSlug: trip.slug, limit: 2, cursor });
      expect(page.departures.length).toBeLessThanOrEqual(2);
      for (const d of page.departures)
        expect(d).toMatchObject({ trip: { slug: trip.slug }, status: 'scheduled', seatsAvailable: 4 });
      seen.push(...page.departures.map((d) => d.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect(pages).toBe(4);

    const window = await listDepartures(tenant(), { tripSlug: trip.slug, from: inDays(6), to: inDays(13) });
    expect(window.departures.map((d) => d.startsOn)).toEqual([inDays(8), inDays(8), inDays(13)]);
    expect(window.nextCursor).toBeNull();
    // `from` in the past still starts today.
    const fromPast = await listDepartures(tenant(), { tripSlug: trip.slug, from: '2000-01-01', limit: 100 });
    expect(fromPast.departures).toHaveLength(expected.length);
    // Another trip's slug lists nothing of this trip.
    expect((await listDepartures(tenant(), { tripSlug: 'no-such-trip' })).departures).toEqual([]);
  });

  it('refuses a page over 100, a cursor it did not give out, and malformed dates', async () => {
    const fields = async (query: Parameters<typeof listDepartures>[1]) =>
      (await refusal(listDepartures(tenant(), query))).details.fields?.map((f) => f.path);
    expect(await fields({ limit: 101 })).toEqual(['limit']);
    expect(await fields({ limit: 0 })).toEqual(['limit']);
    expect(await fields({ cursor: 'bm90IGEgY3Vyc29y' })).toEqual(['cursor']);
    expect(await fields({ cursor: Buffer.from(JSON.stringify(['2030-01-01', 'off_x'])).toString('base64url') })).toEqual([
      'cursor',
    ]);
    expect(await fields({ from: '1 May', to: '2030-13-01' })).toEqual(['from', 'to']);
  });
});

describe('setDepartureCapacity', () => {
  it('never goes below the seats held and booked, and says how many seats a rise frees', async () => {
    const { departure } = await makeDeparture(tenant(), { capacity: 6 });
    await withTenant(tenant(), async (trx) => {
      await holdSeats(trx, departure.id, 4);
      await bookHeldSeats(trx, departure.id, 1);
    });
    const below = await refusal(setDepartureCapacity(tenant(), departure.id, 3));
    expect(below.code).toBe('INVALID_REQUEST');
    expect(below.details).toMatchObject({ heldSeats: 3, bookedSeats: 1 });
    expect(await setDepartureCapacity(tenant(), departure.id, 4)).toMatchObject({
      departure: { capacity: 4, seatsAvailable: 0 },
      seatsFreed: 0,
    });
    expect(await setDepartureCapacity(tenant(), departure.id, 9)).toMatchObject({
      departure: { capacity: 9, seatsAvailable: 5 },
      seatsFreed: 5,
    });
    expect((await refusal(setDepartureCapacity(tenant(), departure.id, 1.5))).code).toBe('INVALID_REQUEST');
    expect((await refusal(setDepartureCapacity(tenant(), 'dep_00000000000000000000000000', 5))).code).toBe('NOT_FOUND');
  });

  it('cannot shrink under a hold that races it', async () => {
    const { departure } = await makeDeparture(tenant(), { capacity: 10 });
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 10 }, () => withTenant(tenant(), (trx) => holdSeats(trx, departure.id, 1))),
      setDepartureCapacity(tenant(), departure.id, 5),
    ]);
    const seats = await seatsOf(tenant(), departure.id);
    const holds = outcomes.slice(0, 10).filter((o) => o.status === 'fulfilled').length;
    const resize = outcomes[10]!;
    expect(seats.held_seats).toBe(holds);
    if (resize.status === 'fulfilled') {
      // The resize came first or between: no hold got past 5.
      expect(seats.capacity).toBe(5);
      expect(holds).toBeLessThanOrEqual(5);
    } else {
      // More than 5 were held when it ran: refused, and the capacity stays.
      expect((resize.reason as OrderError).code).toBe('INVALID_REQUEST');
      expect(seats.capacity).toBe(10);
      expect(holds).toBe(10);
    }
  });
});

describe('cancelDeparture', () => {
  it('stops sales, closes the waitlist, keeps the seats counted for the engine, and is idempotent', async () => {
    const { departure } = await makeDeparture(tenant(), { capacity: 2 });
    await withTenant(tenant(), (trx) => holdSeats(trx, departure.id, 2));
    const entry = await joinWaitlist(tenant(), departure.id, { seats: 1, traveller, email: 'pemba@example.com', language: 'en' });

    const { departure: cancelled, withdrawnEntries } = await cancelDeparture(tenant(), departure.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', heldSeats: 2 });
    expect(withdrawnEntries.map((e) => [e.id, e.status])).toEqual([[entry.id, 'withdrawn']]);
    expect(await cancelDeparture(tenant(), departure.id)).toMatchObject({
      departure: { status: 'cancelled' },
      withdrawnEntries: [],
    });

    expect((await refusal(withTenant(tenant(), (trx) => holdSeats(trx, departure.id, 1)))).code).toBe('INVENTORY_EXHAUSTED');
    expect((await refusal(setDepartureCapacity(tenant(), departure.id, 5))).code).toBe('ORDER_STATE_CONFLICT');
    expect((await listDepartures(tenant(), { limit: 100 })).departures.map((d) => d.id)).not.toContain(departure.id);
    expect((await getDeparture(tenant(), departure.id)).status).toBe('cancelled');
  });
});
