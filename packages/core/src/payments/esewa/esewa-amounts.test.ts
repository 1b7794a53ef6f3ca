import { describe, expect, it } from 'vitest';
import { esewaAmount, readEsewaAmount, requireNpr } from './esewa-amounts.ts';

describe('eSewa amounts', () => {
  it('write paisa exactly, whole rupees as eSewa’s examples do', () => {
    expect(esewaAmount(11_000)).toBe('110');
    expect(esewaAmount(11_050)).toBe('110.50');
    expect(esewaAmount(1)).toBe('0.01');
    expect(esewaAmount(999_999_999_999_99)).toBe('999999999999.99');
  });

  it('read every way eSewa writes an amount back, exactly', () => {
    expect(readEsewaAmount('1,000.0')).toBe(100_000);
    expect(readEsewaAmount('1,234,567.89')).toBe(123_456_789);
    expect(readEsewaAmount('1000.0')).toBe(100_000);
    expect(readEsewaAmount('110.5')).toBe(11_050);
    expect(readEsewaAmount('1000')).toBe(100_000);
    // 0.1 + 0.2 is not 0.3 in floating point; in paisa it is.
    expect(readEsewaAmount('0.1') + readEsewaAmount('0.2')).toBe(readEsewaAmount('0.3'));
  });

  it.each(['1,00.0', '1,0000.0', '10.005', '-5', '1e3', '', ' 10', '10.', 'NaN'])('refuse %j', (text) => {
    expect(() => readEsewaAmount(text)).toThrow(expect.objectContaining({ code: 'PAYMENT_MESSAGE_MALFORMED' }));
  });

  it('take NPR only, in whole positive paisa', () => {
    expect(requireNpr({ amountMinor: 5, currency: 'NPR' })).toBe(5);
    expect(() => requireNpr({ amountMinor: 5, currency: 'USD' })).toThrow(
      expect.objectContaining({ code: 'PAYMENT_METHOD_UNAVAILABLE' }),
    );
    for (const amountMinor of [0, -1, 1.5, Number.MAX_SAFE_INTEGER])
      expect(() => requireNpr({ amountMinor, currency: 'NPR' })).toThrow(
        expect.objectContaining({ code: 'PAYMENT_REQUEST_REFUSED' }),
      );
  });
});
