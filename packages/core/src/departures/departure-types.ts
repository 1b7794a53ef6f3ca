import type { Money } from '@himal/gds';
import type { ItineraryDay } from './itinerary-days.ts';

/** The agency's own inventory as the rest of the platform sees it (rows are mapped in departure-rows.ts). */

export interface Trip {
  id: string;
  slug: string;
  name: string;
  summary: string;
  createdAt: Date;
  updatedAt: Date;
}

export type TripSummary = Pick<Trip, 'id' | 'slug' | 'name' | 'summary'>;

/** One immutable version of a trip's itinerary. */
export interface ItineraryVersion {
  id: string;
  tripId: string;
  version: number;
  days: ItineraryDay[];
  createdAt: Date;
}

export type TripWithItinerary = Trip & { itinerary: ItineraryVersion };

export type DepartureStatus = 'scheduled' | 'cancelled';

export interface Departure {
  id: string;
  tripId: string;
  /** The version new sales are made on; orders keep the version they were sold on. */
  itineraryVersionId: string;
  /** First and last day of travel, YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
  capacity: number;
  heldSeats: number;
  bookedSeats: number;
  /** capacity - held - booked. */
  seatsAvailable: number;
  /** Per seat. */
  price: Money;
  status: DepartureStatus;
  createdAt: Date;
  updatedAt: Date;
}

export type ListedDeparture = Departure & { trip: TripSummary };

/** A departure as the public API shows one: its trip and the itinerary it is sold on. */
export type DepartureDetails = ListedDeparture & { itinerary: ItineraryVersion };

/** A departure's seat counts after a seat statement. */
export interface DepartureSeats {
  departureId: string;
  status: DepartureStatus;
  capacity: number;
  heldSeats: number;
  bookedSeats: number;
  seatsAvailable: number;
}

/** What a hold of seats gives the order item that takes them. */
export interface SeatHold {
  departureId: string;
  tripId: string;
  /** For the item's description. */
  tripName: string;
  /** The version sold: stored on the order item, never changed by later itinerary versions. */
  itineraryVersionId: string;
  startsOn: string;
  endsOn: string;
  seats: number;
  /** Per seat. */
  price: Money;
}

export type WaitlistStatus = 'waiting' | 'promoted' | 'booked' | 'lapsed' | 'withdrawn';

/** Who waits: what the order a promotion makes is filled from. */
export interface WaitlistTraveller {
  title?: 'mr' | 'ms' | 'mrs' | 'miss' | 'dr';
  givenName: string;
  familyName: string;
  dateOfBirth?: string;
  phone?: string;
}

export interface WaitlistEntry {
  id: string;
  departureId: string;
  /** Arrival order (a sequence shared by every departure of the agency): lowest is promoted first. */
  position: number;
  seats: number;
  status: WaitlistStatus;
  traveller: WaitlistTraveller;
  /** Lower case. */
  email: string;
  language: string;
  /** The order a promotion made. */
  orderId: string | null;
  promotedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}
