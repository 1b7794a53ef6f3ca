import { SeededRandom, hashSeed } from '../harness/simulator-clock.ts';

const EARTH_RADIUS_KM = 6371;
const METRES_PER_DEGREE_LATITUDE = 111_320;

/** Great-circle distance in kilometres. */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = toRadians(b.latitude - a.latitude);
  const dLon = toRadians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.latitude)) * Math.cos(toRadians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
}

/**
 * Where a supplier says a property is: the true point moved a deterministic 30–100 % of
 * `maxMetres` in a seeded direction, rounded to the decimals that supplier publishes. Two
 * catalogues geocode the same hotel from different sources, so they never agree exactly.
 */
export function publishedPosition(
  truth: { latitude: number; longitude: number },
  seed: string,
  maxMetres: number,
  decimals: number,
): { latitude: number; longitude: number } {
  const random = new SeededRandom(hashSeed(seed));
  const metres = maxMetres * (0.3 + 0.7 * random.next());
  const bearing = 2 * Math.PI * random.next();
  const latitude = truth.latitude + (metres * Math.cos(bearing)) / METRES_PER_DEGREE_LATITUDE;
  const longitude =
    truth.longitude + (metres * Math.sin(bearing)) / (METRES_PER_DEGREE_LATITUDE * Math.cos((truth.latitude * Math.PI) / 180));
  const round = (value: number) => Number(value.toFixed(decimals));
  return { latitude: round(latitude), longitude: round(longitude) };
}
