import {
  FARE_BRANDS,
  SAVER_CLOSES_AT_SEATS,
  quoteFare,
  type FareBrand,
  type FareQuote,
  type PassengerMix,
  type PricingContext,
} from './fares.ts';
import { addDays, datedFlight, operatesOn, type DatedFlight } from './flight-times.ts';
import { SCHEDULE, flightsFrom, type Cabin } from './network.ts';
import { SALES_CLOSE_BEFORE_DEPARTURE_MS } from './reservations.ts';

export interface SliceQuery {
  origin: string;
  destination: string;
  date: string;
}

export interface PricedOption {
  slices: DatedFlight[][];
  quote: FareQuote;
  /** Fewest seats left in the booked cabin over all segments. */
  seatsLeft: number;
}

const MIN_CONNECTION_MS = 75 * 60_000;
const MAX_CONNECTION_MS = 10 * 3_600_000;

function onSale(leg: DatedFlight, now: Date): boolean {
  return leg.departureMs - now.getTime() >= SALES_CLOSE_BEFORE_DEPARTURE_MS;
}

function departuresOn(origin: string, date: string, now: Date): DatedFlight[] {
  return flightsFrom(origin)
    .filter((flight) => operatesOn(flight, date))
    .map((flight) => datedFlight(flight, date))
    .filter((leg) => onSale(leg, now));
}

/** Non-stop flights, and one-stop connections through any airport skyways serves. */
export function sliceOptions(query: SliceQuery, maxConnections: number, now: Date): DatedFlight[][] {
  const first = departuresOn(query.origin, query.date, now);
  const options: DatedFlight[][] = first.filter((leg) => leg.flight.destination === query.destination).map((leg) => [leg]);
  if (maxConnections < 1) return options;
  for (const leg of first) {
    const via = leg.flight.destination;
    if (via === query.destination) continue;
    const onward = [...departuresOn(via, leg.date, now), ...departuresOn(via, addDays(leg.date, 1), now)];
    for (const next of onward) {
      const connection = next.departureMs - leg.arrivalMs;
      if (next.flight.destination === query.destination && connection >= MIN_CONNECTION_MS && connection <= MAX_CONNECTION_MS) {
        options.push([leg, next]);
      }
    }
  }
  return options;
}

export function brandsFor(cabin: Cabin): FareBrand[] {
  return FARE_BRANDS.filter((brand) => brand.cabin === cabin);
}

/** Seats the brand can still sell on every leg for `seats` travellers (saver closes before the cabin does). */
export function seatsLeftFor(legs: DatedFlight[], brand: FareBrand, seats: number, context: PricingContext): number | undefined {
  const left = Math.min(...legs.map((leg) => context.seatsLeft({ flight: leg.flight, date: leg.date, cabin: brand.cabin })));
  const reserve = brand.name === 'saver' ? SAVER_CLOSES_AT_SEATS : 0;
  return left - reserve >= seats ? left - reserve : undefined;
}

/**
 * The most combinations one search builds per fare brand before it sorts them. Every slice keeps
 * only its cheapest options once the product of the slices' options would pass it, so a six-slice
 * search costs what a short one does (a real GDS prunes the same way) instead of billions of
 * combinations; a two-slice search keeps 64 options a slice, more than any route here has.
 */
export const MAX_COMBINATIONS_PER_BRAND = 4_096;

function cartesian<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((combos, list) => combos.flatMap((combo) => list.map((item) => [...combo, item])), [[]]);
}

/** Every bookable combination of slice options and fare brands, cheapest first. */
export function searchItineraries(
  slices: SliceQuery[],
  cabin: Cabin,
  mix: PassengerMix,
  currency: string,
  options: { maxConnections: number; maxResponses: number; accepts?: (carriers: string[]) => boolean },
  context: PricingContext,
): PricedOption[] {
  const seats = mix.ADT + mix.CHD;
  const accepts = options.accepts ?? (() => true);
  const perSlice = slices.map((slice) =>
    sliceOptions(slice, options.maxConnections, context.now).filter((legs) => accepts(legs.map((leg) => leg.flight.carrier))),
  );
  const keep = Math.max(1, Math.floor(MAX_COMBINATIONS_PER_BRAND ** (1 / perSlice.length)));
  const results: PricedOption[] = [];
  for (const brand of brandsFor(cabin)) {
    // Fares add up leg by leg, so a slice's own fare ranks its options for the whole journey.
    const cheapest = perSlice.map((choices) =>
      choices.length <= keep
        ? choices
        : choices
            .map((legs) => ({ legs, fare: quoteFare(legs, brand, mix, currency, context).total }))
            .sort((a, b) => a.fare - b.fare)
            .slice(0, keep)
            .map((option) => option.legs),
    );
    for (const combination of cartesian(cheapest)) {
      const legs = combination.flat();
      if (!legs.every((leg, i) => i === 0 || leg.departureMs > legs[i - 1]!.arrivalMs)) continue;
      const seatsLeft = seatsLeftFor(legs, brand, seats, context);
      if (seatsLeft === undefined) continue;
      results.push({ slices: combination, quote: quoteFare(legs, brand, mix, currency, context), seatsLeft });
    }
  }
  return results
    .sort((a, b) => a.quote.total - b.quote.total || a.slices[0]![0]!.departureMs - b.slices[0]![0]!.departureMs)
    .slice(0, options.maxResponses);
}

/** The scheduled flight a request names, if it flies that day from that airport. */
export function findDatedFlight(carrier: string, flightNumber: string, origin: string, date: string): DatedFlight | undefined {
  const flight = SCHEDULE.find((f) => f.carrier === carrier && f.flightNumber === flightNumber && f.origin === origin);
  return flight && operatesOn(flight, date) ? datedFlight(flight, date) : undefined;
}
