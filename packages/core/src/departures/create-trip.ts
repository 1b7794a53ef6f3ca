import { withTenant, type Tenant } from '@himal/db';
import { z } from 'zod';
import { newInventoryId } from './departure-ids.ts';
import { insertItineraryVersion, insertTrip } from './departure-repository.ts';
import { toItineraryVersion, toTrip } from './departure-rows.ts';
import { tripSlugSchema } from './departure-rules.ts';
import type { TripWithItinerary } from './departure-types.ts';
import { itineraryDaysSchema, type ItineraryDay } from './itinerary-days.ts';
import { invalidField, parseInput } from './parse-input.ts';

const createTripSchema = z.strictObject({
  slug: tripSlugSchema,
  name: z.string().trim().min(1).max(120),
  summary: z.string().trim().max(2000).default(''),
  days: itineraryDaysSchema,
});

export interface CreateTripInput {
  slug: string;
  name: string;
  summary?: string;
  days: ItineraryDay[];
}

const UNIQUE_VIOLATION = '23505';

/** A new trip of the agency with its first itinerary (version 1), in one transaction. */
export async function createTrip(tenant: Pick<Tenant, 'schemaName'>, input: CreateTripInput): Promise<TripWithItinerary> {
  const trip = parseInput(createTripSchema, input, 'trip');
  try {
    return await withTenant(tenant, async (trx) => {
      const row = await insertTrip(trx, { id: newInventoryId('trip'), slug: trip.slug, name: trip.name, summary: trip.summary });
      const version = await insertItineraryVersion(trx, {
        id: newInventoryId('itineraryVersion'),
        trip_id: row.id,
        version: 1,
        days: trip.days,
      });
      return { ...toTrip(row), itinerary: toItineraryVersion(version) };
    });
  } catch (error) {
    // The unique index decides between two creates of one slug; the loser is told, not failed.
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw invalidField('slug', 'is taken by another trip');
    throw error;
  }
}
