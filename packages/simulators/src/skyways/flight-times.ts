import { AIRPORTS, type ScheduledFlight } from './network.ts';

/** One scheduled flight on one day: its instants, and its local times as skyways prints them (with offset). */
export interface DatedFlight {
  flight: ScheduledFlight;
  /** Local departure date at the origin, YYYY-MM-DD. */
  date: string;
  departureMs: number;
  arrivalMs: number;
  departureLocal: string;
  arrivalLocal: string;
}

function offsetOf(airport: string): number {
  const found = AIRPORTS.get(airport);
  if (!found) throw new Error(`unknown airport ${airport}`);
  return found.utcOffsetMinutes;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An instant as local time at an airport: 2027-01-20T07:00:00+05:45. */
export function localDateTime(instantMs: number, airport: string): string {
  const offset = offsetOf(airport);
  return `${new Date(instantMs + offset * 60_000).toISOString().slice(0, 19)}${formatOffset(offset)}`;
}

/** The instant of a local date and HH:MM at an airport. */
export function instantAt(date: string, time: string, airport: string): number {
  return Date.parse(`${date}T${time}:00Z`) - offsetOf(airport) * 60_000;
}

/** ISO weekday (1 = Monday) of a calendar date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function operatesOn(flight: ScheduledFlight, date: string): boolean {
  return !flight.days || flight.days.includes(isoWeekday(date));
}

export function datedFlight(flight: ScheduledFlight, date: string): DatedFlight {
  const departureMs = instantAt(date, flight.departs, flight.origin);
  const arrivalMs = departureMs + flight.blockMinutes * 60_000;
  return {
    flight,
    date,
    departureMs,
    arrivalMs,
    departureLocal: localDateTime(departureMs, flight.origin),
    arrivalLocal: localDateTime(arrivalMs, flight.destination),
  };
}
