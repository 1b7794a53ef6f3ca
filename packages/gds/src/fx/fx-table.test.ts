import { describe, expect, it } from 'vitest';
import { invertRate, multiplyRates } from './decimal-rate.ts';
import { FxRateMissingError, FxTable } from './fx-table.ts';

const asOf = new Date('2026-11-01T00:00:00Z');
const table = new FxTable([
  { base: 'USD', quote: 'NPR', rate: '140.00', asOf, source: 'test' },
  { base: 'NPR', quote: 'USD', rate: '0.0071428571', asOf, source: 'test' },
  { base: 'USD', quote: 'JPY', rate: '150', asOf, source: 'test' },
  { base: 'EUR', quote: 'USD', rate: '1.1627906977', asOf, source: 'test' },
  { base: 'USD', quote: 'NPR', rate: '139.00', asOf: new Date('2026-10-01T00:00:00Z'), source: 'older' },
]);

describe('decimal rates', () => {
  it('multiplies exactly and trims trailing zeros', () => {
    expect(multiplyRates('0.0071428571', '150')).toBe('1.071428565');
    expect(multiplyRates('1.50', '2.00')).toBe('3');
    expect(multiplyRates('0.1', '0.2')).toBe('0.02');
  });

  it('inverts half up to a fixed number of places', () => {
    expect(invertRate('140.00')).toBe('0.0071428571');
    expect(invertRate('0.8600')).toBe('1.1627906977');
    expect(invertRate('4', 2)).toBe('0.25');
    expect(() => invertRate('0')).toThrow();
  });
});

describe('FxTable', () => {
  it('uses the newest rate of a pair', () => {
    expect(table.rate('USD', 'NPR')).toMatchObject({ rate: '140.00', source: 'test' });
  });

  it('converts exactly between currencies of different exponents', () => {
    expect(table.convert({ amountMinor: 31240, currency: 'USD' }, 'NPR')).toEqual({
      money: { amountMinor: 4373600, currency: 'NPR' },
      fx: { base: 'USD', quote: 'NPR', rate: '140.00', asOf: asOf.toISOString(), source: 'test' },
    });
    // JPY has no minor units: 312.40 USD is 46,860 yen.
    expect(table.convert({ amountMinor: 31240, currency: 'USD' }, 'JPY').money).toEqual({ amountMinor: 46860, currency: 'JPY' });
  });

  it('crosses through a pivot when a pair has no rate of its own, and says so', () => {
    const { money, fx } = table.convert({ amountMinor: 1_000_000, currency: 'NPR' }, 'JPY');
    expect(fx).toMatchObject({ rate: '1.071428565', source: 'cross via USD (test)' });
    expect(money).toEqual({ amountMinor: 10714, currency: 'JPY' });
    expect(table.rate('EUR', 'NPR').rate).toBe(multiplyRates('1.1627906977', '140.00'));
  });

  it('needs no rate for the same currency', () => {
    expect(table.convert({ amountMinor: 5, currency: 'QAR' }, 'QAR')).toEqual({
      money: { amountMinor: 5, currency: 'QAR' },
      fx: null,
    });
  });

  it('knows the currencies its rates lead to', () => {
    expect(table.knows('JPY')).toBe(true);
    expect(table.knows('QAR')).toBe(false);
  });

  it('refuses a pair it cannot reach', () => {
    expect(() => table.rate('NPR', 'QAR')).toThrow(FxRateMissingError);
  });
});
