import { withTenant, type Tenant } from '@himal/db';
import { isInventoryId } from './departure-ids.ts';
import { findDepartureWithTrip, findItineraryVersion } from './departure-repository.ts';
import { toItineraryVersion, toListedDeparture } from './departure-rows.ts';
import { departureNotFound } from './departure-rules.ts';
import type { DepartureDetails } from './departure-types.ts';

/**
 * A departure with its trip, its free seats and the itinerary it is sold on now. Cancelled and past
 * departures are found too (with their status): an order on one still links to it.
 */
export async function getDeparture(tenant: Pick<Tenant, 'schemaName'>, departureId: string): Promise<DepartureDetails> {
  if (!isInventoryId(departureId, 'departure')) throw departureNotFound(departureId);
  return withTenant(tenant, async (trx) => {
    const row = await findDepartureWithTrip(trx, departureId);
    if (!row) throw departureNotFound(departureId);
    // Versions are immutable and a departure's version is never deleted (RESTRICT), so this is there.
    const version = await findItineraryVersion(trx, row.itinerary_version_id);
    return { ...toListedDeparture(row), itinerary: toItineraryVersion(version!) };
  });
}
