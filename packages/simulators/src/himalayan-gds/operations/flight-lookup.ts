import { GDS_ERRORS, GdsErrorReply, withDetail } from '../error-catalogue.ts';
import { fromEdifactDate } from '../local-time.ts';
import type { Cabin } from '../world/aircraft.ts';
import { findFlight, type ScheduledFlight } from '../world/timetable.ts';

/** How close to departure a flight still sells. */
export const SALES_CLOSE_MS = 2 * 3_600_000;

const CABIN_OF_CLASS: Record<string, Cabin> = { Q: 'Y', L: 'Y', M: 'Y', Y: 'Y', D: 'C', C: 'C' };

interface FlightIdentity {
  carrier: string;
  number: string;
  origin: string;
  destination: string;
  /** DDMMYY */
  date: string;
}

/** A flight named in a message, if it operates and is still on sale. */
export function saleableFlight(identity: FlightIdentity, now: number): ScheduledFlight {
  const date = fromEdifactDate(identity.date);
  const flight = date && findFlight(identity.carrier, identity.number, identity.origin, identity.destination, date);
  const name = `${identity.carrier}${identity.number} ${identity.date}`;
  if (!flight) throw new GdsErrorReply(withDetail(GDS_ERRORS.flightNotOperating, name));
  if (flight.departsAt < now + SALES_CLOSE_MS)
    throw new GdsErrorReply(withDetail(GDS_ERRORS.flightNotOperating, `${name} CLOSED FOR SALE`));
  return flight;
}

/** The cabin a booking class belongs to (economy when no class is given). */
function cabinOfClass(bookingClass: string | undefined): Cabin {
  const cabin = CABIN_OF_CLASS[bookingClass ?? 'Y'];
  if (!cabin) throw new GdsErrorReply(withDetail(GDS_ERRORS.formatError, `UNKNOWN CLASS ${bookingClass}`));
  return cabin;
}

/** All flights of one message are sold in one cabin. */
export function singleCabin(bookingClasses: Array<string | undefined>): Cabin {
  const cabins = new Set(bookingClasses.map(cabinOfClass));
  if (cabins.size !== 1) throw new GdsErrorReply(withDetail(GDS_ERRORS.formatError, 'MIXED CABINS'));
  return [...cabins][0]!;
}
