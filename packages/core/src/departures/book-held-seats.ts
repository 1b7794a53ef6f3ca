import type { TenantTransaction } from '@himal/db';
import { OrderError } from '../orders/order-errors.ts';
import { isInventoryId } from './departure-ids.ts';
import { bookHeld, findDeparture } from './departure-repository.ts';
import { toDepartureSeats } from './departure-rows.ts';
import { assertSeatCount, departureNotFound } from './departure-rules.ts';
import type { DepartureSeats } from './departure-types.ts';

/**
 * Held seats become booked when their order is paid, in the transaction that confirms it. One
 * conditional UPDATE: held never goes below zero, and a departure cancelled since the hold books
 * nothing (INVENTORY_EXHAUSTED: the engine refunds). Seat counters cannot tell one order's seats
 * from another's, so the caller's own conditional order transition is what makes a retry book once.
 */
export async function bookHeldSeats(
  trx: TenantTransaction,
  departureId: string,
  seats: number,
  options: { now?: Date } = {},
): Promise<DepartureSeats> {
  assertSeatCount(seats);
  if (!isInventoryId(departureId, 'departure')) throw departureNotFound(departureId);
  const booked = await bookHeld(trx, departureId, seats, options.now ?? new Date());
  if (booked) return toDepartureSeats(booked);
  const departure = await findDeparture(trx, departureId);
  if (!departure) throw departureNotFound(departureId);
  if (departure.status === 'cancelled')
    throw new OrderError('INVENTORY_EXHAUSTED', `departure ${departureId} is cancelled`, { departureId, seatsAvailable: 0 });
  throw new OrderError('ILLEGAL_TRANSITION', `departure ${departureId} has ${departure.held_seats} held seats, not ${seats}`, {
    departureId,
    heldSeats: departure.held_seats,
  });
}
