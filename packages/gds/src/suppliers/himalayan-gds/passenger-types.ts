import type { AirSearchRequest, CabinClass } from '../../products/air.ts';

export type Ptc = 'ADT' | 'CH' | 'INF';
export const PTCS: readonly Ptc[] = ['ADT', 'CH', 'INF'];

const PTC_OF: Record<AirSearchRequest['passengers'][number]['type'], Ptc> = {
  adult: 'ADT',
  child: 'CH',
  infant_without_seat: 'INF',
};

export function ptcOf(type: AirSearchRequest['passengers'][number]['type']): Ptc {
  return PTC_OF[type];
}

export function ptcCounts(
  passengers: ReadonlyArray<{ type: AirSearchRequest['passengers'][number]['type'] }>,
): Record<Ptc, number> {
  const counts: Record<Ptc, number> = { ADT: 0, CH: 0, INF: 0 };
  for (const passenger of passengers) counts[ptcOf(passenger.type)] += 1;
  return counts;
}

/** Seats a party takes: infants sit on a lap. */
export function seatCount(counts: Record<Ptc, number>): number {
  return counts.ADT + counts.CH;
}

/** Traveller references as the GDS numbers them: adults, then children; each infant shares its adult's number. */
export function travellerRefs(counts: Record<Ptc, number>): Record<Ptc, string[]> {
  return {
    ADT: Array.from({ length: counts.ADT }, (_, i) => String(i + 1)),
    CH: Array.from({ length: counts.CH }, (_, i) => String(counts.ADT + i + 1)),
    INF: Array.from({ length: counts.INF }, (_, i) => String(i + 1)),
  };
}

const CABIN_CODES: Record<CabinClass, string> = { economy: 'Y', premium_economy: 'W', business: 'C', first: 'F' };

export function cabinCode(cabin: CabinClass): string {
  return CABIN_CODES[cabin];
}

export function cabinClassOf(code: string | undefined, fallback: CabinClass): CabinClass {
  return (Object.entries(CABIN_CODES).find(([, value]) => value === code)?.[0] as CabinClass | undefined) ?? fallback;
}
