import type { Money } from '@himal/gds';
import { hashSeed } from '../../harness/simulator-clock.ts';
import type { Cabin } from './aircraft.ts';
import { isDomestic } from './airports.ts';
import type { ScheduledFlight } from './timetable.ts';

export type PassengerType = 'ADT' | 'CH' | 'INF';
export const PASSENGER_TYPES: readonly PassengerType[] = ['ADT', 'CH', 'INF'];

export interface Tax {
  code: string;
  country: string;
  amount: Money;
}

/** One flight's fare for one passenger type, in the fare's filing currency. */
export interface PassengerFare {
  base: Money;
  taxes: Tax[];
  fareBasis: string;
}

export interface SegmentFare {
  rbd: string;
  refundable: boolean;
  seatsLeft: number;
  byPassenger: Record<PassengerType, PassengerFare>;
}

/**
 * Revenue management: the open booking class follows the load factor. The first half of the
 * cabin sells in the lowest class; as seats go, higher classes open and the same seat costs more.
 * Selling seats therefore moves the price the next traveller sees, and cancelling moves it back.
 */
const BUCKETS: Record<Cabin, Array<{ rbd: string; untilLoadPercent: number; pricePercent: number }>> = {
  Y: [
    { rbd: 'Q', untilLoadPercent: 50, pricePercent: 100 },
    { rbd: 'L', untilLoadPercent: 75, pricePercent: 115 },
    { rbd: 'M', untilLoadPercent: 90, pricePercent: 132 },
    { rbd: 'Y', untilLoadPercent: 100, pricePercent: 155 },
  ],
  C: [
    { rbd: 'D', untilLoadPercent: 60, pricePercent: 100 },
    { rbd: 'C', untilLoadPercent: 100, pricePercent: 125 },
  ],
};

/** Departure taxes per passenger (not infants) by the country flown from, in USD cents. */
const DEPARTURE_TAXES_USD_CENTS: Record<string, Array<[code: string, cents: number]>> = {
  NP: [
    ['NQ', 850],
    ['NZ', 1300],
  ],
  IN: [['IN', 960]],
  BD: [['BD', 1075]],
  AE: [['AE', 2015]],
  QA: [['QA', 1400]],
  TH: [['TS', 1935]],
  MY: [['MY', 1320]],
};

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/** The adult fare of the cheapest class, in whole units of the filing currency. */
function filedFareUnits(flight: ScheduledFlight, cabin: Cabin): number {
  // Each carrier prices a route within about ±10% of the market, the same way every day.
  const carrierPermille = 920 + (hashSeed(`${flight.carrier}/${flight.origin.code}/${flight.destination.code}`) % 200);
  const cabinPercent = cabin === 'C' ? 320 : 100;
  if (isDomestic(flight.origin, flight.destination)) {
    const mountainPercent = flight.mountain ? 150 : 100;
    const market = (2600 + 95 * flight.durationMinutes) * mountainPercent * cabinPercent * carrierPermille;
    return roundTo(market / (100 * 100 * 1000), 10);
  }
  const market = (55 + (11 * flight.durationMinutes) / 10) * cabinPercent * carrierPermille;
  return Math.round(market / (100 * 1000));
}

function taxesFor(flight: ScheduledFlight, currency: string): Tax[] {
  if (currency === 'NPR') {
    return [
      { code: 'YQ', country: 'NP', amount: { amountMinor: 40 * flight.durationMinutes * 100, currency } },
      { code: 'NP', country: 'NP', amount: { amountMinor: 200 * 100, currency } },
    ];
  }
  const fuel: Tax = {
    code: 'YQ',
    country: flight.origin.country,
    amount: { amountMinor: 25 * flight.durationMinutes, currency },
  };
  const departure = (DEPARTURE_TAXES_USD_CENTS[flight.origin.country] ?? []).map(([code, cents]) => ({
    code,
    country: flight.origin.country,
    amount: { amountMinor: cents, currency },
  }));
  return [fuel, ...departure];
}

/**
 * The fare of the next seat sold on `flight` in `cabin`, with `driftBasisPoints` of market drift
 * on top (the price-change fault). Undefined when the cabin is full or not offered.
 */
export function segmentFare(
  flight: ScheduledFlight,
  cabin: Cabin,
  sold: number,
  driftBasisPoints: number,
): SegmentFare | undefined {
  const capacity = flight.seats[cabin];
  if (!capacity || sold >= capacity) return undefined;
  const bucket = BUCKETS[cabin].find((b) => sold * 100 < capacity * b.untilLoadPercent) ?? BUCKETS[cabin].at(-1)!;
  const domestic = isDomestic(flight.origin, flight.destination);
  const currency = domestic ? 'NPR' : 'USD';
  const step = domestic ? 10 : 1;
  const adultUnits = roundTo(
    (filedFareUnits(flight, cabin) * bucket.pricePercent * (10_000 + driftBasisPoints)) / (100 * 10_000),
    step,
  );
  const fareBasis = `${bucket.rbd}OW${domestic ? 'NP' : 'IT'}`;
  const taxes = taxesFor(flight, currency);
  const fare = (units: number, withTaxes: boolean, suffix: string): PassengerFare => ({
    base: { amountMinor: units * 100, currency },
    taxes: withTaxes ? taxes : [],
    fareBasis: `${fareBasis}${suffix}`,
  });
  return {
    rbd: bucket.rbd,
    // The lowest international class is sold non-refundable.
    refundable: domestic || bucket.rbd !== 'Q',
    seatsLeft: capacity - sold,
    byPassenger: {
      ADT: fare(adultUnits, true, ''),
      CH: fare(roundTo((adultUnits * 75) / 100, step), true, 'CH'),
      INF: fare(roundTo((adultUnits * 10) / 100, step), false, 'IN'),
    },
  };
}
