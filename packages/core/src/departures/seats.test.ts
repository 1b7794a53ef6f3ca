import { closeSharedPool, withTenant } from '@himal/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOrderError, type OrderError } from '../orders/order-errors.ts';
import { makeDeparture, seatsOf, useDepartureTenant } from '../testing/departure-fixture.ts';
import { raceForSeats } from '../testing/seat-race.ts';
import { bookHeldSeats } from './book-held-seats.ts';
import { cancelDeparture } from './cancel-departure.ts';
import { holdSeats } from './hold-seats.ts';
import { releaseBookedSeats, releaseHeldSeats } from './release-seats.ts';

/**
 * Counted seats: every change is one conditional UPDATE in the caller's transaction, backed by the
 * table's CHECK. The races run 200 transactions at once over a pool of 20 connections (the
 * machine has 2 cores), so up to 19 hold attempts are inside PostgreSQL at any moment.
 */
const POOL_SIZE = '20';
let poolSizeBefore: string | undefined;
beforeAll(async () => {
  poolSizeBefore = process.env.DATABASE_POOL_SIZE;
  process.env.DATABASE_POOL_SIZE = POOL_SIZE;
  await closeSharedPool(); // the next query opens the shared pool at this size
});
afterAll(async () => {
  if (poolSizeBefore === undefined) delete process.env.DATABASE_POOL_SIZE;
  else process.env.DATABASE_POOL_SIZE = poolSizeBefore;
  await closeSharedPool();
});
const tenant = useDepartureTenant();

async function refusal(promise: Promise<unknown>): Promise<OrderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isOrderError(error)) throw new Error(`expected an OrderError, got ${String(error)}`);
  return error;
}
const inTrx = <T>(work: Parameters<typeof withTenant<T>>[1]) => withTenant(tenant(), work);

describe('seats', () => {
  it('are held for an order item, booked when paid, and released when a hold ends or an order is cancelled', async () => {
    const { trip, departure } = await makeDeparture(tenant(), { capacity: 8, priceMinor: 1_800_00 });
    const hold = await inTrx((trx) => holdSeats(trx, departure.id, 3));
    expect(hold).toEqual({
      departureId: departure.id,
      tripId: trip.id,
      tripName: trip.name,
      itineraryVersionId: trip.itinerary.id,
      startsOn: departure.startsOn,
      endsOn: departure.endsOn,
      seats: 3,
      price: { amountMinor: 1_800_00, currency: 'NPR' },
    });
    expect(await inTrx((trx) => bookHeldSeats(trx, departure.id, 2))).toMatchObject({
      heldSeats: 1,
      bookedSeats: 2,
      seatsAvailable: 5,
    });
    expect(await inTrx((trx) => releaseHeldSeats(trx, departure.id, 1))).toMatchObject({ heldSeats: 0, bookedSeats: 2 });
    expect(await inTrx((trx) => releaseBookedSeats(trx, departure.id, 2))).toMatchObject({
      heldSeats: 0,
      bookedSeats: 0,
      seatsAvailable: 8,
    });
  });

  it('are refused beyond capacity, never go below zero, and say why', async () => {
    const { departure } = await makeDeparture(tenant(), { capacity: 4 });
    await inTrx((trx) => holdSeats(trx, departure.id, 3));
    const exhausted = await refusal(inTrx((trx) => holdSeats(trx, departure.id, 2)));
    expect(exhausted.code).toBe('INVENTORY_EXHAUSTED');
    expect(exhausted.details).toMatchObject({ seatsAsked: 2, seatsAvailable: 1 });
    expect((await refusal(inTrx((trx) => bookHeldSeats(trx, departure.id, 4)))).code).toBe('ILLEGAL_TRANSITION');
    expect((await refusal(inTrx((trx) => releaseHeldSeats(trx, departure.id, 4)))).code).toBe('ILLEGAL_TRANSITION');
    expect((await refusal(inTrx((trx) => releaseBookedSeats(trx, departure.id, 1)))).code).toBe('ILLEGAL_TRANSITION');
    for (const seats of [0, -1, 1.5, 1001])
      expect((await refusal(inTrx((trx) => holdSeats(trx, departure.id, seats)))).code).toBe('INVALID_REQUEST');
    for (const id of ['dep_00000000000000000000000000', 'nonsense'])
      expect((await refusal(inTrx((trx) => holdSeats(trx, id, 1)))).code).toBe('NOT_FOUND');
    expect(await seatsOf(tenant(), departure.id)).toMatchObject({ held_seats: 3, booked_seats: 0 });
  });

  it('are not sold on a departure that has left or was cancelled, which still releases what it holds', async () => {
    const { departure } = await makeDeparture(tenant(), { capacity: 4, startsIn: 1 });
    await inTrx((trx) => holdSeats(trx, departure.id, 2));
    const tomorrow = new Date(Date.now() + 2 * 86_400_000);
    const left = await refusal(inTrx((trx) => holdSeats(trx, departure.id, 1, { now: tomorrow })));
    expect(left).toMatchObject({ code: 'INVENTORY_EXHAUSTED', details: { seatsAvailable: 0 } });
    expect(left.message).toMatch(/already left/);

    await cancelDeparture(tenant(), departure.id);
    expect((await refusal(inTrx((trx) => holdSeats(trx, departure.id, 1)))).message).toMatch(/cancelled/);
    expect((await refusal(inTrx((trx) => bookHeldSeats(trx, departure.id, 2)))).code).toBe('INVENTORY_EXHAUSTED');
    expect(await inTrx((trx) => releaseHeldSeats(trx, departure.id, 2))).toMatchObject({ status: 'cancelled', heldSeats: 0 });
  });

  it('roll back with the caller’s transaction', async () => {
    const { departure } = await makeDeparture(tenant(), { capacity: 4 });
    await expect(
      inTrx(async (trx) => {
        await holdSeats(trx, departure.id, 4);
        throw new Error('the order could not be written');
      }),
    ).rejects.toThrow(/could not be written/);
    expect(await seatsOf(tenant(), departure.id)).toMatchObject({ held_seats: 0, booked_seats: 0 });
  });

  it('are backed by the CHECK: a write that oversells or goes negative fails even outside these functions', async () => {
    const { departure } = await makeDeparture(tenant(), { capacity: 4 });
    for (const set of [{ held_seats: 5 }, { held_seats: 2, booked_seats: 3 }, { booked_seats: -1 }, { capacity: -1 }])
      await expect(
        inTrx((trx) => trx.updateTable('departures').set(set).where('id', '=', departure.id).execute()),
      ).rejects.toMatchObject({
        code: '23514',
      });
  });
});

describe('the last seat, wanted by 200 at once', () => {
  it('goes to exactly one; the other 199 are told INVENTORY_EXHAUSTED, and the counts never leave 0..capacity', async () => {
    const { departure } = await makeDeparture(tenant(), { capacity: 12 });
    await inTrx(async (trx) => {
      await holdSeats(trx, departure.id, 11);
      await bookHeldSeats(trx, departure.id, 4);
    });
    const race = await raceForSeats(tenant(), departure.id, 200);
    expect(race.otherErrors).toEqual([]);
    expect(race).toMatchObject({ held: 1, exhausted: 199 });
    expect(race.maxInFlight).toBeGreaterThanOrEqual(10); // really at once, not one after another
    expect(race.samples).toBeGreaterThan(0);
    expect(race.worstExcess).toBeLessThanOrEqual(0);
    expect(race.minCount).toBeGreaterThanOrEqual(0);
    expect(await seatsOf(tenant(), departure.id)).toMatchObject({ capacity: 12, held_seats: 8, booked_seats: 4 });
  });

  it('and with parties of 1 to 3 seats, some rolled back, some released at once, every committed hold is counted exactly', async () => {
    const { departure } = await makeDeparture(tenant(), { capacity: 40 });
    let committedSeats = 0;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        inTrx(async (trx) => {
          const seats = 1 + (i % 3);
          await holdSeats(trx, departure.id, seats);
          if (i % 5 === 0) throw new Error('payment page crashed'); // rolled back: its seats were never taken
          if (i % 7 === 0) {
            await releaseHeldSeats(trx, departure.id, seats); // taken and given back in one transaction
            return 0;
          }
          return seats;
        }).then((seats) => (committedSeats += seats)),
      ),
    );
    const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => o.reason as Error);
    expect(
      failures.every((e) => e.message === 'payment page crashed' || (isOrderError(e) && e.code === 'INVENTORY_EXHAUSTED')),
    ).toBe(true);
    const seats = await seatsOf(tenant(), departure.id);
    expect(seats.held_seats).toBe(committedSeats);
    expect(seats.held_seats).toBeLessThanOrEqual(40);
    // Sold out: once seats ran short every further attempt was refused rather than squeezed in.
    expect(seats.held_seats).toBeGreaterThanOrEqual(40 - 2);
  });
});
