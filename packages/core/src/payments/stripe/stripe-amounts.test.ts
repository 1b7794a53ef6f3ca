import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPaymentError } from '../payment-errors.ts';
import { fromStripeAmount, toStripeAmount } from './stripe-amounts.ts';

// ISO 4217 minor units (the platform's Money) against Stripe's amounts, where the two lists differ.
describe('Stripe amounts', () => {
  it.each([
    ['USD', 25_000, 25_000],
    ['NPR', 1_234_500, 1_234_500],
    ['JPY', 5_000, 5_000],
    ['KRW', 1_000, 1_000],
    ['UGX', 50_000, 50_000],
    ['KWD', 12_340, 12_340],
    ['BHD', 1_000, 1_000],
    ['HUF', 17_550, 17_550],
    ['TWD', 1_001, 1_001],
    ['ISK', 5_000, 500_000],
    ['MGA', 1_234_500, 12_345],
    ['IQD', 12_340, 1_234],
  ])('%s %d minor units is %d for Stripe, and back', (currency, minor, stripe) => {
    expect(toStripeAmount({ amountMinor: minor, currency })).toBe(stripe);
    expect(fromStripeAmount(stripe, currency.toLowerCase())).toEqual({ amountMinor: minor, currency });
  });

  it.each([
    ['KWD', 12_345, 'last of their three decimals'],
    ['OMR', 1, 'last of their three decimals'],
    ['MGA', 1_234_550, 'whole steps of 100'],
    ['IQD', 12_345, 'whole steps of 10'],
    ['USD', 0, 'positive'],
    ['USD', -5, 'positive'],
    ['USD', 1.5, 'positive'],
  ])('refuses %s %d rather than rounding it', (currency, minor, says) => {
    let error: unknown;
    try {
      toStripeAmount({ amountMinor: minor, currency });
    } catch (caught) {
      error = caught;
    }
    expect(isPaymentError(error) && error.code).toBe('PAYMENT_REQUEST_REFUSED');
    expect((error as Error).message).toContain(says);
  });

  it('refuses a Stripe amount that is no whole ISO minor unit', () => {
    expect(() => fromStripeAmount(150, 'isk')).toThrow(/not a whole ISK minor unit/);
    expect(() => fromStripeAmount(1.5, 'usd')).toThrow(/not a whole number/);
  });

  it('round-trips every amount Stripe can take, whatever the currency', () => {
    const currencies = [
      'USD',
      'EUR',
      'NPR',
      'INR',
      'JPY',
      'KRW',
      'VND',
      'UGX',
      'ISK',
      'MGA',
      'KWD',
      'BHD',
      'TND',
      'HUF',
      'TWD',
      'CLP',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...currencies), fc.integer({ min: 1, max: 9_999_999 }), (currency, stripeAmount) => {
        const stripe = STEP_OF[currency] ? stripeAmount * STEP_OF[currency] : stripeAmount;
        const money = fromStripeAmount(stripe, currency);
        expect(money.currency).toBe(currency);
        expect(toStripeAmount(money)).toBe(stripe);
      }),
    );
  });
});

/** Stripe amounts of these currencies come in steps (three-decimal ones end in 0; ISK in whole krónur). */
const STEP_OF: Record<string, number> = { KWD: 10, BHD: 10, TND: 10, ISK: 100 };
