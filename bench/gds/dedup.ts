import { measureHotelDedupQuality, type HotelDedupQuality } from '@himal/simulators/testing';
import { summarize, type Summary } from '../lib/stats.ts';

/**
 * Deduplication quality: every city of the hotel simulators' world searched through the real
 * adapters and the real aggregation (searchHotels with the tenant's supplier accounts), the pairs
 * of listings put together scored against the simulators' ground truth. The measure is the one
 * packages/simulators/src/aggregation/hotel-dedup-quality.test.ts asserts on.
 */
export type DedupResult = Omit<HotelDedupQuality, 'falsePairs' | 'missedPairs'> & {
  falsePairs: string[];
  missedPairs: string[];
  searchMs: Summary;
};

export async function measureDedup(options: { tenantId: string; log: (line: string) => void }): Promise<DedupResult> {
  const searchMs: number[] = [];
  const quality = await measureHotelDedupQuality({
    tenantId: options.tenantId,
    currency: 'USD',
    onSearch: (_city, ms) => searchMs.push(ms),
  });
  options.log(
    `  dedup: ${quality.cities.length} cities, ${quality.listings} listings → ${quality.properties} properties; precision ${quality.precision.toFixed(4)}, recall ${quality.recall.toFixed(4)}`,
  );
  return { ...quality, searchMs: summarize(searchMs) };
}
