import { describe, expect, it } from 'vitest';
import { FARE_BRANDS, quoteFare } from './fares.ts';
import { datedFlight } from './flight-times.ts';
import { sliceOptions } from './itineraries.ts';
import { AIRCRAFT_SEATS, AIRPORTS, CARRIERS, SCHEDULE, flightKey, routeFares } from './network.ts';

describe('skyways seeded world', () => {
  it('has one timetable entry per flight, between known airports, on known carriers and aircraft, with fares', () => {
    const keys = SCHEDULE.map(flightKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const flight of SCHEDULE) {
      expect(AIRPORTS.has(flight.origin) && AIRPORTS.has(flight.destination), flightKey(flight)).toBe(true);
      expect(CARRIERS.has(flight.carrier), flight.carrier).toBe(true);
      expect(AIRCRAFT_SEATS[flight.aircraft], flight.aircraft).toBeDefined();
      expect(routeFares(flight.origin, flight.destination).saver).toBeGreaterThan(0);
    }
  });

  it('serves every airport of the region', () => {
    const served = new Set(SCHEDULE.flatMap((f) => [f.origin, f.destination]));
    expect([...served].sort()).toEqual(['BIR', 'BKK', 'BOM', 'BWA', 'DEL', 'DOH', 'DXB', 'JKR', 'KTM', 'KUL', 'PKR', 'SIN']);
  });

  it('prints local times with each airport’s offset, arrival after departure', () => {
    const flight = SCHEDULE.find((f) => f.carrier === 'MH' && f.flightNumber === '115')!;
    const leg = datedFlight(flight, '2027-01-20');
    expect(leg.departureLocal).toBe('2027-01-20T14:45:00+05:45');
    expect(leg.arrivalLocal).toBe('2027-01-20T21:50:00+08:00');
    expect(leg.arrivalMs - leg.departureMs).toBe(290 * 60_000);
  });

  it('connects through a hub where no flight is non-stop (Kathmandu to Singapore)', () => {
    const now = new Date('2027-01-01T00:00:00Z');
    const options = sliceOptions({ origin: 'KTM', destination: 'SIN', date: '2027-01-20' }, 1, now);
    expect(options.length).toBeGreaterThan(0);
    for (const legs of options) {
      expect(legs).toHaveLength(2);
      expect(legs[1]!.departureMs - legs[0]!.arrivalMs).toBeGreaterThanOrEqual(75 * 60_000);
    }
    expect(sliceOptions({ origin: 'KTM', destination: 'SIN', date: '2027-01-20' }, 0, now)).toEqual([]);
  });

  it('prices exactly: party totals are the sum of passenger fares, children pay less, infants no taxes', () => {
    const leg = datedFlight(
      SCHEDULE.find((f) => f.carrier === 'RA' && f.flightNumber === '211')!,
      '2027-01-20',
    );
    const context = { now: new Date('2027-01-01T00:00:00Z'), adjustmentPercent: 0, seatsLeft: () => 30 };
    const quote = quoteFare([leg], FARE_BRANDS[1]!, { ADT: 2, CHD: 1, INF: 1 }, 'NPR', context);
    const [adult, child, infant] = quote.passengers;
    expect(child!.base).toBeLessThan(adult!.base);
    expect(infant!.taxes).toEqual([]);
    expect(quote.total).toBe(quote.passengers.reduce((sum, p) => sum + p.total * p.quantity, 0));
    expect(adult!.base % 100).toBe(0);
    expect(quoteFare([leg], FARE_BRANDS[1]!, { ADT: 2, CHD: 1, INF: 1 }, 'NPR', context)).toEqual(quote);
  });

  it('moves fares as seats sell out and departure nears, the same way every time', () => {
    const leg = datedFlight(
      SCHEDULE.find((f) => f.carrier === 'QR' && f.flightNumber === '647')!,
      '2027-03-10',
    );
    const adult = { ADT: 1, CHD: 0, INF: 0 };
    const fare = (seats: number, now: string, adjustmentPercent = 0) =>
      quoteFare([leg], FARE_BRANDS[1]!, adult, 'USD', { now: new Date(now), adjustmentPercent, seatsLeft: () => seats }).base;
    const early = '2027-01-01T00:00:00Z';
    expect(fare(3, early)).toBeGreaterThan(fare(8, early));
    expect(fare(8, early)).toBeGreaterThan(fare(30, early));
    expect(fare(30, '2027-03-08T00:00:00Z')).toBeGreaterThan(fare(30, early));
    expect(fare(30, early, 10)).toBeGreaterThan(fare(30, early));
    expect(fare(30, early)).toBe(fare(30, early));
  });
});
