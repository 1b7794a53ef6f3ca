import { describe, expect, it } from 'vitest';
import { convertMoney, decimalToMinor, minorToDecimal } from './money.ts';

describe('money', () => {
  it.each([
    ['1234.5', 'NPR', 123450],
    ['1234.50', 'USD', 123450],
    ['0.01', 'EUR', 1],
    ['1500', 'JPY', 1500],
    ['12.345', 'KWD', 12345],
    ['-7.10', 'USD', -710],
  ])('%s %s is %d minor units', (decimal, currency, minor) => {
    expect(decimalToMinor(decimal, currency)).toBe(minor);
    expect(decimalToMinor(minorToDecimal(minor, currency), currency)).toBe(minor);
  });

  it('refuses more decimals than the currency has, unless asked to round', () => {
    expect(() => decimalToMinor('10.005', 'USD')).toThrow(/more decimals/);
    expect(decimalToMinor('10.005', 'USD', { round: true })).toBe(1001);
    expect(decimalToMinor('10.004', 'USD', { round: true })).toBe(1000);
    expect(() => decimalToMinor('1.50', 'JPY')).toThrow(/more decimals/);
    expect(decimalToMinor('1.50', 'JPY', { round: true })).toBe(2);
    expect(decimalToMinor('1.00', 'JPY')).toBe(1);
  });

  it('refuses what is not a decimal', () => {
    for (const bad of ['1e3', '', 'abc', '1.2.3', '0x10', ' 1 2']) expect(() => decimalToMinor(bad, 'USD')).toThrow();
  });

  it('formats by the currency exponent', () => {
    expect(minorToDecimal(5, 'USD')).toBe('0.05');
    expect(minorToDecimal(1500, 'JPY')).toBe('1500');
    expect(minorToDecimal(-12345, 'KWD')).toBe('-12.345');
  });

  it('converts exactly, rounding once at the end', () => {
    expect(convertMoney({ amountMinor: 10000, currency: 'USD' }, 'NPR', '133.25')).toEqual({
      amountMinor: 1332500,
      currency: 'NPR',
    });
    expect(convertMoney({ amountMinor: 1000, currency: 'USD' }, 'JPY', '151.237')).toEqual({
      amountMinor: 1512,
      currency: 'JPY',
    });
    expect(convertMoney({ amountMinor: 1512, currency: 'JPY' }, 'USD', '0.0066')).toEqual({ amountMinor: 998, currency: 'USD' });
    expect(convertMoney({ amountMinor: 10000, currency: 'USD' }, 'KWD', '0.3075')).toEqual({
      amountMinor: 30750,
      currency: 'KWD',
    });
  });
});
