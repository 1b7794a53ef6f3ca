/**
 * Skyways' seeded world: airports around Nepal and the region, the carriers it sells, and a daily
 * timetable per route. Times are local; none of these countries keeps daylight saving time, so one
 * fixed UTC offset per airport is exact.
 */

export type Cabin = 'economy' | 'business';

export interface Airport {
  code: string;
  country: string;
  /** Minutes east of UTC. */
  utcOffsetMinutes: number;
}

export interface Carrier {
  code: string;
  name: string;
  /** IATA numeric prefix of its ticket numbers. */
  ticketPrefix: string;
  cabins: Cabin[];
}

/** One scheduled flight, the same every day it operates. */
export interface ScheduledFlight {
  carrier: string;
  flightNumber: string;
  origin: string;
  destination: string;
  /** Local departure time at the origin, HH:MM. */
  departs: string;
  blockMinutes: number;
  aircraft: string;
  /** ISO weekdays it operates (1 = Monday); every day when absent. */
  days?: number[];
}

/** Published one-way fares per passenger and segment, in US cents (the currency skyways files in). */
export interface RouteFares {
  saver: number;
  flex: number;
  business: number;
}

const airportList: Airport[] = [
  { code: 'KTM', country: 'NP', utcOffsetMinutes: 345 },
  { code: 'PKR', country: 'NP', utcOffsetMinutes: 345 },
  { code: 'BWA', country: 'NP', utcOffsetMinutes: 345 },
  { code: 'BIR', country: 'NP', utcOffsetMinutes: 345 },
  { code: 'JKR', country: 'NP', utcOffsetMinutes: 345 },
  { code: 'DEL', country: 'IN', utcOffsetMinutes: 330 },
  { code: 'BOM', country: 'IN', utcOffsetMinutes: 330 },
  { code: 'DXB', country: 'AE', utcOffsetMinutes: 240 },
  { code: 'DOH', country: 'QA', utcOffsetMinutes: 180 },
  { code: 'BKK', country: 'TH', utcOffsetMinutes: 420 },
  { code: 'SIN', country: 'SG', utcOffsetMinutes: 480 },
  { code: 'KUL', country: 'MY', utcOffsetMinutes: 480 },
];
export const AIRPORTS = new Map(airportList.map((a) => [a.code, a]));

const carrierList: Carrier[] = [
  { code: 'U4', name: 'Buddha Air', ticketPrefix: '851', cabins: ['economy'] },
  { code: 'YT', name: 'Yeti Airlines', ticketPrefix: '852', cabins: ['economy'] },
  { code: 'RA', name: 'Nepal Airlines', ticketPrefix: '285', cabins: ['economy', 'business'] },
  { code: 'H9', name: 'Himalaya Airlines', ticketPrefix: '853', cabins: ['economy', 'business'] },
  { code: 'AI', name: 'Air India', ticketPrefix: '098', cabins: ['economy', 'business'] },
  { code: '6E', name: 'IndiGo', ticketPrefix: '312', cabins: ['economy'] },
  { code: 'FZ', name: 'flydubai', ticketPrefix: '141', cabins: ['economy', 'business'] },
  { code: 'EK', name: 'Emirates', ticketPrefix: '176', cabins: ['economy', 'business'] },
  { code: 'QR', name: 'Qatar Airways', ticketPrefix: '157', cabins: ['economy', 'business'] },
  { code: 'TG', name: 'Thai Airways', ticketPrefix: '217', cabins: ['economy', 'business'] },
  { code: 'MH', name: 'Malaysia Airlines', ticketPrefix: '232', cabins: ['economy', 'business'] },
  { code: 'SQ', name: 'Singapore Airlines', ticketPrefix: '618', cabins: ['economy', 'business'] },
];
export const CARRIERS = new Map(carrierList.map((c) => [c.code, c]));

interface RouteDefinition {
  between: [string, string];
  blockMinutes: number;
  fares: RouteFares;
  /** [carrier, flight number, local departure, aircraft, days?]; outbound from the first airport, back from the second. */
  out: Array<[string, string, string, string, number[]?]>;
  back: Array<[string, string, string, string, number[]?]>;
}

// prettier-ignore
const routes: RouteDefinition[] = [
  // Nepal domestic: short turboprop hops, one cabin.
  {
    between: ['KTM', 'PKR'], blockMinutes: 25, fares: { saver: 7000, flex: 9500, business: 0 },
    out: [['U4', '601', '07:00', 'AT7'], ['YT', '671', '08:15', 'AT7'], ['U4', '603', '10:30', 'AT7'], ['YT', '673', '12:45', 'AT7'], ['U4', '605', '14:00', 'AT7'], ['YT', '675', '16:30', 'AT7'], ['U4', '607', '17:15', 'AT7']],
    back: [['U4', '602', '08:00', 'AT7'], ['YT', '672', '09:15', 'AT7'], ['U4', '604', '11:30', 'AT7'], ['YT', '674', '13:45', 'AT7'], ['U4', '606', '15:00', 'AT7'], ['YT', '676', '17:30', 'AT7'], ['U4', '608', '18:15', 'AT7']],
  },
  {
    between: ['KTM', 'BWA'], blockMinutes: 35, fares: { saver: 8500, flex: 11500, business: 0 },
    out: [['U4', '621', '07:45', 'AT7'], ['YT', '681', '11:00', 'AT7'], ['U4', '623', '15:30', 'AT7']],
    back: [['U4', '622', '08:50', 'AT7'], ['YT', '682', '12:05', 'AT7'], ['U4', '624', '16:35', 'AT7']],
  },
  {
    between: ['KTM', 'BIR'], blockMinutes: 40, fares: { saver: 9000, flex: 12000, business: 0 },
    out: [['U4', '641', '06:45', 'AT7'], ['YT', '691', '09:30', 'AT7'], ['U4', '643', '12:00', 'AT7'], ['U4', '645', '16:45', 'AT7']],
    back: [['U4', '642', '07:55', 'AT7'], ['YT', '692', '10:40', 'AT7'], ['U4', '644', '13:10', 'AT7'], ['U4', '646', '17:55', 'AT7']],
  },
  {
    between: ['KTM', 'JKR'], blockMinutes: 30, fares: { saver: 7500, flex: 10000, business: 0 },
    out: [['U4', '661', '10:15', 'AT4'], ['YT', '661', '14:30', 'AT4', [1, 3, 5, 7]]],
    back: [['U4', '662', '11:15', 'AT4'], ['YT', '662', '15:30', 'AT4', [1, 3, 5, 7]]],
  },
  // Nepal to the region.
  {
    between: ['KTM', 'DEL'], blockMinutes: 95, fares: { saver: 14000, flex: 21000, business: 42000 },
    out: [['RA', '211', '11:30', '320'], ['AI', '216', '13:05', '320'], ['6E', '1152', '14:10', '320']],
    back: [['RA', '212', '08:15', '320'], ['AI', '215', '09:40', '320'], ['6E', '1151', '11:25', '320']],
  },
  {
    between: ['KTM', 'BOM'], blockMinutes: 165, fares: { saver: 19000, flex: 27000, business: 56000 },
    out: [['6E', '1158', '15:00', '320'], ['RA', '219', '10:45', '320', [2, 4, 6]]],
    back: [['6E', '1157', '10:55', '320'], ['RA', '220', '15:05', '320', [2, 4, 6]]],
  },
  {
    between: ['KTM', 'DXB'], blockMinutes: 270, fares: { saver: 26000, flex: 36000, business: 90000 },
    out: [['FZ', '576', '10:05', '7M8'], ['RA', '229', '22:30', '320'], ['FZ', '574', '20:40', '7M8']],
    back: [['FZ', '575', '04:25', '7M8'], ['RA', '230', '13:55', '320'], ['FZ', '573', '15:10', '7M8']],
  },
  {
    between: ['KTM', 'DOH'], blockMinutes: 300, fares: { saver: 29000, flex: 40000, business: 120000 },
    out: [['QR', '647', '07:55', '788'], ['QR', '649', '20:15', '788']],
    back: [['QR', '646', '01:10', '788'], ['QR', '648', '08:25', '788']],
  },
  {
    between: ['KTM', 'BKK'], blockMinutes: 195, fares: { saver: 23000, flex: 32000, business: 78000 },
    out: [['TG', '320', '13:10', '333'], ['RA', '401', '11:00', '320', [2, 4, 6]]],
    back: [['TG', '319', '10:25', '333'], ['RA', '402', '16:45', '320', [2, 4, 6]]],
  },
  {
    between: ['KTM', 'KUL'], blockMinutes: 290, fares: { saver: 24000, flex: 33000, business: 82000 },
    out: [['MH', '115', '14:45', '738'], ['H9', '711', '09:55', '320'], ['RA', '415', '23:00', '320', [1, 3, 5]]],
    back: [['MH', '114', '09:20', '738'], ['H9', '712', '16:40', '320'], ['RA', '416', '08:10', '320', [2, 4, 6]]],
  },
  // Regional trunk routes, for connections beyond Kathmandu.
  {
    between: ['DEL', 'BOM'], blockMinutes: 130, fares: { saver: 7000, flex: 11000, business: 30000 },
    out: [['AI', '805', '06:00', '32N'], ['6E', '2175', '07:15', '320'], ['AI', '887', '10:00', '32N'], ['6E', '2177', '13:30', '320'], ['AI', '665', '17:00', '32N'], ['6E', '2179', '20:00', '320']],
    back: [['AI', '806', '06:30', '32N'], ['6E', '2176', '08:00', '320'], ['AI', '888', '12:15', '32N'], ['6E', '2178', '15:45', '320'], ['AI', '666', '19:10', '32N'], ['6E', '2180', '21:30', '320']],
  },
  {
    between: ['DEL', 'DXB'], blockMinutes: 215, fares: { saver: 21000, flex: 30000, business: 85000 },
    out: [['EK', '511', '04:15', '77W'], ['AI', '995', '09:20', '788'], ['EK', '515', '10:15', '77W'], ['FZ', '434', '19:35', '7M8']],
    back: [['EK', '510', '09:55', '77W'], ['AI', '996', '13:05', '788'], ['EK', '514', '21:50', '77W'], ['FZ', '433', '14:05', '7M8']],
  },
  {
    between: ['DEL', 'DOH'], blockMinutes: 240, fares: { saver: 23000, flex: 32000, business: 110000 },
    out: [['QR', '579', '04:25', '788'], ['QR', '571', '19:50', '359']],
    back: [['QR', '570', '02:15', '359'], ['QR', '578', '19:45', '788']],
  },
  {
    between: ['DEL', 'BKK'], blockMinutes: 250, fares: { saver: 20000, flex: 29000, business: 76000 },
    out: [['TG', '332', '23:30', '333'], ['AI', '332', '13:30', '32N'], ['6E', '1063', '22:00', '321']],
    back: [['TG', '331', '19:15', '333'], ['AI', '333', '08:45', '32N'], ['6E', '1064', '03:40', '321']],
  },
  {
    between: ['DEL', 'SIN'], blockMinutes: 330, fares: { saver: 28000, flex: 39000, business: 125000 },
    out: [['SQ', '403', '09:40', '359'], ['AI', '380', '22:00', '788'], ['SQ', '407', '23:00', '359']],
    back: [['SQ', '402', '08:50', '359'], ['AI', '381', '11:05', '788'], ['SQ', '406', '18:20', '359']],
  },
  {
    between: ['BKK', 'SIN'], blockMinutes: 145, fares: { saver: 12000, flex: 17000, business: 45000 },
    out: [['TG', '403', '08:00', '359'], ['SQ', '709', '09:35', '359'], ['TG', '409', '13:05', '333'], ['SQ', '715', '18:10', '359']],
    back: [['TG', '404', '11:20', '359'], ['SQ', '708', '07:50', '359'], ['TG', '410', '16:45', '333'], ['SQ', '714', '15:25', '359']],
  },
  {
    between: ['KUL', 'SIN'], blockMinutes: 60, fares: { saver: 6000, flex: 9000, business: 25000 },
    out: [['MH', '603', '07:00', '738'], ['SQ', '105', '09:15', '738'], ['MH', '605', '12:30', '738'], ['SQ', '109', '16:40', '738'], ['MH', '609', '19:00', '738']],
    back: [['MH', '602', '08:30', '738'], ['SQ', '104', '10:45', '738'], ['MH', '606', '14:10', '738'], ['SQ', '108', '18:05', '738'], ['MH', '610', '20:30', '738']],
  },
  {
    between: ['BKK', 'KUL'], blockMinutes: 130, fares: { saver: 11000, flex: 16000, business: 42000 },
    out: [['MH', '783', '09:55', '738'], ['TG', '415', '14:20', '320']],
    back: [['MH', '782', '07:15', '738'], ['TG', '416', '17:30', '320']],
  },
  {
    between: ['DXB', 'DOH'], blockMinutes: 70, fares: { saver: 9000, flex: 14000, business: 38000 },
    out: [['QR', '1001', '07:20', '320'], ['FZ', '001', '10:45', '7M8'], ['EK', '847', '16:05', '77W']],
    back: [['QR', '1002', '06:10', '320'], ['FZ', '002', '13:55', '7M8'], ['EK', '848', '19:30', '77W']],
  },
];

function toFlights(origin: string, destination: string, blockMinutes: number, rows: RouteDefinition['out']): ScheduledFlight[] {
  return rows.map(([carrier, flightNumber, departs, aircraft, days]) => ({
    carrier,
    flightNumber,
    origin,
    destination,
    departs,
    blockMinutes,
    aircraft,
    days,
  }));
}

export const SCHEDULE: ScheduledFlight[] = routes.flatMap((route) => [
  ...toFlights(route.between[0], route.between[1], route.blockMinutes, route.out),
  ...toFlights(route.between[1], route.between[0], route.blockMinutes, route.back),
]);

const faresByPair = new Map<string, RouteFares>();
for (const route of routes) {
  faresByPair.set(route.between.join('-'), route.fares);
  faresByPair.set([...route.between].reverse().join('-'), route.fares);
}

export function routeFares(origin: string, destination: string): RouteFares {
  const fares = faresByPair.get(`${origin}-${destination}`);
  if (!fares) throw new Error(`skyways flies no route ${origin}-${destination}`);
  return fares;
}

/** Seats per cabin of each aircraft as skyways configures it. */
export const AIRCRAFT_SEATS: Record<string, Record<Cabin, number>> = {
  AT4: { economy: 48, business: 0 },
  AT7: { economy: 70, business: 0 },
  '320': { economy: 150, business: 8 },
  '32N': { economy: 162, business: 8 },
  '321': { economy: 222, business: 0 },
  '738': { economy: 144, business: 16 },
  '7M8': { economy: 150, business: 12 },
  '788': { economy: 232, business: 22 },
  '333': { economy: 305, business: 36 },
  '359': { economy: 253, business: 40 },
  '77W': { economy: 310, business: 42 },
};

export function flightKey(flight: Pick<ScheduledFlight, 'carrier' | 'flightNumber' | 'origin'>): string {
  return `${flight.carrier}${flight.flightNumber}-${flight.origin}`;
}

export function flightsFrom(origin: string): ScheduledFlight[] {
  return SCHEDULE.filter((f) => f.origin === origin);
}
