import type { TenantTransaction } from '@himal/db';
import { OrderError } from '../orders/order-errors.ts';
import { todayOf } from './calendar-days.ts';
import { isInventoryId } from './departure-ids.ts';
import { findDeparture, findEntriesOfDeparture, lockDeparture, moveWaitlistEntry } from './departure-repository.ts';
import { toWaitlistEntry } from './departure-rows.ts';
import type { WaitlistEntry } from './departure-types.ts';

/**
 * Supplied by the order engine: makes the held order for a promoted entry, taking its seats with
 * holdSeats in the same transaction, and says when it must be paid.
 */
export type HoldSeatsForEntry = (
  trx: TenantTransaction,
  entry: WaitlistEntry,
) => Promise<{ orderId: string; paymentRequiredBy: Date }>;

export type PromotedEntry = WaitlistEntry & { paymentRequiredBy: Date };

/**
 * Passes free seats to the waitlist, in the caller's transaction (run it wherever seats may have
 * freed: a cancellation, an expired hold, a lapsed promotion, a larger capacity; several runs at
 * once are safe). Strict first come, first served: entries are promoted in arrival order while
 * their seats fit, and the first that does not fit stops the round, so nobody who arrived later
 * overtakes them (a party of four waits for four seats rather than watching pairs go by). The
 * departure row is locked first, so concurrent runs take turns and an entry is promoted once; each
 * promotion's seats are taken by holdSeats (conditional, CHECK-backed), so capacity is never
 * exceeded. Returns the entries promoted, for the caller to notify. Nothing is promoted on a
 * departure that is cancelled, has left, or no longer exists.
 */
export async function promoteWaitlist(
  trx: TenantTransaction,
  departureId: string,
  holdSeatsForEntry: HoldSeatsForEntry,
  options: { now?: Date } = {},
): Promise<PromotedEntry[]> {
  if (!isInventoryId(departureId, 'departure')) return [];
  const now = options.now ?? new Date();
  const departure = await lockDeparture(trx, departureId);
  if (!departure || departure.status !== 'scheduled' || departure.starts_on < todayOf(now)) return [];
  let free = departure.capacity - departure.held_seats - departure.booked_seats;
  if (free <= 0) return [];

  // Every entry asks at least one seat, so no more than `free` of them can be promoted.
  const waiting = await findEntriesOfDeparture(trx, departureId, ['waiting'], { limit: free });
  const promoted: PromotedEntry[] = [];
  for (const row of waiting) {
    if (row.seats > free) break;
    const { orderId, paymentRequiredBy } = await holdSeatsForEntry(trx, toWaitlistEntry(row));
    const marked = await moveWaitlistEntry(trx, row.id, 'waiting', {
      status: 'promoted',
      order_id: orderId,
      promoted_at: now,
      updated_at: now,
    });
    // Joins, withdrawals and other promotions all wait for the departure lock we hold.
    if (!marked) throw new OrderError('ILLEGAL_TRANSITION', `waitlist entry ${row.id} stopped waiting during its promotion`);
    promoted.push({ ...toWaitlistEntry(marked), paymentRequiredBy });
    free -= row.seats;
  }

  // The engine's callback must have held each promotion's seats; an entry promoted without its
  // seats would be sold twice, so check before anything commits.
  if (promoted.length > 0) {
    const after = await findDeparture(trx, departureId);
    const promotedSeats = promoted.reduce((sum, entry) => sum + entry.seats, 0);
    if (!after || after.held_seats < departure.held_seats + promotedSeats)
      throw new OrderError('ILLEGAL_TRANSITION', 'holdSeatsForEntry did not hold the promoted seats', { departureId });
  }
  return promoted;
}
