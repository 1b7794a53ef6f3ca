import {
  searchHotels,
  type HotelSearchRequest,
  type HotelSupplierAdapter,
  type SearchOptions,
  type SupplierWarning,
} from '@himal/gds';
import { HOTEL_GROUND_TRUTH } from '../hotel-world/ground-truth.ts';

/**
 * Hotel deduplication measured against the hotel simulators' ground truth: every city of their
 * world is searched through the real adapters and the real aggregation (searchHotels), and each
 * pair of listings the search puts together (or leaves apart) is checked against which supplier
 * codes really are the same hotel. Used by the dedup test and by bench/gds.
 */
export interface HotelDedupQuality {
  cities: string[];
  /** Listings (supplier + code) the searches returned. */
  listings: number;
  /** Properties the searches answered with, after deduplication. */
  properties: number;
  /** Pairs of listings put together by the search, and pairs that are the same hotel (among the listings seen). */
  predictedPairs: number;
  truePairs: number;
  truePositives: number;
  precision: number;
  recall: number;
  /** Pairs put together that are different hotels, and pairs of the same hotel left apart. */
  falsePairs: string[];
  missedPairs: string[];
  /** Warnings of the searches, by city. */
  warnings: Array<{ cityCode: string; warnings: SupplierWarning[] }>;
}

export interface HotelDedupQualityOptions extends Omit<SearchOptions<HotelSupplierAdapter>, 'currency'> {
  currency?: string;
  /** Stay dates (default: 60 to 62 days from now). */
  checkIn?: string;
  checkOut?: string;
  /** Cities to search (default: every city of the ground truth). */
  cities?: string[];
  /** Called after each city's search, with its wall time. */
  onSearch?: (cityCode: string, ms: number) => void;
}

const listingKey = (supplierId: string, code: string) => `${supplierId}:${code}`;
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function addPairs(keys: string[], into: Set<string>): void {
  for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) into.add(pairKey(keys[i]!, keys[j]!));
}

export const HOTEL_GROUND_TRUTH_CITIES = [...new Set(HOTEL_GROUND_TRUTH.map((entry) => entry.cityCode))];

export async function measureHotelDedupQuality(options: HotelDedupQualityOptions): Promise<HotelDedupQuality> {
  const {
    checkIn = day(60),
    checkOut = day(62),
    cities = HOTEL_GROUND_TRUTH_CITIES,
    currency = 'USD',
    onSearch,
    ...search
  } = options;
  const seen = new Set<string>();
  const predicted = new Set<string>();
  const warnings: HotelDedupQuality['warnings'] = [];
  let properties = 0;
  for (const cityCode of cities) {
    const request: HotelSearchRequest = { cityCode, checkIn, checkOut, rooms: [{ adults: 1, childAges: [] }] };
    const started = performance.now();
    const result = await searchHotels(request, { ...search, currency });
    onSearch?.(cityCode, performance.now() - started);
    if (result.warnings.length) warnings.push({ cityCode, warnings: result.warnings });
    properties += result.offers.length;
    for (const offer of result.offers) {
      const keys = offer.property.listings.map((listing) => listingKey(listing.supplierId, listing.supplierHotelCode));
      keys.forEach((key) => seen.add(key));
      addPairs(keys, predicted);
    }
  }
  const truth = new Set<string>();
  for (const entry of HOTEL_GROUND_TRUTH) {
    const keys = Object.entries(entry.listings)
      .map(([supplierId, code]) => listingKey(supplierId, code))
      .filter((key) => seen.has(key));
    addPairs(keys, truth);
  }
  const truePositives = [...predicted].filter((pair) => truth.has(pair)).length;
  return {
    cities,
    listings: seen.size,
    properties,
    predictedPairs: predicted.size,
    truePairs: truth.size,
    truePositives,
    precision: predicted.size ? truePositives / predicted.size : 1,
    recall: truth.size ? truePositives / truth.size : 1,
    falsePairs: [...predicted].filter((pair) => !truth.has(pair)),
    missedPairs: [...truth].filter((pair) => !predicted.has(pair)),
    warnings,
  };
}
