import { addDays } from '../local-time.ts';
import { HUB, isDomestic } from './airports.ts';
import { flightsBetween, type ScheduledFlight } from './timetable.ts';

/** Minimum connecting time at Kathmandu: domestic to domestic, or through immigration and security. */
const MIN_CONNECTION_MINUTES = { domestic: 45, international: 120 };
const MAX_CONNECTION_MINUTES = 8 * 60;

function arrivesAt(flight: ScheduledFlight): number {
  return flight.departsAt + flight.durationMinutes * 60_000;
}

/**
 * Ways to fly `origin` to `destination` leaving on a local date: non-stop flights, and (unless
 * non-stop is asked for) one connection through Kathmandu, on the same or the next day.
 * Flights leaving within `bookableFrom` are closed for sale.
 */
export function journeysFor(
  origin: string,
  destination: string,
  date: string,
  options: { nonstopOnly: boolean; bookableFrom: number },
): ScheduledFlight[][] {
  const open = (flight: ScheduledFlight) => flight.departsAt >= options.bookableFrom;
  const journeys: ScheduledFlight[][] = flightsBetween(origin, destination, date)
    .filter(open)
    .map((flight) => [flight]);
  if (options.nonstopOnly || origin === HUB || destination === HUB) return journeys;
  const onward = [...flightsBetween(HUB, destination, date), ...flightsBetween(HUB, destination, addDays(date, 1))];
  for (const first of flightsBetween(origin, HUB, date).filter(open)) {
    for (const second of onward) {
      const domestic = isDomestic(first.origin, first.destination) && isDomestic(second.origin, second.destination);
      const minutes = (second.departsAt - arrivesAt(first)) / 60_000;
      const minimum = domestic ? MIN_CONNECTION_MINUTES.domestic : MIN_CONNECTION_MINUTES.international;
      if (minutes >= minimum && minutes <= MAX_CONNECTION_MINUTES) journeys.push([first, second]);
    }
  }
  return journeys.sort((a, b) => a[0]!.departsAt - b[0]!.departsAt);
}

/** Elapsed minutes from the first departure to the last arrival. */
export function elapsedMinutes(journey: readonly ScheduledFlight[]): number {
  return (arrivesAt(journey.at(-1)!) - journey[0]!.departsAt) / 60_000;
}
