import { withTenant, type Tenant } from '@himal/db';
import { OrderError } from '../orders/order-errors.ts';
import { todayOf } from './calendar-days.ts';
import { isInventoryId, newInventoryId } from './departure-ids.ts';
import { countWaiting, findEntriesOfDeparture, insertWaitlistEntry, lockDeparture } from './departure-repository.ts';
import { toWaitlistEntry } from './departure-rows.ts';
import { departureCancelled, departureNotFound } from './departure-rules.ts';
import type { WaitlistEntry, WaitlistTraveller } from './departure-types.ts';
import { invalidField, parseInput } from './parse-input.ts';
import { joinWaitlistSchema, MAX_WAITING_ENTRIES } from './waitlist-rules.ts';

export interface JoinWaitlistInput {
  seats: number;
  traveller: WaitlistTraveller;
  email: string;
  /** Default "en". */
  language?: string;
}

/**
 * Puts a traveller on a departure's waitlist, behind everyone already there. Only when the
 * departure cannot seat them now (else they are told to book), once per e-mail while their place
 * is live, and at most MAX_WAITING_ENTRIES deep. The departure row is locked, so concurrent joins
 * are decided one at a time: arrival order, the cap and the duplicate check hold under any race.
 */
export async function joinWaitlist(
  tenant: Pick<Tenant, 'schemaName'>,
  departureId: string,
  input: JoinWaitlistInput,
  options: { now?: Date } = {},
): Promise<WaitlistEntry & { placeInLine: number }> {
  const join = parseInput(joinWaitlistSchema, input, 'waitlist entry');
  if (!isInventoryId(departureId, 'departure')) throw departureNotFound(departureId);
  return withTenant(tenant, async (trx) => {
    const departure = await lockDeparture(trx, departureId);
    if (!departure) throw departureNotFound(departureId);
    if (departure.status === 'cancelled') throw departureCancelled(departureId);
    if (departure.starts_on < todayOf(options.now))
      throw new OrderError('ORDER_STATE_CONFLICT', `departure ${departureId} has already left`, { departureId });
    const seatsAvailable = departure.capacity - departure.held_seats - departure.booked_seats;
    if (seatsAvailable >= join.seats)
      throw new OrderError('INVALID_REQUEST', 'seats are available: book them', { departureId, seatsAvailable });
    const live = await findEntriesOfDeparture(trx, departureId, ['waiting', 'promoted'], { email: join.email });
    if (live.length > 0) throw invalidField('email', "is already on this departure's waitlist");
    const waiting = await countWaiting(trx, departureId);
    if (waiting >= MAX_WAITING_ENTRIES)
      throw new OrderError('INVENTORY_EXHAUSTED', `the waitlist of departure ${departureId} is full`, {
        departureId,
        waiting,
      });
    const row = await insertWaitlistEntry(trx, {
      id: newInventoryId('waitlistEntry'),
      departure_id: departureId,
      seats: join.seats,
      traveller: join.traveller,
      email: join.email,
      language: join.language,
    });
    // Everyone counted arrived earlier (they joined under the same lock), so this is the place.
    return { ...toWaitlistEntry(row), placeInLine: waiting + 1 };
  });
}
