import { controlDb } from '@himal/db';
import { describe, expect, it } from 'vitest';
import { loadFxTable } from './load-fx-table.ts';
import { recordFxRates } from './record-fx-rates.ts';
import { SEED_RATES_PER_USD, seedFxRateRows, seedFxRates } from './seed-fx-rates.ts';

describe('the platform FX table', () => {
  it('is seeded once, whatever the number of runs', async () => {
    await seedFxRates();
    expect(await seedFxRates()).toBe(0);
    const stored = await controlDb().fxRate.count({ where: { source: 'himal seed' } });
    expect(stored).toBe(seedFxRateRows().length);
  });

  it('converts between every seeded currency', async () => {
    await seedFxRates();
    const table = await loadFxTable({ fresh: true });
    const currencies = ['USD', ...Object.keys(SEED_RATES_PER_USD)];
    for (const from of currencies) {
      for (const to of currencies) expect(() => table.rate(from, to), `${from}->${to}`).not.toThrow();
    }
    expect(table.rate('INR', 'NPR').rate).toBe('1.6');
  });

  it('puts a newer rate in force and keeps the older one', async () => {
    await seedFxRates();
    await recordFxRates([{ base: 'USD', quote: 'THB', rate: '33.10', asOf: new Date(Date.now() - 1_000), source: 'test feed' }]);
    const table = await loadFxTable({ fresh: true });
    expect(table.rate('USD', 'THB')).toMatchObject({ rate: '33.10', source: 'test feed' });
    expect(await controlDb().fxRate.count({ where: { base: 'USD', quote: 'THB' } })).toBeGreaterThanOrEqual(2);
  });

  it('refuses a rate that is not a positive decimal string', async () => {
    await expect(
      recordFxRates([{ base: 'USD', quote: 'EUR', rate: '0.86e0', asOf: new Date(), source: 'bad' }]),
    ).rejects.toThrow();
    await expect(recordFxRates([{ base: 'USD', quote: 'EUR', rate: '0', asOf: new Date(), source: 'bad' }])).rejects.toThrow();
  });
});
