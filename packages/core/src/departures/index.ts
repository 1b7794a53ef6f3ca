// The agency's own inventory: trips with versioned itineraries, dated departures whose counted
// seats are never oversold, and waitlists that pass freed seats on in arrival order. The order
// engine calls the seat and waitlist functions inside its own transactions.
export { createTrip, type CreateTripInput } from './create-trip.ts';
export { publishItineraryVersion } from './publish-itinerary-version.ts';
export { createDeparture, type CreateDepartureInput } from './create-departure.ts';
export { moveDepartureToLatestItinerary } from './move-departure-to-latest-itinerary.ts';
export { setDepartureCapacity } from './set-departure-capacity.ts';
export { cancelDeparture } from './cancel-departure.ts';
export {
  listDepartures,
  DEFAULT_DEPARTURE_PAGE_SIZE,
  MAX_DEPARTURE_PAGE_SIZE,
  type ListDeparturesQuery,
  type DeparturePage,
} from './list-departures.ts';
export { getDeparture } from './get-departure.ts';
export { getItineraryVersion } from './get-itinerary-version.ts';
export { holdSeats } from './hold-seats.ts';
export { bookHeldSeats } from './book-held-seats.ts';
export { releaseHeldSeats, releaseBookedSeats } from './release-seats.ts';
export { joinWaitlist, type JoinWaitlistInput } from './join-waitlist.ts';
export { promoteWaitlist, type HoldSeatsForEntry, type PromotedEntry } from './promote-waitlist.ts';
export { endPromotion } from './end-promotion.ts';
export { withdrawFromWaitlist } from './withdraw-from-waitlist.ts';
export {
  itineraryDaySchema,
  itineraryDaysSchema,
  MAX_ITINERARY_DAYS,
  MAX_ALTITUDE_METRES,
  type ItineraryDay,
} from './itinerary-days.ts';
export { MAX_DEPARTURE_CAPACITY, tripSlugSchema } from './departure-rules.ts';
export { MAX_WAITLIST_SEATS, MAX_WAITING_ENTRIES, waitlistTravellerSchema } from './waitlist-rules.ts';
export { INVENTORY_ID_PREFIXES, isInventoryId } from './departure-ids.ts';
export type {
  Trip,
  TripSummary,
  TripWithItinerary,
  ItineraryVersion,
  Departure,
  DepartureStatus,
  ListedDeparture,
  DepartureDetails,
  DepartureSeats,
  SeatHold,
  WaitlistEntry,
  WaitlistStatus,
  WaitlistTraveller,
} from './departure-types.ts';
