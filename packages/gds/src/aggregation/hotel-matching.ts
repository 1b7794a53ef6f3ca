import type { HotelProperty } from '../products/hotel.ts';
import { cityOf } from '../reference/airports.ts';
import { nameSimilarity, nameTokens } from './hotel-name.ts';

/** One supplier's listing of a property. */
export interface PropertyListing {
  supplierId: string;
  hotel: HotelProperty;
}

export interface ListingComparison {
  /** Name similarity in [0, 1] (generic words and the city's name left out). */
  name: number;
  /** Great-circle distance in km, when both listings have coordinates. */
  distanceKm?: number;
  sameCity: boolean;
  /** How sure the match is, in [0, 1]; 0 when the rules say these are different properties. */
  score: number;
}

/**
 * The rules, in order of how much a listing tells: two listings in different cities are different
 * properties. With coordinates on both sides, a near-identical name may be up to 1.5 km apart
 * (suppliers geocode entrances, centroids or old addresses), a merely similar one up to 300 m.
 * Without coordinates only a near-identical name in the same city matches.
 */
export const MATCH_RULES = {
  sameNameMinSimilarity: 0.85,
  sameNameMaxKm: 1.5,
  similarNameMinSimilarity: 0.6,
  similarNameMaxKm: 0.3,
  withoutCoordinatesMinSimilarity: 0.95,
} as const;

const EARTH_RADIUS_KM = 6371.0088;

export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

function cityKey(hotel: HotelProperty): string | undefined {
  return hotel.cityCode ? (cityOf(hotel.cityCode)?.code ?? hotel.cityCode) : undefined;
}

function tokensOf(hotel: HotelProperty): string[] {
  const city = hotel.cityCode ? cityOf(hotel.cityCode) : undefined;
  return nameTokens(hotel.name, { placeWords: city ? [city.name, ...city.otherNames] : [] });
}

function hasCoordinates(hotel: HotelProperty): hotel is HotelProperty & { latitude: number; longitude: number } {
  return typeof hotel.latitude === 'number' && typeof hotel.longitude === 'number';
}

export function compareListings(a: HotelProperty, b: HotelProperty): ListingComparison {
  const cityA = cityKey(a);
  const cityB = cityKey(b);
  const sameCity = !cityA || !cityB || cityA === cityB;
  const name = nameSimilarity(tokensOf(a), tokensOf(b));
  const distance = hasCoordinates(a) && hasCoordinates(b) ? distanceKm(a, b) : undefined;
  const rules = MATCH_RULES;
  let matches: boolean;
  if (!sameCity) matches = false;
  else if (distance === undefined) matches = name >= rules.withoutCoordinatesMinSimilarity && !!cityA && !!cityB;
  else
    matches =
      (name >= rules.sameNameMinSimilarity && distance <= rules.sameNameMaxKm) ||
      (name >= rules.similarNameMinSimilarity && distance <= rules.similarNameMaxKm);
  // Closer and more alike ranks first when one listing could join several.
  const proximity = distance === undefined ? 0.5 : Math.max(0, 1 - distance / rules.sameNameMaxKm);
  return { name, distanceKm: distance, sameCity, score: matches ? 0.8 * name + 0.2 * proximity : 0 };
}

/**
 * Groups listings of the same property across suppliers. A supplier lists a property once, so a
 * group never holds two listings of one supplier; where a listing could join several groups, the
 * best-scoring pair wins (greedy, highest score first), which keeps a chain's two hotels in one
 * city apart when each has its own counterpart.
 */
export function groupSameProperties<Listing extends PropertyListing>(listings: Listing[]): Listing[][] {
  // Only listings in the same city (or without one) are compared.
  const byCity = new Map<string, number[]>();
  listings.forEach((listing, index) => {
    const key = cityKey(listing.hotel) ?? '';
    byCity.set(key, [...(byCity.get(key) ?? []), index]);
  });
  const uncitied = byCity.get('') ?? [];
  const pairs: Array<{ i: number; j: number; score: number }> = [];
  const compared = new Set<string>();
  for (const [key, members] of byCity) {
    const pool = key === '' ? members : [...members, ...uncitied];
    for (let x = 0; x < pool.length; x++) {
      for (let y = x + 1; y < pool.length; y++) {
        const i = Math.min(pool[x]!, pool[y]!);
        const j = Math.max(pool[x]!, pool[y]!);
        if (listings[i]!.supplierId === listings[j]!.supplierId || compared.has(`${i} ${j}`)) continue;
        compared.add(`${i} ${j}`);
        const { score } = compareListings(listings[i]!.hotel, listings[j]!.hotel);
        if (score > 0) pairs.push({ i, j, score });
      }
    }
  }
  pairs.sort((p, q) => q.score - p.score || p.i - q.i || p.j - q.j);

  const groupOf = listings.map((_, index) => index);
  const members = new Map<number, number[]>(listings.map((_, index) => [index, [index]]));
  for (const { i, j } of pairs) {
    const gi = groupOf[i]!;
    const gj = groupOf[j]!;
    if (gi === gj) continue;
    const left = members.get(gi)!;
    const right = members.get(gj)!;
    const suppliers = new Set(left.map((m) => listings[m]!.supplierId));
    if (right.some((m) => suppliers.has(listings[m]!.supplierId))) continue;
    for (const m of right) groupOf[m] = gi;
    left.push(...right);
    members.delete(gj);
  }
  return [...members.values()].map((group) => group.sort((a, b) => a - b).map((index) => listings[index]!));
}
