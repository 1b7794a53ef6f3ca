import { randomBytes } from 'node:crypto';
import { withTenant, type TenantTransaction } from '@himal/db';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOrderError } from '../orders/order-errors.ts';
import { holdSeatsInTestOrder, lapsePromotion, makeDeparture, useDepartureTenant } from '../testing/departure-fixture.ts';
import { bookHeldSeats } from './book-held-seats.ts';
import type { WaitlistEntry } from './departure-types.ts';
import { endPromotion } from './end-promotion.ts';
import { holdSeats } from './hold-seats.ts';
import { joinWaitlist } from './join-waitlist.ts';
import { promoteWaitlist } from './promote-waitlist.ts';
import { releaseBookedSeats, releaseHeldSeats } from './release-seats.ts';
import { setDepartureCapacity } from './set-departure-capacity.ts';
import { withdrawFromWaitlist } from './withdraw-from-waitlist.ts';

/**
 * Random lives of a departure, as the order engine would drive it: travellers book or join the
 * waitlist, holds end, promotions are paid or lapse, bookings are cancelled, capacity is raised,
 * people withdraw; every change that frees seats promotes in its own transaction. After every step
 * the stored state must satisfy the rules: seats within 0..capacity and equal to what the
 * travellers hold, nobody promoted while someone who arrived earlier still waits, and no waiting
 * head that fits in the free seats.
 */
const tenant = useDepartureTenant();
const inTrx = <T>(work: (trx: TenantTransaction) => Promise<T>) => withTenant(tenant(), work);

type Step =
  | { kind: 'arrive'; seats: number }
  | { kind: 'endHold'; pick: number }
  | { kind: 'pay'; pick: number }
  | { kind: 'lapse'; pick: number }
  | { kind: 'cancelBooking'; pick: number }
  | { kind: 'raise'; by: number }
  | { kind: 'withdraw'; pick: number };

const pick = fc.nat(20);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('arrive' as const), seats: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('endHold' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pay' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('lapse' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancelBooking' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('raise' as const), by: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), pick }) },
);

const take = <T>(list: T[], index: number): T | undefined => (list.length ? list.splice(index % list.length, 1)[0] : undefined);

async function live(departureId: string, steps: Step[]): Promise<void> {
  // What the travellers hold, as the engine would know it.
  const holds: number[] = [];
  // Lives start sold out to travellers of one seat each, so the first arrivals queue and seats come back one by one.
  const { capacity } = (await stateOf(departureId)).departure;
  await inTrx((trx) => holdSeats(trx, departureId, capacity));
  holds.push(...Array<number>(capacity).fill(1));
  const bookings: number[] = [];
  const promoted: WaitlistEntry[] = [];
  const waiting: WaitlistEntry[] = [];
  const freeAndPromote = (free: (trx: TenantTransaction) => Promise<unknown>) =>
    inTrx(async (trx) => {
      await free(trx);
      const now = await promoteWaitlist(trx, departureId, holdSeatsInTestOrder);
      promotions += now.length;
      promoted.push(...now);
      for (const entry of now)
        waiting.splice(
          waiting.findIndex((e) => e.id === entry.id),
          1,
        );
    });

  for (const s of steps) {
    if (s.kind === 'arrive') {
      try {
        await inTrx((trx) => holdSeats(trx, departureId, s.seats));
        holds.push(s.seats);
      } catch (error) {
        if (!isOrderError(error) || error.code !== 'INVENTORY_EXHAUSTED') throw error;
        try {
          waiting.push(
            await joinWaitlist(tenant(), departureId, {
              seats: s.seats,
              traveller: { givenName: 'Mingma', familyName: 'Tamang' },
              email: `w-${randomBytes(4).toString('hex')}@example.com`,
            }),
          );
        } catch (joinError) {
          // Seats may have been held for the waitlist's head; a party that fits in what is left is told to book.
          if (!isOrderError(joinError) || joinError.code !== 'INVALID_REQUEST') throw joinError;
        }
      }
    } else if (s.kind === 'endHold') {
      const seats = take(holds, s.pick);
      if (seats) await freeAndPromote((trx) => releaseHeldSeats(trx, departureId, seats));
    } else if (s.kind === 'pay') {
      const entry = take(promoted, s.pick);
      if (entry)
        await inTrx(async (trx) => {
          await bookHeldSeats(trx, departureId, entry.seats);
          await endPromotion(trx, entry.id, 'booked');
          bookings.push(entry.seats);
        });
    } else if (s.kind === 'lapse') {
      const entry = take(promoted, s.pick);
      if (entry) await freeAndPromote((trx) => lapsePromotion(trx, entry));
    } else if (s.kind === 'cancelBooking') {
      const seats = take(bookings, s.pick);
      if (seats) await freeAndPromote((trx) => releaseBookedSeats(trx, departureId, seats));
    } else if (s.kind === 'raise') {
      const { departure } = await setDepartureCapacity(
        tenant(),
        departureId,
        (await stateOf(departureId)).departure.capacity + s.by,
      );
      expect(departure.capacity).toBeGreaterThan(0);
      await freeAndPromote(async () => undefined);
    } else {
      const entry = take(waiting, s.pick);
      if (entry && (await withdrawFromWaitlist(tenant(), entry.id, entry.email)).promotionDue)
        await freeAndPromote(async () => undefined);
    }
    await checkRules(departureId, { held: sum(holds) + sum(promoted.map((e) => e.seats)), booked: sum(bookings) });
  }
}

let promotions = 0;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

async function stateOf(departureId: string) {
  return inTrx(async (trx) => ({
    departure: await trx.selectFrom('departures').selectAll().where('id', '=', departureId).executeTakeFirstOrThrow(),
    entries: await trx
      .selectFrom('waitlist_entries')
      .selectAll()
      .where('departure_id', '=', departureId)
      .orderBy('position')
      .execute(),
  }));
}

async function checkRules(departureId: string, expected: { held: number; booked: number }): Promise<void> {
  const { departure, entries } = await stateOf(departureId);
  expect({ held: departure.held_seats, booked: departure.booked_seats }).toEqual(expected);
  expect(departure.held_seats + departure.booked_seats).toBeLessThanOrEqual(departure.capacity);
  const waiting = entries.filter((e) => e.status === 'waiting');
  const everPromoted = entries.filter((e) => e.status === 'promoted' || e.status === 'booked' || e.status === 'lapsed');
  if (waiting.length && everPromoted.length)
    // Strict FIFO: everyone promoted arrived before everyone still waiting.
    expect(BigInt(everPromoted.at(-1)!.position)).toBeLessThan(BigInt(waiting[0]!.position));
  const free = departure.capacity - departure.held_seats - departure.booked_seats;
  if (waiting.length) expect(waiting[0]!.seats).toBeGreaterThan(free);
}

describe('a departure and its waitlist, driven at random', () => {
  it('keeps seats counted exactly, within capacity, and the waitlist strictly first come first served', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 6 }),
        fc.array(step, { minLength: 10, maxLength: 25 }),
        async (capacity, steps) => {
          const { departure } = await makeDeparture(tenant(), { capacity });
          await live(departure.id, steps);
        },
      ),
      { numRuns: 20 },
    );
    expect(promotions).toBeGreaterThanOrEqual(5); // the lives did reach the waitlist
  });
});
