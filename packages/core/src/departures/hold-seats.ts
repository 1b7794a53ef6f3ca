import type { TenantTransaction } from '@himal/db';
import { OrderError } from '../orders/order-errors.ts';
import { todayOf } from './calendar-days.ts';
import { isInventoryId } from './departure-ids.ts';
import { findDeparture, takeHeldSeats } from './departure-repository.ts';
import { assertSeatCount, departureNotFound } from './departure-rules.ts';
import type { SeatHold } from './departure-types.ts';

/**
 * Holds seats of a departure for an order, in the caller's transaction, so the order's state and
 * the seats commit or roll back together. One conditional UPDATE decides (see takeHeldSeats): no
 * read-then-write window, so the last seat is sold once however many ask at the same moment, and
 * the table's CHECK refuses any write that would oversell. A departure that is cancelled, has left,
 * or lacks the seats answers INVENTORY_EXHAUSTED with the seats it has.
 */
export async function holdSeats(
  trx: TenantTransaction,
  departureId: string,
  seats: number,
  options: { now?: Date } = {},
): Promise<SeatHold> {
  assertSeatCount(seats);
  if (!isInventoryId(departureId, 'departure')) throw departureNotFound(departureId);
  const now = options.now ?? new Date();
  const today = todayOf(now);
  const held = await takeHeldSeats(trx, departureId, seats, today, now);
  if (held)
    return {
      departureId: held.id,
      tripId: held.trip_id,
      tripName: held.trip_name,
      itineraryVersionId: held.itinerary_version_id,
      startsOn: held.starts_on,
      endsOn: held.ends_on,
      seats,
      price: { amountMinor: Number(held.price_minor), currency: held.currency },
    };

  // Nothing was taken; read the row only now, to say why.
  const departure = await findDeparture(trx, departureId);
  if (!departure) throw departureNotFound(departureId);
  const free = departure.capacity - departure.held_seats - departure.booked_seats;
  const why =
    departure.status === 'cancelled'
      ? 'is cancelled'
      : departure.starts_on < today
        ? 'has already left'
        : `has ${free} seat${free === 1 ? '' : 's'} left`;
  const selling = departure.status === 'scheduled' && departure.starts_on >= today;
  throw new OrderError('INVENTORY_EXHAUSTED', `departure ${departureId} ${why}; ${seats} asked`, {
    departureId,
    seatsAsked: seats,
    seatsAvailable: selling ? free : 0,
  });
}
