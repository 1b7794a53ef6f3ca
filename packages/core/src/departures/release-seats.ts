import type { TenantTransaction } from '@himal/db';
import { OrderError } from '../orders/order-errors.ts';
import { isInventoryId } from './departure-ids.ts';
import { findDeparture, releaseSeats } from './departure-repository.ts';
import { toDepartureSeats } from './departure-rows.ts';
import { assertSeatCount, departureNotFound } from './departure-rules.ts';
import type { DepartureSeats } from './departure-types.ts';

/**
 * Seats going back to sale, in the transaction of the order change that frees them. One conditional
 * UPDATE each; a count never goes below zero (asking for more than is there is a bug:
 * ILLEGAL_TRANSITION). Cancelled departures release too, so their orders can be wound up. Freed
 * seats are the waitlist's: the caller enqueues promoteWaitlist in the same transaction.
 */
async function release(
  trx: TenantTransaction,
  departureId: string,
  seats: number,
  column: 'held_seats' | 'booked_seats',
  now: Date,
): Promise<DepartureSeats> {
  assertSeatCount(seats);
  if (!isInventoryId(departureId, 'departure')) throw departureNotFound(departureId);
  const released = await releaseSeats(trx, departureId, seats, column, now);
  if (released) return toDepartureSeats(released);
  const departure = await findDeparture(trx, departureId);
  if (!departure) throw departureNotFound(departureId);
  const what = column === 'held_seats' ? 'held' : 'booked';
  throw new OrderError('ILLEGAL_TRANSITION', `departure ${departureId} has ${departure[column]} ${what} seats, not ${seats}`, {
    departureId,
    [column === 'held_seats' ? 'heldSeats' : 'bookedSeats']: departure[column],
  });
}

/** A hold ends unpaid: it expired, its payment failed, or it was cancelled before payment. */
export function releaseHeldSeats(
  trx: TenantTransaction,
  departureId: string,
  seats: number,
  options: { now?: Date } = {},
): Promise<DepartureSeats> {
  return release(trx, departureId, seats, 'held_seats', options.now ?? new Date());
}

/** A confirmed order is cancelled. */
export function releaseBookedSeats(
  trx: TenantTransaction,
  departureId: string,
  seats: number,
  options: { now?: Date } = {},
): Promise<DepartureSeats> {
  return release(trx, departureId, seats, 'booked_seats', options.now ?? new Date());
}
