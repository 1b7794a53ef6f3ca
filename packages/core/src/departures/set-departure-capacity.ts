import { withTenant, type Tenant } from '@himal/db';
import { OrderError } from '../orders/order-errors.ts';
import { isInventoryId } from './departure-ids.ts';
import { lockDeparture, updateDeparture } from './departure-repository.ts';
import { toDeparture } from './departure-rows.ts';
import { capacitySchema, departureCancelled, departureNotFound } from './departure-rules.ts';
import type { Departure } from './departure-types.ts';
import { parseInput } from './parse-input.ts';

/**
 * Changes how many seats a departure has. Never below the seats already held or booked (those
 * belong to travellers). When it grows, `seatsFreed` says by how much, so the caller enqueues a
 * waitlist promotion in the same transaction it commits in.
 */
export async function setDepartureCapacity(
  tenant: Pick<Tenant, 'schemaName'>,
  departureId: string,
  capacity: number,
): Promise<{ departure: Departure; seatsFreed: number }> {
  const wanted = parseInput(capacitySchema, capacity, 'capacity');
  if (!isInventoryId(departureId, 'departure')) throw departureNotFound(departureId);
  return withTenant(tenant, async (trx) => {
    // Locked, so no hold slips in between the check and the write.
    const departure = await lockDeparture(trx, departureId);
    if (!departure) throw departureNotFound(departureId);
    if (departure.status === 'cancelled') throw departureCancelled(departureId);
    const taken = departure.held_seats + departure.booked_seats;
    if (wanted < taken)
      throw new OrderError('INVALID_REQUEST', `capacity cannot go below the ${taken} seats held or booked`, {
        fields: [{ path: 'capacity', message: `is at least ${taken} (seats held or booked)` }],
        heldSeats: departure.held_seats,
        bookedSeats: departure.booked_seats,
      });
    const updated = await updateDeparture(trx, departureId, { capacity: wanted, updated_at: new Date() });
    return { departure: toDeparture(updated), seatsFreed: Math.max(0, wanted - departure.capacity) };
  });
}
