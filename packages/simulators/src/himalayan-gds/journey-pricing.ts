import { addMoney, type Money } from '@himal/gds';
import type { SeatInventory } from './seat-inventory.ts';
import type { Cabin } from './world/aircraft.ts';
import { toCurrency } from './world/currency.ts';
import { PASSENGER_TYPES, segmentFare, type PassengerType, type SegmentFare, type Tax } from './world/fares.ts';
import type { ScheduledFlight } from './world/timetable.ts';

export type PassengerCounts = Record<PassengerType, number>;

export interface PassengerPrice {
  base: Money;
  taxes: Tax[];
  taxTotal: Money;
  total: Money;
}

export interface PricedJourney {
  flights: ScheduledFlight[];
  cabin: Cabin;
  currency: string;
  segments: SegmentFare[];
  /** Per passenger of each type present, in the answer's currency. */
  byPassenger: Partial<Record<PassengerType, PassengerPrice>>;
  base: Money;
  taxes: Money;
  total: Money;
  refundable: boolean;
}

export function seatsNeeded(passengers: PassengerCounts): number {
  // Infants sit on a lap.
  return passengers.ADT + passengers.CH;
}

function sum(amounts: Money[], currency: string): Money {
  return amounts.reduce(addMoney, { amountMinor: 0, currency });
}

function times(amount: Money, count: number): Money {
  return { amountMinor: amount.amountMinor * count, currency: amount.currency };
}

/**
 * Prices flights for a party at what is open now: each flight's current class, converted into the
 * answer's currency amount by amount. 'sold-out' when a flight cannot seat the party.
 */
export function priceJourney(
  flights: ScheduledFlight[],
  cabin: Cabin,
  passengers: PassengerCounts,
  currency: string,
  inventory: SeatInventory,
  driftBasisPoints: number,
): PricedJourney | 'sold-out' {
  const segments: SegmentFare[] = [];
  for (const flight of flights) {
    const fare = segmentFare(flight, cabin, inventory.soldOn(flight, cabin), driftBasisPoints);
    if (!fare || fare.seatsLeft < seatsNeeded(passengers)) return 'sold-out';
    segments.push(fare);
  }
  const byPassenger: PricedJourney['byPassenger'] = {};
  for (const type of PASSENGER_TYPES) {
    if (passengers[type] === 0) continue;
    const base = sum(
      segments.map((segment) => toCurrency(segment.byPassenger[type].base, currency)),
      currency,
    );
    const taxes = segments.flatMap((segment) =>
      segment.byPassenger[type].taxes.map((tax) => ({ ...tax, amount: toCurrency(tax.amount, currency) })),
    );
    const taxTotal = sum(
      taxes.map((tax) => tax.amount),
      currency,
    );
    byPassenger[type] = { base, taxes, taxTotal, total: addMoney(base, taxTotal) };
  }
  const priced = PASSENGER_TYPES.filter((type) => byPassenger[type]);
  return {
    flights,
    cabin,
    currency,
    segments,
    byPassenger,
    base: sum(
      priced.map((type) => times(byPassenger[type]!.base, passengers[type])),
      currency,
    ),
    taxes: sum(
      priced.map((type) => times(byPassenger[type]!.taxTotal, passengers[type])),
      currency,
    ),
    total: sum(
      priced.map((type) => times(byPassenger[type]!.total, passengers[type])),
      currency,
    ),
    refundable: segments.every((segment) => segment.refundable),
  };
}
