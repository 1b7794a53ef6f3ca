import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FxTable } from '../fx/fx-table.ts';
import { seedFxRateRows } from '../fx/seed-fx-rates.ts';
import type { SupplierConnection } from '../products/common.ts';
import { HOTEL_GROUND_TRUTH, SIMULATED_SUPPLIERS, startSimulators, type RunningSimulators } from '../simulators/index.ts';
import { flushSupplierCalls } from '../transport/call-log.ts';
import { searchHotels } from './search-hotels.ts';

/**
 * Deduplication measured against the hotel simulators' ground truth: every city of their world is
 * searched through the real adapters, and each pair of listings the search puts together (or
 * apart) is checked against which supplier codes are really the same hotel.
 */
const HOTEL_SUPPLIERS = SIMULATED_SUPPLIERS.filter((supplier) => supplier.products.includes('hotel'));
const CITIES = [...new Set(HOTEL_GROUND_TRUTH.map((entry) => entry.cityCode))];
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const fx = new FxTable(seedFxRateRows());

let running: RunningSimulators;
let connections: SupplierConnection[];

beforeAll(async () => {
  running = await startSimulators({ ports: 'random', only: HOTEL_SUPPLIERS.map((supplier) => supplier.supplierId) });
  connections = HOTEL_SUPPLIERS.map((supplier) => ({
    supplierId: supplier.supplierId,
    endpoint: running.simulators.get(supplier.supplierId)!.endpoint,
    credentials: supplier.credentials,
  }));
});
afterAll(async () => {
  await running.stop();
  await flushSupplierCalls();
});

const listingKey = (supplierId: string, code: string) => `${supplierId}:${code}`;
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

describe('hotel deduplication against the ground truth', () => {
  it.skipIf(HOTEL_SUPPLIERS.length < 2)(
    'puts together exactly the listings of the same hotel (precision and recall >= 0.99)',
    async () => {
      const seen = new Set<string>();
      const predicted = new Set<string>();
      for (const cityCode of CITIES) {
        const { offers, warnings } = await searchHotels(
          { cityCode, checkIn: day(60), checkOut: day(62), rooms: [{ adults: 1, childAges: [] }] },
          { tenantId: 'dedup-quality', currency: 'USD', fx, connections },
        );
        expect(warnings, cityCode).toEqual([]);
        for (const offer of offers) {
          const keys = offer.property.listings.map((listing) => listingKey(listing.supplierId, listing.supplierHotelCode));
          keys.forEach((key) => seen.add(key));
          for (let i = 0; i < keys.length; i++)
            for (let j = i + 1; j < keys.length; j++) predicted.add(pairKey(keys[i]!, keys[j]!));
        }
      }
      const truth = new Set<string>();
      for (const entry of HOTEL_GROUND_TRUTH) {
        const keys = Object.entries(entry.listings)
          .map(([supplierId, code]) => listingKey(supplierId, code))
          .filter((key) => seen.has(key));
        for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) truth.add(pairKey(keys[i]!, keys[j]!));
      }
      const truePositives = [...predicted].filter((pair) => truth.has(pair));
      const precision = predicted.size ? truePositives.length / predicted.size : 1;
      const recall = truth.size ? truePositives.length / truth.size : 1;
      const falsePairs = [...predicted].filter((pair) => !truth.has(pair));
      const missedPairs = [...truth].filter((pair) => !predicted.has(pair));
      expect({ falsePairs, missedPairs }).toEqual({ falsePairs: [], missedPairs: [] });
      expect(truth.size).toBeGreaterThan(20);
      expect(precision).toBeGreaterThanOrEqual(0.99);
      expect(recall).toBeGreaterThanOrEqual(0.99);
    },
  );
});
