import { describe, expect, it } from 'vitest';
import { callbackAmount, readEchoedAmount, readPlainAmount, refundAmount, statusAmountLiteral } from './esewa-amounts.ts';

describe('eSewa amounts', () => {
  it('write the callback amount grouped by thousands, one decimal at least, as eSewa signs it', () => {
    expect(callbackAmount(100_000)).toBe('1,000.0');
    expect(callbackAmount(11_050)).toBe('110.5');
    expect(callbackAmount(123_456_789)).toBe('1,234,567.89');
    expect(callbackAmount(5)).toBe('0.05');
    expect(callbackAmount(99_999_900)).toBe('999,999.0');
  });

  it('write the status API amount as a JSON number literal', () => {
    expect(statusAmountLiteral(100_000)).toBe('1000.0');
    expect(statusAmountLiteral(11_005)).toBe('110.05');
    expect(JSON.parse(`{"a":${statusAmountLiteral(11_050)}}`)).toEqual({ a: 110.5 });
  });

  it('read merchants’ plain decimals exactly, and nothing else', () => {
    expect(readPlainAmount('110')).toBe(11_000);
    expect(readPlainAmount('110.5')).toBe(11_050);
    expect(readPlainAmount('0.07')).toBe(7);
    for (const bad of ['-1', '1e3', '1.005', ' 1', '1,000', '', 'NaN', '0x10', '1.'])
      expect(readPlainAmount(bad)).toBeUndefined();
  });

  it('read an echoed amount in either eSewa form', () => {
    expect(readEchoedAmount('1,000.0')).toBe(100_000);
    expect(readEchoedAmount('1000.0')).toBe(100_000);
    expect(readEchoedAmount('1,00.0')).toBeUndefined();
    expect(refundAmount(25_000)).toBe('250.00');
  });
});
