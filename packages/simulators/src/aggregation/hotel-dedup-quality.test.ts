import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushSupplierCalls, FxTable, seedFxRateRows, type SupplierConnection } from '@himal/gds';
import { SIMULATED_SUPPLIERS, startSimulators, type RunningSimulators } from '../index.ts';
import { measureHotelDedupQuality } from '../testing/hotel-dedup-quality.ts';

/**
 * Deduplication measured against the hotel simulators' ground truth: every city of their world is
 * searched through the real adapters, and each pair of listings the search puts together (or
 * apart) is checked against which supplier codes are really the same hotel (bench/gds prints the
 * same measure).
 */
const HOTEL_SUPPLIERS = SIMULATED_SUPPLIERS.filter((supplier) => supplier.products.includes('hotel'));
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

describe('hotel deduplication against the ground truth', () => {
  it.skipIf(HOTEL_SUPPLIERS.length < 2)(
    'puts together exactly the listings of the same hotel (precision and recall >= 0.99)',
    async () => {
      const quality = await measureHotelDedupQuality({ tenantId: 'dedup-quality', currency: 'USD', fx, connections });
      expect(quality.warnings).toEqual([]);
      expect({ falsePairs: quality.falsePairs, missedPairs: quality.missedPairs }).toEqual({ falsePairs: [], missedPairs: [] });
      expect(quality.truePairs).toBeGreaterThan(20);
      expect(quality.precision).toBeGreaterThanOrEqual(0.99);
      expect(quality.recall).toBeGreaterThanOrEqual(0.99);
    },
  );
});
