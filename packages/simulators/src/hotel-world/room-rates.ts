import { hashSeed } from '../harness/simulator-clock.ts';
import type { WorldProperty } from './properties.ts';

/**
 * What a night costs in the simulated world, before any supplier's markup, currency or taxes.
 * Deterministic: the same property, room category, date and drift period always cost the same.
 */
export type RoomCategory = 'standard' | 'deluxe' | 'suite';

export interface RoomCategorySpec {
  category: RoomCategory;
  /** Price relative to a standard room, in percent. */
  pricePercent: number;
  maxOccupancy: number;
  /** Seeded rooms per night at each supplier: [min, max]. */
  allotment: [number, number];
}

const CATEGORIES: readonly RoomCategorySpec[] = [
  { category: 'standard', pricePercent: 100, maxOccupancy: 2, allotment: [3, 8] },
  { category: 'deluxe', pricePercent: 135, maxOccupancy: 3, allotment: [2, 5] },
  { category: 'suite', pricePercent: 210, maxOccupancy: 4, allotment: [1, 2] },
];

/** Suites only in four- and five-star hotels. */
export function roomCategoriesOf(property: WorldProperty): readonly RoomCategorySpec[] {
  return property.stars >= 4 ? CATEGORIES : CATEGORIES.filter((spec) => spec.category !== 'suite');
}

/** Nepal's seasons: autumn and spring trekking high, monsoon low (per mille). */
function seasonPerMille(date: string): number {
  const month = Number(date.slice(5, 7));
  if ([3, 4, 10, 11].includes(month)) return 1200;
  if ([6, 7, 8, 9].includes(month)) return 850;
  return 1000;
}

/** Friday and Saturday nights (Saturday is Nepal's weekend) cost 5 % more. */
function weekdayPerMille(date: string): number {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 5 || weekday === 6 ? 1050 : 1000;
}

/**
 * Prices drift: every drift period (see DRIFT_PERIOD_MS) each property's rates move by a seeded
 * -4 %..+4 %. Period 0, the seed, has no drift.
 */
export const DRIFT_PERIOD_MS = 6 * 3_600_000;

export function driftPerMille(propertyId: string, period: number): number {
  if (period === 0) return 1000;
  return 1000 + (hashSeed(`${propertyId}:drift:${period}`) % 81) - 40;
}

/** One night in a room of `category`, before tax, in US cents. */
export function worldNightlyRateUsdCents(
  property: WorldProperty,
  category: RoomCategorySpec,
  date: string,
  driftPeriod: number,
): number {
  let cents = property.baseRateUsd * category.pricePercent;
  for (const perMille of [seasonPerMille(date), weekdayPerMille(date), driftPerMille(property.id, driftPeriod)]) {
    cents = Math.round((cents * perMille) / 1000);
  }
  return cents;
}

/** Rooms of a category one supplier can sell each night at a property (seeded, per supplier). */
export function seededAllotment(property: WorldProperty, category: RoomCategorySpec, supplierId: string): number {
  const [min, max] = category.allotment;
  return min + (hashSeed(`${supplierId}:${property.id}:${category.category}`) % (max - min + 1));
}
