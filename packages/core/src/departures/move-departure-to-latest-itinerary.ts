import { withTenant, type Tenant } from '@himal/db';
import { addDays } from './calendar-days.ts';
import { isInventoryId } from './departure-ids.ts';
import { findLatestItineraryVersion, lockDeparture, updateDeparture } from './departure-repository.ts';
import { toDeparture } from './departure-rows.ts';
import { departureCancelled, departureNotFound } from './departure-rules.ts';
import type { Departure } from './departure-types.ts';

/**
 * Sells a departure on its trip's latest itinerary from now on (its last day follows the new
 * length). Orders already sold keep the version stored on their items: what a traveller bought does
 * not change under them.
 */
export async function moveDepartureToLatestItinerary(
  tenant: Pick<Tenant, 'schemaName'>,
  departureId: string,
): Promise<Departure> {
  if (!isInventoryId(departureId, 'departure')) throw departureNotFound(departureId);
  return withTenant(tenant, async (trx) => {
    const departure = await lockDeparture(trx, departureId);
    if (!departure) throw departureNotFound(departureId);
    if (departure.status === 'cancelled') throw departureCancelled(departureId);
    const latest = await findLatestItineraryVersion(trx, departure.trip_id);
    if (!latest || latest.id === departure.itinerary_version_id) return toDeparture(departure);
    const moved = await updateDeparture(trx, departureId, {
      itinerary_version_id: latest.id,
      ends_on: addDays(departure.starts_on, (latest.days as unknown[]).length - 1),
      updated_at: new Date(),
    });
    return toDeparture(moved);
  });
}
