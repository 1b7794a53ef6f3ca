import type { TenantDatabase, TenantDb } from '@himal/db';
import type { Insertable, Selectable, Updateable } from 'kysely';
import { jsonColumn } from '../search/offer-repository.ts';

/**
 * Every query of trips, itinerary versions, departures and waitlists, in the tenant's schema. The
 * services in this folder hold the rules and own the transactions (each function takes the
 * tenant's builder or a transaction of it); nothing else writes these tables. Seat counts change
 * only through the conditional statements below, each a single UPDATE whose WHERE states the rule,
 * so concurrent writers serialise on the row and a write that would break it changes nothing.
 */
export type TripRow = Selectable<TenantDatabase['trips']>;
export type ItineraryVersionRow = Selectable<TenantDatabase['itinerary_versions']>;
export type DepartureRow = Selectable<TenantDatabase['departures']>;
export type WaitlistEntryRow = Selectable<TenantDatabase['waitlist_entries']>;
export type DepartureWithTripRow = DepartureRow & { trip_slug: string; trip_name: string; trip_summary: string };
type WaitlistStatus = WaitlistEntryRow['status'];
/** The tenant's builder, or a transaction of it (withTenant's). */
type Db = TenantDb;

// Trips and itinerary versions

export function insertTrip(db: Db, row: Insertable<TenantDatabase['trips']>): Promise<TripRow> {
  return db.insertInto('trips').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The trip, locked: versions of one trip are numbered one writer at a time. */
export function lockTrip(db: Db, tripId: string): Promise<TripRow | undefined> {
  return db.selectFrom('trips').selectAll().where('id', '=', tripId).forUpdate().executeTakeFirst();
}

export async function touchTrip(db: Db, tripId: string, now: Date): Promise<void> {
  await db.updateTable('trips').set({ updated_at: now }).where('id', '=', tripId).execute();
}

export function insertItineraryVersion(
  db: Db,
  row: Omit<Insertable<TenantDatabase['itinerary_versions']>, 'days'> & { days: unknown },
): Promise<ItineraryVersionRow> {
  return db
    .insertInto('itinerary_versions')
    .values({ ...row, days: jsonColumn(row.days) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findItineraryVersion(db: Db, id: string): Promise<ItineraryVersionRow | undefined> {
  return db.selectFrom('itinerary_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findLatestItineraryVersion(db: Db, tripId: string): Promise<ItineraryVersionRow | undefined> {
  return db
    .selectFrom('itinerary_versions')
    .selectAll()
    .where('trip_id', '=', tripId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

// Departures

export function insertDeparture(db: Db, row: Insertable<TenantDatabase['departures']>): Promise<DepartureRow> {
  return db.insertInto('departures').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findDeparture(db: Db, id: string): Promise<DepartureRow | undefined> {
  return db.selectFrom('departures').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The departure, locked until the transaction ends: seat statements of others wait behind it. */
export function lockDeparture(db: Db, id: string): Promise<DepartureRow | undefined> {
  return db.selectFrom('departures').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateDeparture(db: Db, id: string, changes: Updateable<TenantDatabase['departures']>): Promise<DepartureRow> {
  return db.updateTable('departures').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

function departuresWithTrips(db: Db) {
  return db
    .selectFrom('departures')
    .innerJoin('trips', 'trips.id', 'departures.trip_id')
    .selectAll('departures')
    .select(['trips.slug as trip_slug', 'trips.name as trip_name', 'trips.summary as trip_summary']);
}

export function findDepartureWithTrip(db: Db, id: string): Promise<DepartureWithTripRow | undefined> {
  return departuresWithTrips(db).where('departures.id', '=', id).executeTakeFirst();
}

/**
 * One page of scheduled departures from `from` on, by start date then id, after the cursor (keyset:
 * a row comparison the starts_on index serves). `limit + 1` rows are read so the caller knows
 * whether another page follows.
 */
export function findDeparturePage(
  db: Db,
  query: { from: string; to?: string; tripSlug?: string; after?: { startsOn: string; id: string }; limit: number },
): Promise<DepartureWithTripRow[]> {
  let page = departuresWithTrips(db).where('departures.status', '=', 'scheduled').where('departures.starts_on', '>=', query.from);
  if (query.to) page = page.where('departures.starts_on', '<=', query.to);
  if (query.tripSlug) page = page.where('trips.slug', '=', query.tripSlug);
  const after = query.after;
  if (after)
    page = page.where((eb) => eb(eb.refTuple('departures.starts_on', 'departures.id'), '>', eb.tuple(after.startsOn, after.id)));
  return page
    .orderBy('departures.starts_on')
    .orderBy('departures.id')
    .limit(query.limit + 1)
    .execute();
}

// Seats: each one conditional statement

/**
 * Takes `seats` held seats if they fit: the whole rule is the WHERE (scheduled, not yet departed,
 * held + booked + seats <= capacity), so two writers cannot both take the last seat: the second
 * waits for the first's row lock, re-reads the row and no longer matches. Undefined when nothing
 * was taken. Joins the trip for the order item's description.
 */
export function takeHeldSeats(db: Db, id: string, seats: number, today: string, now: Date) {
  return db
    .updateTable('departures')
    .from('trips')
    .set((eb) => ({ held_seats: eb('departures.held_seats', '+', seats), updated_at: now }))
    .whereRef('trips.id', '=', 'departures.trip_id')
    .where('departures.id', '=', id)
    .where('departures.status', '=', 'scheduled')
    .where('departures.starts_on', '>=', today)
    .where((eb) =>
      eb(
        eb(eb('departures.held_seats', '+', eb.ref('departures.booked_seats')), '+', seats),
        '<=',
        eb.ref('departures.capacity'),
      ),
    )
    .returning([
      'departures.id',
      'departures.trip_id',
      'trips.name as trip_name',
      'departures.itinerary_version_id',
      'departures.starts_on',
      'departures.ends_on',
      'departures.price_minor',
      'departures.currency',
    ])
    .executeTakeFirst();
}

const SEAT_COLUMNS = ['id', 'status', 'capacity', 'held_seats', 'booked_seats'] as const;

/** Held seats become booked (the order is paid), if that many are held and the departure still runs. */
export function bookHeld(db: Db, id: string, seats: number, now: Date) {
  return db
    .updateTable('departures')
    .set((eb) => ({ held_seats: eb('held_seats', '-', seats), booked_seats: eb('booked_seats', '+', seats), updated_at: now }))
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .where('held_seats', '>=', seats)
    .returning(SEAT_COLUMNS)
    .executeTakeFirst();
}

/** Gives back held or booked seats, if that many are there (a count never goes below zero). */
export function releaseSeats(db: Db, id: string, seats: number, column: 'held_seats' | 'booked_seats', now: Date) {
  return db
    .updateTable('departures')
    .set((eb) => ({ [column]: eb(column, '-', seats), updated_at: now }))
    .where('id', '=', id)
    .where(column, '>=', seats)
    .returning(SEAT_COLUMNS)
    .executeTakeFirst();
}

// Waitlists

export function insertWaitlistEntry(
  db: Db,
  row: Omit<Insertable<TenantDatabase['waitlist_entries']>, 'traveller'> & { traveller: unknown },
): Promise<WaitlistEntryRow> {
  return db
    .insertInto('waitlist_entries')
    .values({ ...row, traveller: jsonColumn(row.traveller) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findWaitlistEntry(db: Db, id: string): Promise<WaitlistEntryRow | undefined> {
  return db.selectFrom('waitlist_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Entries of the departure in one of `statuses`, oldest first (at most `limit`). */
export function findEntriesOfDeparture(
  db: Db,
  departureId: string,
  statuses: WaitlistStatus[],
  options: { email?: string; limit?: number } = {},
): Promise<WaitlistEntryRow[]> {
  let query = db
    .selectFrom('waitlist_entries')
    .selectAll()
    .where('departure_id', '=', departureId)
    .where('status', 'in', statuses);
  if (options.email !== undefined) query = query.where('email', '=', options.email);
  query = query.orderBy('position');
  return (options.limit === undefined ? query : query.limit(options.limit)).execute();
}

/** How many entries wait on the departure. */
export async function countWaiting(db: Db, departureId: string): Promise<number> {
  const row = await db
    .selectFrom('waitlist_entries')
    .select((eb) => eb.fn.countAll<string>().as('waiting'))
    .where('departure_id', '=', departureId)
    .where('status', '=', 'waiting')
    .executeTakeFirstOrThrow();
  return Number(row.waiting);
}

/** Moves one entry from `from` to its next status; only a row still in `from` changes, so a repeat or a race changes nothing. */
export function moveWaitlistEntry(
  db: Db,
  id: string,
  from: WaitlistStatus,
  changes: Updateable<TenantDatabase['waitlist_entries']>,
): Promise<WaitlistEntryRow | undefined> {
  return db
    .updateTable('waitlist_entries')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', from)
    .returningAll()
    .executeTakeFirst();
}

/** Withdraws every entry still waiting on the departure. */
export function withdrawWaitingEntries(db: Db, departureId: string, now: Date): Promise<WaitlistEntryRow[]> {
  return db
    .updateTable('waitlist_entries')
    .set({ status: 'withdrawn', updated_at: now })
    .where('departure_id', '=', departureId)
    .where('status', '=', 'waiting')
    .returningAll()
    .execute();
}
