import { withTenant, type Tenant } from '@himal/db';
import { OrderError } from '../orders/order-errors.ts';
import { isInventoryId, newInventoryId } from './departure-ids.ts';
import { findLatestItineraryVersion, insertItineraryVersion, lockTrip, touchTrip } from './departure-repository.ts';
import { toItineraryVersion } from './departure-rows.ts';
import type { ItineraryVersion } from './departure-types.ts';
import { itineraryDaysSchema, type ItineraryDay } from './itinerary-days.ts';
import { parseInput } from './parse-input.ts';

/**
 * A new version (latest + 1) of a trip's itinerary. Versions are never updated: orders point at the
 * version they were sold on, and departures move to a new one only when the agency says so
 * (moveDepartureToLatestItinerary). The trip row is locked so two publishes get two numbers.
 */
export async function publishItineraryVersion(
  tenant: Pick<Tenant, 'schemaName'>,
  tripId: string,
  days: ItineraryDay[],
): Promise<ItineraryVersion> {
  const parsed = parseInput(itineraryDaysSchema, days, 'itinerary');
  const notFound = new OrderError('NOT_FOUND', `no trip ${tripId}`);
  if (!isInventoryId(tripId, 'trip')) throw notFound;
  return withTenant(tenant, async (trx) => {
    if (!(await lockTrip(trx, tripId))) throw notFound;
    const latest = await findLatestItineraryVersion(trx, tripId);
    const version = await insertItineraryVersion(trx, {
      id: newInventoryId('itineraryVersion'),
      trip_id: tripId,
      version: (latest?.version ?? 0) + 1,
      days: parsed,
    });
    await touchTrip(trx, tripId, version.created_at);
    return toItineraryVersion(version);
  });
}
