import { SeededRandom, hashSeed } from '../../harness/simulator-clock.ts';
import { addDays, clockToMinutes, isoWeekday, localToEpochMs } from '../local-time.ts';
import { cabinSeats, type CabinSeats } from './aircraft.ts';
import { AIRPORTS, type Airport } from './airports.ts';

/**
 * The published timetable. Each route lists its outbound departures; the same aircraft flies the
 * return (flight number + 1) after a turnaround at the far end. Mountain airstrips (Lukla, Jomsom,
 * Jumla, Dolpa) are served in the early morning only, and their weather decides, date by date,
 * how long the morning window stays open: a whole rotation is cancelled when its outbound leg
 * would leave after the window has closed.
 */
interface Departure {
  carrier: string;
  number: number;
  departs: string;
  equipment: string;
  /** ISO weekdays operated (Monday 1); daily when omitted. */
  days?: string;
}

interface Route {
  from: string;
  to: string;
  minutes: number;
  departures: Departure[];
}

const ROUTES: Route[] = [
  // Domestic trunk routes from Kathmandu.
  {
    from: 'KTM',
    to: 'PKR',
    minutes: 25,
    departures: [
      { carrier: 'U4', number: 601, departs: '06:30', equipment: 'AT7' },
      { carrier: 'YT', number: 671, departs: '07:15', equipment: 'AT7' },
      { carrier: 'U4', number: 603, departs: '09:00', equipment: 'AT7' },
      { carrier: 'N9', number: 121, departs: '10:30', equipment: 'DH4' },
      { carrier: 'U4', number: 605, departs: '13:00', equipment: 'AT7' },
      { carrier: 'YT', number: 675, departs: '15:30', equipment: 'AT7' },
      { carrier: 'U4', number: 607, departs: '17:10', equipment: 'AT7' },
    ],
  },
  {
    from: 'KTM',
    to: 'BWA',
    minutes: 35,
    departures: [
      { carrier: 'U4', number: 651, departs: '07:45', equipment: 'AT7' },
      { carrier: 'YT', number: 691, departs: '11:20', equipment: 'AT7' },
      { carrier: 'N9', number: 141, departs: '16:00', equipment: 'DH4' },
    ],
  },
  {
    from: 'KTM',
    to: 'BIR',
    minutes: 40,
    departures: [
      { carrier: 'U4', number: 631, departs: '06:45', equipment: 'AT7' },
      { carrier: 'YT', number: 681, departs: '09:30', equipment: 'AT7' },
      { carrier: 'N9', number: 131, departs: '12:15', equipment: 'DH4' },
      { carrier: 'U4', number: 635, departs: '16:30', equipment: 'AT7' },
    ],
  },
  {
    from: 'KTM',
    to: 'JKR',
    minutes: 25,
    departures: [
      { carrier: 'U4', number: 611, departs: '08:30', equipment: 'AT5' },
      { carrier: 'YT', number: 661, departs: '14:10', equipment: 'AT7' },
    ],
  },
  {
    from: 'KTM',
    to: 'BDP',
    minutes: 50,
    departures: [
      { carrier: 'U4', number: 641, departs: '07:30', equipment: 'AT7' },
      { carrier: 'YT', number: 701, departs: '13:45', equipment: 'AT7' },
    ],
  },
  {
    from: 'KTM',
    to: 'BHR',
    minutes: 20,
    departures: [
      { carrier: 'U4', number: 621, departs: '08:10', equipment: 'AT5' },
      { carrier: 'YT', number: 721, departs: '15:00', equipment: 'AT7' },
    ],
  },
  {
    from: 'KTM',
    to: 'SIF',
    minutes: 20,
    departures: [
      { carrier: 'U4', number: 625, departs: '11:40', equipment: 'AT5' },
      { carrier: 'YT', number: 751, departs: '16:20', equipment: 'AT7' },
    ],
  },
  {
    from: 'KTM',
    to: 'DHI',
    minutes: 75,
    departures: [
      { carrier: 'U4', number: 661, departs: '07:00', equipment: 'AT7' },
      { carrier: 'N9', number: 151, departs: '12:40', equipment: 'DH4' },
    ],
  },
  {
    from: 'KTM',
    to: 'KEP',
    minutes: 55,
    departures: [
      { carrier: 'U4', number: 671, departs: '06:50', equipment: 'AT7' },
      { carrier: 'YT', number: 731, departs: '10:00', equipment: 'AT7' },
    ],
  },
  { from: 'KTM', to: 'TMI', minutes: 35, departures: [{ carrier: 'YT', number: 741, departs: '08:00', equipment: 'D28' }] },
  // Mountain sectors: Twin Otters and Dorniers, mornings only.
  {
    from: 'KTM',
    to: 'LUA',
    minutes: 35,
    departures: [
      { carrier: 'YT', number: 101, departs: '06:15', equipment: 'DHT' },
      { carrier: 'RA', number: 301, departs: '06:45', equipment: 'DHT' },
      { carrier: 'YT', number: 103, departs: '07:00', equipment: 'D28' },
      { carrier: 'YT', number: 105, departs: '08:30', equipment: 'DHT' },
      { carrier: 'RA', number: 303, departs: '09:40', equipment: 'DHT' },
    ],
  },
  {
    from: 'RHP',
    to: 'LUA',
    minutes: 20,
    departures: [
      { carrier: 'YT', number: 121, departs: '06:30', equipment: 'DHT' },
      { carrier: 'YT', number: 123, departs: '07:20', equipment: 'D28' },
      { carrier: 'YT', number: 125, departs: '09:10', equipment: 'DHT' },
    ],
  },
  {
    from: 'PKR',
    to: 'JMO',
    minutes: 20,
    departures: [
      { carrier: 'YT', number: 111, departs: '06:40', equipment: 'DHT' },
      { carrier: 'YT', number: 113, departs: '07:30', equipment: 'D28' },
      { carrier: 'YT', number: 115, departs: '09:00', equipment: 'DHT' },
    ],
  },
  {
    from: 'KEP',
    to: 'JUM',
    minutes: 40,
    departures: [
      { carrier: 'RA', number: 321, departs: '07:00', equipment: 'DHT' },
      { carrier: 'YT', number: 131, departs: '08:15', equipment: 'D28' },
    ],
  },
  { from: 'KEP', to: 'DOP', minutes: 40, departures: [{ carrier: 'RA', number: 331, departs: '07:30', equipment: 'DHT' }] },
  { from: 'KEP', to: 'SKH', minutes: 20, departures: [{ carrier: 'RA', number: 341, departs: '10:00', equipment: 'DHT' }] },
  // International.
  {
    from: 'KTM',
    to: 'DEL',
    minutes: 100,
    departures: [
      { carrier: 'RA', number: 215, departs: '10:40', equipment: '320' },
      { carrier: '6E', number: 1151, departs: '12:05', equipment: '32N' },
      { carrier: 'AI', number: 213, departs: '13:20', equipment: '32N' },
    ],
  },
  {
    from: 'KTM',
    to: 'VNS',
    minutes: 65,
    departures: [{ carrier: 'U4', number: 211, departs: '12:30', equipment: 'AT7', days: '135' }],
  },
  { from: 'KTM', to: 'DAC', minutes: 75, departures: [{ carrier: 'BG', number: 371, departs: '13:45', equipment: '738' }] },
  {
    from: 'KTM',
    to: 'DXB',
    minutes: 265,
    departures: [
      { carrier: 'FZ', number: 575, departs: '10:15', equipment: '7M8' },
      { carrier: 'FZ', number: 577, departs: '20:45', equipment: '7M8' },
      { carrier: 'RA', number: 229, departs: '21:45', equipment: '320', days: '246' },
    ],
  },
  {
    from: 'KTM',
    to: 'DOH',
    minutes: 285,
    departures: [
      { carrier: 'QR', number: 649, departs: '11:10', equipment: '788' },
      { carrier: 'QR', number: 647, departs: '20:05', equipment: '320' },
      { carrier: 'H9', number: 531, departs: '22:30', equipment: '320', days: '1357' },
    ],
  },
  {
    from: 'KTM',
    to: 'BKK',
    minutes: 190,
    departures: [
      { carrier: 'TG', number: 319, departs: '13:05', equipment: '320' },
      { carrier: 'RA', number: 415, departs: '10:00', equipment: '320', days: '357' },
    ],
  },
  {
    from: 'KTM',
    to: 'KUL',
    minutes: 280,
    departures: [
      { carrier: 'MH', number: 115, departs: '10:35', equipment: '738' },
      { carrier: 'RA', number: 417, departs: '21:30', equipment: '332', days: '246' },
    ],
  },
];

export interface ScheduledFlight {
  /** Inventory key: carrier, number and local departure date, e.g. U4601/2027-01-20. */
  key: string;
  carrier: string;
  number: string;
  origin: Airport;
  destination: Airport;
  departureDate: string;
  departureMinutes: number;
  arrivalDate: string;
  arrivalMinutes: number;
  departsAt: number;
  durationMinutes: number;
  equipment: string;
  seats: CabinSeats;
  /** Touches a mountain airstrip: weather-dependent. */
  mountain: boolean;
}

/** One direction of one rotation, as the timetable generates it. */
interface Leg {
  carrier: string;
  number: string;
  from: Airport;
  to: Airport;
  minutes: number;
  equipment: string;
  /** Local departure, minutes after midnight of the day it leaves. */
  departs: number;
  days: Set<number>;
  /** The rotation's outbound departure (local at its origin), which the weather window is judged on. */
  rotationDeparts: number;
  /** Days between the rotation's outbound day and this leg's day (a return after midnight). */
  dayShift: number;
  mountain: boolean;
}

const TURNAROUND_MINUTES = { mountain: 20, domestic: 30, international: 60 };

function airportCode(code: string): Airport {
  const airport = AIRPORTS.get(code);
  if (!airport) throw new Error(`timetable names unknown airport ${code}`);
  return airport;
}

function buildLegs(): Leg[] {
  const legs: Leg[] = [];
  for (const route of ROUTES) {
    const from = airportCode(route.from);
    const to = airportCode(route.to);
    const mountain = from.mountain || to.mountain;
    const turnaround = mountain
      ? TURNAROUND_MINUTES.mountain
      : from.country === to.country
        ? TURNAROUND_MINUTES.domestic
        : TURNAROUND_MINUTES.international;
    for (const departure of route.departures) {
      const departs = clockToMinutes(departure.departs);
      const days = new Set((departure.days ?? '1234567').split('').map(Number));
      const common = {
        carrier: departure.carrier,
        minutes: route.minutes,
        equipment: departure.equipment,
        rotationDeparts: departs,
        mountain,
      };
      legs.push({ ...common, number: String(departure.number), from, to, departs, days, dayShift: 0 });
      // The return leaves after the turnaround, in the far end's local time, rounded up to 5 minutes.
      const arrivesThere = departs + route.minutes + to.utcOffsetMinutes - from.utcOffsetMinutes;
      const returnAt = Math.ceil((arrivesThere + turnaround) / 5) * 5;
      const dayShift = Math.floor(returnAt / 1440);
      const returnDays = new Set([...days].map((day) => ((day - 1 + dayShift) % 7) + 1));
      legs.push({
        ...common,
        number: String(departure.number + 1),
        from: to,
        to: from,
        departs: returnAt - dayShift * 1440,
        days: returnDays,
        dayShift,
      });
    }
  }
  return legs;
}

const LEGS = buildLegs();
const LEGS_BY_ROUTE = new Map<string, Leg[]>();
for (const leg of LEGS) {
  const key = `${leg.from.code}-${leg.to.code}`;
  LEGS_BY_ROUTE.set(
    key,
    [...(LEGS_BY_ROUTE.get(key) ?? []), leg].sort((a, b) => a.departs - b.departs),
  );
}

/**
 * When the morning window at a mountain airstrip closes on a date (minutes after local midnight):
 * in the monsoon (June to September) by 08:00, on a cloudy day (one in five, seeded) by 08:00,
 * otherwise it stays open for the whole timetable.
 */
function mountainWindowCloses(leg: Leg, rotationDate: string): number {
  const month = Number(rotationDate.slice(5, 7));
  if (month >= 6 && month <= 9) return clockToMinutes('08:00');
  const airstrip = leg.from.mountain ? leg.from.code : leg.to.code;
  const cloudy = new SeededRandom(hashSeed(`weather/${airstrip}/${rotationDate}`)).next() < 0.2;
  return cloudy ? clockToMinutes('08:00') : 24 * 60;
}

function operates(leg: Leg, date: string): boolean {
  if (!leg.days.has(isoWeekday(date))) return false;
  if (!leg.mountain) return true;
  return leg.rotationDeparts < mountainWindowCloses(leg, addDays(date, -leg.dayShift));
}

function scheduled(leg: Leg, date: string): ScheduledFlight {
  const departsAt = localToEpochMs(date, leg.departs, leg.from.utcOffsetMinutes);
  const arrivalLocal = leg.departs + leg.minutes + leg.to.utcOffsetMinutes - leg.from.utcOffsetMinutes;
  const arrivalDayShift = Math.floor(arrivalLocal / 1440);
  return {
    key: `${leg.carrier}${leg.number}/${date}`,
    carrier: leg.carrier,
    number: leg.number,
    origin: leg.from,
    destination: leg.to,
    departureDate: date,
    departureMinutes: leg.departs,
    arrivalDate: addDays(date, arrivalDayShift),
    arrivalMinutes: arrivalLocal - arrivalDayShift * 1440,
    departsAt,
    durationMinutes: leg.minutes,
    equipment: leg.equipment,
    seats: cabinSeats(leg.carrier, leg.equipment),
    mountain: leg.mountain,
  };
}

/** The flights operating from `origin` to `destination` on a local date, by departure time. */
export function flightsBetween(origin: string, destination: string, date: string): ScheduledFlight[] {
  return (LEGS_BY_ROUTE.get(`${origin}-${destination}`) ?? [])
    .filter((leg) => operates(leg, date))
    .map((leg) => scheduled(leg, date));
}

/** One flight by its identity, if it operates that date. */
export function findFlight(
  carrier: string,
  number: string,
  origin: string,
  destination: string,
  date: string,
): ScheduledFlight | undefined {
  return flightsBetween(origin, destination, date).find((flight) => flight.carrier === carrier && flight.number === number);
}
