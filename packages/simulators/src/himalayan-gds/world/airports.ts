/**
 * The airports of the simulated network. Local times are what the dialect speaks, so each airport
 * carries its fixed UTC offset (none of these countries keeps summer time; Nepal is UTC+05:45).
 * `mountain` marks STOL airstrips whose flights run on visual rules in the morning only.
 */
export interface Airport {
  code: string;
  city: string;
  country: string;
  utcOffsetMinutes: number;
  mountain: boolean;
}

const NEPAL = 5 * 60 + 45;

function airport(code: string, city: string, country: string, utcOffsetMinutes: number, mountain = false): Airport {
  return { code, city, country, utcOffsetMinutes, mountain };
}

export const AIRPORTS: ReadonlyMap<string, Airport> = new Map(
  [
    airport('KTM', 'Kathmandu', 'NP', NEPAL),
    airport('PKR', 'Pokhara', 'NP', NEPAL),
    airport('BWA', 'Bhairahawa', 'NP', NEPAL),
    airport('BIR', 'Biratnagar', 'NP', NEPAL),
    airport('JKR', 'Janakpur', 'NP', NEPAL),
    airport('BDP', 'Bhadrapur', 'NP', NEPAL),
    airport('BHR', 'Bharatpur', 'NP', NEPAL),
    airport('DHI', 'Dhangadhi', 'NP', NEPAL),
    airport('KEP', 'Nepalgunj', 'NP', NEPAL),
    airport('SIF', 'Simara', 'NP', NEPAL),
    airport('SKH', 'Surkhet', 'NP', NEPAL),
    airport('TMI', 'Tumlingtar', 'NP', NEPAL),
    airport('RHP', 'Ramechhap', 'NP', NEPAL),
    airport('LUA', 'Lukla', 'NP', NEPAL, true),
    airport('JMO', 'Jomsom', 'NP', NEPAL, true),
    airport('JUM', 'Jumla', 'NP', NEPAL, true),
    airport('DOP', 'Dolpa', 'NP', NEPAL, true),
    airport('DEL', 'Delhi', 'IN', 5 * 60 + 30),
    airport('VNS', 'Varanasi', 'IN', 5 * 60 + 30),
    airport('DAC', 'Dhaka', 'BD', 6 * 60),
    airport('DXB', 'Dubai', 'AE', 4 * 60),
    airport('DOH', 'Doha', 'QA', 3 * 60),
    airport('BKK', 'Bangkok', 'TH', 7 * 60),
    airport('KUL', 'Kuala Lumpur', 'MY', 8 * 60),
  ].map((a) => [a.code, a]),
);

/** The hub every connection goes through: Nepal's domestic network is a star around Kathmandu. */
export const HUB = 'KTM';

export function isDomestic(origin: Airport, destination: Airport): boolean {
  return origin.country === 'NP' && destination.country === 'NP';
}

/** The agencies' offices are in Nepal: time limits and quote validity are given in Nepal time. */
export const OFFICE_UTC_OFFSET_MINUTES = NEPAL;
