import { withTenant, type Tenant } from '@himal/db';
import { isoDate, type Money } from '@himal/gds';
import { z } from 'zod';
import { OrderError } from '../orders/order-errors.ts';
import { addDays, todayOf } from './calendar-days.ts';
import { isInventoryId, newInventoryId } from './departure-ids.ts';
import { findItineraryVersion, findLatestItineraryVersion, insertDeparture } from './departure-repository.ts';
import { toDeparture } from './departure-rows.ts';
import { capacitySchema, seatPriceSchema } from './departure-rules.ts';
import type { Departure } from './departure-types.ts';
import { invalidField, parseInput } from './parse-input.ts';

export interface CreateDepartureInput {
  tripId: string;
  startsOn: string;
  capacity: number;
  /** Per seat. */
  price: Money;
  /** Default: the trip's latest version. */
  itineraryVersionId?: string;
}

const createDepartureSchema = z.strictObject({
  tripId: z.string(),
  startsOn: isoDate,
  capacity: capacitySchema.min(1),
  price: seatPriceSchema,
  itineraryVersionId: z.string().optional(),
});

/**
 * A dated departure of a trip, sold on one itinerary version; it ends on the itinerary's last day
 * (startsOn + days - 1). A departure in the past is refused: nobody could book it.
 */
export async function createDeparture(
  tenant: Pick<Tenant, 'schemaName'>,
  input: CreateDepartureInput,
  options: { now?: Date } = {},
): Promise<Departure> {
  const departure = parseInput(createDepartureSchema, input, 'departure');
  if (departure.startsOn < todayOf(options.now)) throw invalidField('startsOn', 'is in the past');
  const tripNotFound = new OrderError('NOT_FOUND', `no trip ${departure.tripId}`);
  if (!isInventoryId(departure.tripId, 'trip')) throw tripNotFound;
  return withTenant(tenant, async (trx) => {
    let version;
    if (departure.itineraryVersionId !== undefined) {
      version = isInventoryId(departure.itineraryVersionId, 'itineraryVersion')
        ? await findItineraryVersion(trx, departure.itineraryVersionId)
        : undefined;
      if (version?.trip_id !== departure.tripId) throw invalidField('itineraryVersionId', 'is not a version of this trip');
    } else {
      // Every trip is created with version 1, so no version means no trip.
      version = await findLatestItineraryVersion(trx, departure.tripId);
      if (!version) throw tripNotFound;
    }
    const row = await insertDeparture(trx, {
      id: newInventoryId('departure'),
      trip_id: departure.tripId,
      itinerary_version_id: version.id,
      starts_on: departure.startsOn,
      ends_on: addDays(departure.startsOn, (version.days as unknown[]).length - 1),
      capacity: departure.capacity,
      price_minor: String(departure.price.amountMinor),
      currency: departure.price.currency,
    });
    return toDeparture(row);
  });
}
