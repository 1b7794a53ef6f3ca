import { tenantDb, type Tenant } from '@himal/db';
import { isoDate } from '@himal/gds';
import { z } from 'zod';
import { todayOf } from './calendar-days.ts';
import { decodeDepartureCursor, encodeDepartureCursor } from './departure-cursor.ts';
import { findDeparturePage } from './departure-repository.ts';
import { toListedDeparture } from './departure-rows.ts';
import { tripSlugSchema } from './departure-rules.ts';
import type { ListedDeparture } from './departure-types.ts';
import { parseInput } from './parse-input.ts';

export const DEFAULT_DEPARTURE_PAGE_SIZE = 20;
export const MAX_DEPARTURE_PAGE_SIZE = 100;

export interface ListDeparturesQuery {
  tripSlug?: string;
  /** First start date (YYYY-MM-DD), never before today. */
  from?: string;
  /** Last start date. */
  to?: string;
  limit?: number;
  cursor?: string;
}

export interface DeparturePage {
  departures: ListedDeparture[];
  /** Cursor of the next page; null on the last. */
  nextCursor: string | null;
  limit: number;
}

const listDeparturesSchema = z.strictObject({
  tripSlug: tripSlugSchema.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.number().int().min(1).max(MAX_DEPARTURE_PAGE_SIZE).default(DEFAULT_DEPARTURE_PAGE_SIZE),
  cursor: z.string().max(200).optional(),
});

/**
 * Scheduled departures that start today or later, by start date (sold-out ones too: their waitlist
 * is open), one page at a time.
 */
export async function listDepartures(
  tenant: Pick<Tenant, 'schemaName'>,
  query: ListDeparturesQuery = {},
  options: { now?: Date } = {},
): Promise<DeparturePage> {
  const asked = parseInput(listDeparturesSchema, query, 'departure list');
  const today = todayOf(options.now);
  const from = asked.from && asked.from > today ? asked.from : today;
  const rows = await findDeparturePage(tenantDb(tenant), {
    from,
    to: asked.to,
    tripSlug: asked.tripSlug,
    after: asked.cursor === undefined ? undefined : decodeDepartureCursor(asked.cursor),
    limit: asked.limit,
  });
  const page = rows.slice(0, asked.limit);
  const last = page.at(-1);
  return {
    departures: page.map(toListedDeparture),
    nextCursor: rows.length > asked.limit && last ? encodeDepartureCursor({ startsOn: last.starts_on, id: last.id }) : null,
    limit: asked.limit,
  };
}
