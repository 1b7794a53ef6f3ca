import { randomBytes } from 'node:crypto';
import { withTenant, type TenantTransaction } from '@himal/db';
import { describe, expect, it } from 'vitest';
import { isOrderError, type OrderError } from '../orders/order-errors.ts';
import {
  holdSeatsInTestOrder,
  lapsePromotion,
  makeDeparture,
  seatsOf,
  useDepartureTenant,
} from '../testing/departure-fixture.ts';
import { bookHeldSeats } from './book-held-seats.ts';
import { cancelDeparture } from './cancel-departure.ts';
import type { WaitlistEntry } from './departure-types.ts';
import { endPromotion } from './end-promotion.ts';
import { holdSeats } from './hold-seats.ts';
import { joinWaitlist } from './join-waitlist.ts';
import { promoteWaitlist } from './promote-waitlist.ts';
import { releaseBookedSeats, releaseHeldSeats } from './release-seats.ts';
import { setDepartureCapacity } from './set-departure-capacity.ts';
import { MAX_WAITING_ENTRIES } from './waitlist-rules.ts';
import { withdrawFromWaitlist } from './withdraw-from-waitlist.ts';

/** Waitlists: who may join, and how freed seats pass to them in arrival order, once each. */
const tenant = useDepartureTenant();

async function refusal(promise: Promise<unknown>): Promise<OrderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isOrderError(error)) throw new Error(`expected an OrderError, got ${String(error)}`);
  return error;
}
const inTrx = <T>(work: (trx: TenantTransaction) => Promise<T>) => withTenant(tenant(), work);
const traveller = { givenName: 'Ang', familyName: 'Dorje' };
const join = (departureId: string, seats: number, email = `t-${randomBytes(4).toString('hex')}@example.com`) =>
  joinWaitlist(tenant(), departureId, { seats, traveller, email, language: 'en' });
const promote = (departureId: string) => inTrx((trx) => promoteWaitlist(trx, departureId, holdSeatsInTestOrder));

function statusesOf(departureId: string) {
  return inTrx((trx) =>
    trx
      .selectFrom('waitlist_entries')
      .select(['id', 'status', 'order_id'])
      .where('departure_id', '=', departureId)
      .orderBy('position')
      .execute(),
  );
}

/** A full departure: `capacity` seats held by one order the test can release seat by seat. */
async function fullDeparture(capacity: number) {
  const { departure } = await makeDeparture(tenant(), { capacity });
  await inTrx((trx) => holdSeats(trx, departure.id, capacity));
  return departure;
}

describe('joining a waitlist', () => {
  it('is for departures that cannot seat the party now: otherwise book', async () => {
    const { departure } = await makeDeparture(tenant(), { capacity: 4 });
    await inTrx((trx) => holdSeats(trx, departure.id, 2));
    const open = await refusal(join(departure.id, 2));
    expect(open).toMatchObject({
      code: 'INVALID_REQUEST',
      message: 'seats are available: book them',
      details: { seatsAvailable: 2 },
    });
    const entry = await join(departure.id, 3, 'Ang.Dorje@Example.COM');
    expect(entry).toMatchObject({
      departureId: departure.id,
      seats: 3,
      status: 'waiting',
      email: 'ang.dorje@example.com',
      placeInLine: 1,
    });
    expect(entry.traveller).toEqual(traveller);
    expect((await join(departure.id, 4)).placeInLine).toBe(2);
  });

  it('refuses more than 9 seats, bad details, a second place for one e-mail, and closed departures', async () => {
    const departure = await fullDeparture(2);
    const fields = async (input: Record<string, unknown>) =>
      (
        await refusal(joinWaitlist(tenant(), departure.id, { seats: 1, traveller, email: 'a@example.com', ...input }))
      ).details.fields?.map((f) => f.path);
    expect(await fields({ seats: 10 })).toEqual(['seats']);
    expect(await fields({ seats: 0 })).toEqual(['seats']);
    expect(await fields({ email: 'not-an-address', language: 'English' })).toEqual(['email', 'language']);
    expect(await fields({ traveller: { givenName: '', familyName: 'Dorje', passport: 'X' } })).toEqual([
      'traveller.givenName',
      'traveller', // an unknown key (passport)
    ]);

    const first = await join(departure.id, 1, 'pasang@example.com');
    expect(await fields({ email: 'PASANG@example.com' })).toEqual(['email']);
    await withdrawFromWaitlist(tenant(), first.id, 'pasang@example.com');
    expect((await join(departure.id, 1, 'pasang@example.com')).status).toBe('waiting'); // withdrawn: may come back

    expect((await refusal(join('dep_00000000000000000000000000', 1))).code).toBe('NOT_FOUND');
    await cancelDeparture(tenant(), departure.id);
    expect((await refusal(join(departure.id, 1))).code).toBe('ORDER_STATE_CONFLICT');
  });

  it(`holds at most ${MAX_WAITING_ENTRIES} waiting entries per departure`, async () => {
    const departure = await fullDeparture(1);
    // Seeded straight into the table: 499 joins through the service would only make the test slow.
    await inTrx((trx) =>
      trx
        .insertInto('waitlist_entries')
        .values(
          Array.from({ length: MAX_WAITING_ENTRIES - 1 }, (_, i) => ({
            id: `wle_seed${randomBytes(11).toString('hex')}`,
            departure_id: departure.id,
            seats: 1,
            traveller: JSON.stringify(traveller),
            email: `seed-${i}@example.com`,
          })),
        )
        .execute(),
    );
    expect((await join(departure.id, 1)).placeInLine).toBe(MAX_WAITING_ENTRIES);
    expect((await refusal(join(departure.id, 1))).code).toBe('INVENTORY_EXHAUSTED');
  });

  it('keeps arrival order and one place per e-mail under concurrent joins', async () => {
    const departure = await fullDeparture(1);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => join(departure.id, 1, `crowd-${i % 10}@example.com`)),
    );
    const joined = outcomes.filter((o) => o.status === 'fulfilled').map((o) => o.value);
    expect(joined).toHaveLength(10);
    expect(new Set(joined.map((e) => e.email)).size).toBe(10);
    expect(joined.map((e) => e.placeInLine).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Place in line and arrival position agree.
    const byPosition = [...joined].sort((a, b) => a.position - b.position);
    expect(byPosition.map((e) => e.placeInLine)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('promoting a waitlist', () => {
  it('passes cancelled seats on in arrival order, strict FIFO: a party that does not fit yet is not overtaken', async () => {
    const departure = await fullDeparture(4);
    const a = await join(departure.id, 1);
    const b = await join(departure.id, 2);
    const c = await join(departure.id, 1);
    const cancelOne = () =>
      inTrx(async (trx) => {
        await releaseHeldSeats(trx, departure.id, 1);
        return promoteWaitlist(trx, departure.id, holdSeatsInTestOrder);
      });

    expect((await cancelOne()).map((e) => e.id)).toEqual([a.id]);
    // One seat free; B wants two. C (one) arrived after B, so C waits too.
    expect(await cancelOne()).toEqual([]);
    expect(await seatsOf(tenant(), departure.id)).toMatchObject({ held_seats: 3 });
    const promotedB = await cancelOne();
    expect(promotedB.map((e) => [e.id, e.status])).toEqual([[b.id, 'promoted']]);
    expect(promotedB[0]!.orderId).toMatch(/^ord_/);
    expect(promotedB[0]!.paymentRequiredBy).toBeInstanceOf(Date);
    expect((await cancelOne()).map((e) => e.id)).toEqual([c.id]);
    expect(await seatsOf(tenant(), departure.id)).toMatchObject({ capacity: 4, held_seats: 4 });

    // Each promotion is a held order whose item holds the entry's seats.
    const orders = await inTrx((trx) =>
      trx
        .selectFrom('orders')
        .innerJoin('order_items', 'order_items.order_id', 'orders.id')
        .select(['orders.waitlist_entry_id', 'orders.status', 'order_items.seats', 'order_items.departure_id'])
        .where('order_items.departure_id', '=', departure.id)
        .execute(),
    );
    expect(orders.map((o) => [o.waitlist_entry_id, o.seats]).sort()).toEqual(
      [
        [a.id, 1],
        [b.id, 2],
        [c.id, 1],
      ].sort(),
    );
  });

  it('passes a lapsed promotion’s seats to the next, and ends promotions idempotently', async () => {
    const departure = await fullDeparture(2);
    const first = await join(departure.id, 2);
    const second = await join(departure.id, 2);
    const [promoted] = await inTrx(async (trx) => {
      await releaseHeldSeats(trx, departure.id, 2);
      return promoteWaitlist(trx, departure.id, holdSeatsInTestOrder);
    });
    expect(promoted!.id).toBe(first.id);

    // The first traveller does not pay in time: the engine's expiry releases the seats and promotes on.
    const next = await inTrx(async (trx) => {
      await lapsePromotion(trx, promoted!);
      return promoteWaitlist(trx, departure.id, holdSeatsInTestOrder);
    });
    expect(next.map((e) => e.id)).toEqual([second.id]);
    expect((await statusesOf(departure.id)).map((e) => e.status)).toEqual(['lapsed', 'promoted']);

    // A retried expiry job changes nothing; a payment arriving for the lapsed one is refused.
    expect((await inTrx((trx) => endPromotion(trx, first.id, 'lapsed'))).status).toBe('lapsed');
    expect((await refusal(inTrx((trx) => endPromotion(trx, first.id, 'booked')))).code).toBe('ILLEGAL_TRANSITION');
    expect((await refusal(inTrx((trx) => endPromotion(trx, 'wle_00000000000000000000000000', 'booked')))).code).toBe('NOT_FOUND');

    // The second pays: seats booked and the promotion ends booked, in one transaction.
    const booked = await inTrx(async (trx) => {
      await bookHeldSeats(trx, departure.id, 2);
      return endPromotion(trx, second.id, 'booked');
    });
    expect(booked.status).toBe('booked');
    expect(await seatsOf(tenant(), departure.id)).toMatchObject({ held_seats: 0, booked_seats: 2 });
  });

  it('never promotes beyond capacity: a raise of three seats seats three parties of one', async () => {
    const departure = await fullDeparture(5);
    const waiting = [];
    for (let i = 0; i < 5; i++) waiting.push(await join(departure.id, 1));
    const { seatsFreed } = await setDepartureCapacity(tenant(), departure.id, 8);
    expect(seatsFreed).toBe(3);
    const promoted = await promote(departure.id);
    expect(promoted.map((e) => e.id)).toEqual(waiting.slice(0, 3).map((e) => e.id));
    expect(await promote(departure.id)).toEqual([]);
    expect(await seatsOf(tenant(), departure.id)).toMatchObject({ capacity: 8, held_seats: 8 });
  });

  it('runs many times at once on one departure without promoting anyone twice (the departure row lock)', async () => {
    const departure = await fullDeparture(10);
    const waiting: WaitlistEntry[] = [];
    for (let i = 0; i < 4; i++) waiting.push(await join(departure.id, 1 + (i % 2)));
    // More seats free than the four parties (1 + 2 + 1 + 2) want: without the lock, every run would
    // read them all as waiting and try to promote them.
    await inTrx((trx) => releaseHeldSeats(trx, departure.id, 8));

    const rounds = await Promise.all(Array.from({ length: 12 }, () => promote(departure.id)));
    const promoted = rounds.flat();
    expect(promoted.map((e) => e.id).sort()).toEqual(waiting.map((e) => e.id).sort());
    expect(rounds.filter((r) => r.length > 0)).toHaveLength(1); // the first to lock takes them all
    expect(await seatsOf(tenant(), departure.id)).toMatchObject({ capacity: 10, held_seats: 8 });
    const orders = await inTrx((trx) =>
      trx
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where(
          'waitlist_entry_id',
          'in',
          waiting.map((e) => e.id),
        )
        .executeTakeFirstOrThrow(),
    );
    expect(Number(orders.count)).toBe(4);
  });

  it('promotes nothing on a cancelled departure, and refuses an engine callback that did not hold the seats', async () => {
    const departure = await fullDeparture(2);
    const entry = await join(departure.id, 1);
    await inTrx((trx) => releaseHeldSeats(trx, departure.id, 1));
    const careless = inTrx((trx) =>
      promoteWaitlist(trx, departure.id, async () => ({ orderId: 'ord_x', paymentRequiredBy: new Date() })),
    );
    expect((await refusal(careless)).code).toBe('ILLEGAL_TRANSITION');
    expect((await statusesOf(departure.id))[0]).toMatchObject({ id: entry.id, status: 'waiting', order_id: null }); // rolled back

    await cancelDeparture(tenant(), departure.id);
    expect(await promote(departure.id)).toEqual([]);
    expect(await inTrx((trx) => promoteWaitlist(trx, 'dep_00000000000000000000000000', holdSeatsInTestOrder))).toEqual([]);
  });
});

describe('withdrawing from a waitlist', () => {
  it('needs the entry’s e-mail, is idempotent, and leaves a promoted entry to its order', async () => {
    const departure = await fullDeparture(1);
    const leaving = await join(departure.id, 1, 'leaving@example.com');
    const staying = await join(departure.id, 1, 'staying@example.com');
    expect((await refusal(withdrawFromWaitlist(tenant(), leaving.id, 'someone@example.com'))).code).toBe('NOT_FOUND');
    expect(await withdrawFromWaitlist(tenant(), leaving.id, ' Leaving@Example.com ')).toMatchObject({
      entry: { id: leaving.id, status: 'withdrawn' },
      promotionDue: false, // the departure is full
    });
    expect((await withdrawFromWaitlist(tenant(), leaving.id, 'leaving@example.com')).entry.status).toBe('withdrawn');

    // A withdrawn entry is passed over.
    const promoted = await inTrx(async (trx) => {
      await releaseHeldSeats(trx, departure.id, 1);
      return promoteWaitlist(trx, departure.id, holdSeatsInTestOrder);
    });
    expect(promoted.map((e) => e.id)).toEqual([staying.id]);
    expect((await refusal(withdrawFromWaitlist(tenant(), staying.id, 'staying@example.com'))).code).toBe('ILLEGAL_TRANSITION');
  });
});

describe('a party at the head that leaves', () => {
  it('lets those behind it through: the withdrawal says a promotion is due', async () => {
    const departure = await fullDeparture(3);
    const large = await join(departure.id, 2);
    const small = await join(departure.id, 1);
    const blocked = await inTrx(async (trx) => {
      await releaseHeldSeats(trx, departure.id, 1);
      return promoteWaitlist(trx, departure.id, holdSeatsInTestOrder);
    });
    expect(blocked).toEqual([]);
    const { promotionDue } = await withdrawFromWaitlist(tenant(), large.id, large.email);
    expect(promotionDue).toBe(true);
    expect((await promote(departure.id)).map((e) => e.id)).toEqual([small.id]);
  });
});

describe('booked seats cancelled later', () => {
  it('go to the waitlist like held ones', async () => {
    const { departure } = await makeDeparture(tenant(), { capacity: 3 });
    await inTrx(async (trx) => {
      await holdSeats(trx, departure.id, 3);
      await bookHeldSeats(trx, departure.id, 3);
    });
    const entry = await join(departure.id, 2);
    const promoted = await inTrx(async (trx) => {
      await releaseBookedSeats(trx, departure.id, 2);
      return promoteWaitlist(trx, departure.id, holdSeatsInTestOrder);
    });
    expect(promoted.map((e) => e.id)).toEqual([entry.id]);
    expect(await seatsOf(tenant(), departure.id)).toMatchObject({ held_seats: 2, booked_seats: 1 });
  });
});
