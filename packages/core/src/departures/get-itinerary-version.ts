import { tenantDb, type Tenant } from '@himal/db';
import { OrderError } from '../orders/order-errors.ts';
import { isInventoryId } from './departure-ids.ts';
import { findItineraryVersion } from './departure-repository.ts';
import { toItineraryVersion } from './departure-rows.ts';
import type { ItineraryVersion } from './departure-types.ts';

/** One itinerary version by id: what an order item was sold on, whatever the trip's latest is now. */
export async function getItineraryVersion(tenant: Pick<Tenant, 'schemaName'>, versionId: string): Promise<ItineraryVersion> {
  const notFound = new OrderError('NOT_FOUND', `no itinerary version ${versionId}`);
  if (!isInventoryId(versionId, 'itineraryVersion')) throw notFound;
  const row = await findItineraryVersion(tenantDb(tenant), versionId);
  if (!row) throw notFound;
  return toItineraryVersion(row);
}
