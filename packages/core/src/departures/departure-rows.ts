import type {
  DepartureRow,
  DepartureWithTripRow,
  ItineraryVersionRow,
  TripRow,
  WaitlistEntryRow,
} from './departure-repository.ts';
import type { ItineraryDay } from './itinerary-days.ts';
import type {
  Departure,
  DepartureSeats,
  ListedDeparture,
  ItineraryVersion,
  Trip,
  TripSummary,
  WaitlistEntry,
  WaitlistTraveller,
} from './departure-types.ts';

/**
 * Rows (snake_case, bigint as string) to the domain's types. Amounts stay integer minor units: a
 * departure's price is far below 2^53, and insertion refuses anything that is not a safe integer.
 */

export function toTrip(row: TripRow): Trip {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    summary: row.summary,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toTripSummary(row: Pick<TripRow, 'id' | 'slug' | 'name' | 'summary'>): TripSummary {
  return { id: row.id, slug: row.slug, name: row.name, summary: row.summary };
}

export function toItineraryVersion(row: ItineraryVersionRow): ItineraryVersion {
  return { id: row.id, tripId: row.trip_id, version: row.version, days: row.days as ItineraryDay[], createdAt: row.created_at };
}

export function toDepartureSeats(
  row: Pick<DepartureRow, 'id' | 'status' | 'capacity' | 'held_seats' | 'booked_seats'>,
): DepartureSeats {
  return {
    departureId: row.id,
    status: row.status,
    capacity: row.capacity,
    heldSeats: row.held_seats,
    bookedSeats: row.booked_seats,
    seatsAvailable: row.capacity - row.held_seats - row.booked_seats,
  };
}

export function toDeparture(row: DepartureRow): Departure {
  return {
    id: row.id,
    tripId: row.trip_id,
    itineraryVersionId: row.itinerary_version_id,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    capacity: row.capacity,
    heldSeats: row.held_seats,
    bookedSeats: row.booked_seats,
    seatsAvailable: row.capacity - row.held_seats - row.booked_seats,
    price: { amountMinor: Number(row.price_minor), currency: row.currency },
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toListedDeparture(row: DepartureWithTripRow): ListedDeparture {
  return {
    ...toDeparture(row),
    trip: toTripSummary({ id: row.trip_id, slug: row.trip_slug, name: row.trip_name, summary: row.trip_summary }),
  };
}

export function toWaitlistEntry(row: WaitlistEntryRow): WaitlistEntry {
  return {
    id: row.id,
    departureId: row.departure_id,
    position: Number(row.position),
    seats: row.seats,
    status: row.status,
    traveller: row.traveller as WaitlistTraveller,
    email: row.email,
    language: row.language,
    orderId: row.order_id,
    promotedAt: row.promoted_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
