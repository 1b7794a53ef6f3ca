import { describe, expect, it } from 'vitest';
import { SeatInventory } from '../seat-inventory.ts';
import { segmentFare } from './fares.ts';
import { journeysFor } from './journeys.ts';
import { findFlight, flightsBetween } from './timetable.ts';

const WINTER_DAY = '2027-01-20';
const MONSOON_DAY = '2027-07-20';
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

describe('himalayan-gds timetable', () => {
  it('gives arrival times in the local time of the arrival airport', () => {
    const delhi = findFlight('RA', '215', 'KTM', 'DEL', WINTER_DAY)!;
    // 10:40 in Kathmandu (UTC+05:45) plus 1 h 40 min is 12:05 in Delhi (UTC+05:30).
    expect([delhi.departureDate, clock(delhi.departureMinutes), delhi.arrivalDate, clock(delhi.arrivalMinutes)]).toEqual([
      WINTER_DAY,
      '10:40',
      WINTER_DAY,
      '12:05',
    ]);
    const lateDubai = findFlight('FZ', '577', 'KTM', 'DXB', WINTER_DAY)!;
    expect([clock(lateDubai.arrivalMinutes), lateDubai.arrivalDate]).toEqual(['23:25', WINTER_DAY]);
  });

  it('flies the aircraft back after its turnaround, as the next flight number', () => {
    const out = findFlight('U4', '601', 'KTM', 'PKR', WINTER_DAY)!;
    const back = findFlight('U4', '602', 'PKR', 'KTM', WINTER_DAY)!;
    expect(back.departsAt - (out.departsAt + out.durationMinutes * 60_000)).toBe(30 * 60_000);
    expect(back.equipment).toBe(out.equipment);
  });

  it('serves mountain airstrips in the morning only, and less in the monsoon', () => {
    const winter = flightsBetween('KTM', 'LUA', WINTER_DAY);
    const monsoon = flightsBetween('KTM', 'LUA', MONSOON_DAY);
    expect(winter.every((flight) => flight.departureMinutes < 10 * 60 + 30 && flight.mountain && flight.seats.Y <= 16)).toBe(
      true,
    );
    expect(monsoon.length).toBeGreaterThan(0);
    expect(monsoon.length).toBeLessThan(5);
    expect(monsoon.every((flight) => flight.departureMinutes < 8 * 60)).toBe(true);
  });

  it('operates some international flights on given weekdays only', () => {
    const week = Array.from({ length: 7 }, (_, day) => `2027-01-${String(18 + day).padStart(2, '0')}`);
    expect(week.filter((date) => findFlight('RA', '229', 'KTM', 'DXB', date)).length).toBe(3);
  });

  it('connects through Kathmandu with time to change planes', () => {
    const journeys = journeysFor('PKR', 'DXB', WINTER_DAY, { nonstopOnly: false, bookableFrom: 0 });
    expect(journeys.length).toBeGreaterThan(0);
    for (const [first, second] of journeys) {
      expect(first!.destination.code).toBe('KTM');
      expect(second!.departsAt - (first!.departsAt + first!.durationMinutes * 60_000)).toBeGreaterThanOrEqual(120 * 60_000);
    }
    expect(journeysFor('PKR', 'DXB', WINTER_DAY, { nonstopOnly: true, bookableFrom: 0 })).toEqual([]);
  });

  it('opens dearer booking classes as the cabin fills', () => {
    const flight = findFlight('YT', '101', 'KTM', 'LUA', WINTER_DAY)!;
    const inventory = new SeatInventory();
    const empty = segmentFare(flight, 'Y', inventory.soldOn(flight, 'Y'), 0)!;
    inventory.sell([flight], 'Y', 8);
    const halfFull = segmentFare(flight, 'Y', inventory.soldOn(flight, 'Y'), 0)!;
    expect([empty.rbd, halfFull.rbd]).toEqual(['Q', 'L']);
    expect(halfFull.byPassenger.ADT.base.amountMinor).toBeGreaterThan(empty.byPassenger.ADT.base.amountMinor);
    expect(empty.byPassenger.CH.base.amountMinor).toBeLessThan(empty.byPassenger.ADT.base.amountMinor);
    expect(empty.byPassenger.INF.taxes).toEqual([]);
    inventory.sell([flight], 'Y', 8);
    expect(segmentFare(flight, 'Y', inventory.soldOn(flight, 'Y'), 0)).toBeUndefined();
    inventory.restore([flight], 'Y', 8);
    expect(segmentFare(flight, 'Y', inventory.soldOn(flight, 'Y'), 0)!.rbd).toBe('L');
  });
});
