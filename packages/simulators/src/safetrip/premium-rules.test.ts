import { describe, expect, it } from 'vitest';
import { capacityFor, PLANS } from './plans.ts';
import { ageOn, priceCover, refuseCover, refusePlan, tripDays, type Cover } from './premium-rules.ts';

const cover = (overrides: Partial<Cover> = {}): Cover => ({
  travellerAges: [34],
  startDate: '2027-03-10',
  endDate: '2027-03-19',
  destinationCountry: 'NP',
  tripCost: { amountMinor: 150_000, currency: 'USD' },
  adventure: false,
  ...overrides,
});

describe('safetrip premium rules', () => {
  it('prices each plan from its duration band, age, zone and trip cost, plus 5% tax', () => {
    expect(tripDays('2027-03-10', '2027-03-19')).toBe(10);
    // 10 days: the 8–15 day band; age 34 and Nepal (zone 1) both at 100%.
    expect(priceCover(PLANS.ESSENTIAL, cover())).toMatchObject({
      base: { amountMinor: 2_900, currency: 'USD' },
      tax: { amountMinor: 145, currency: 'USD' },
      total: { amountMinor: 3_045, currency: 'USD' },
    });
    // 51.00 + 4.5% of 1500.00 = 118.50, tax 5.925 rounds half up to 5.93.
    expect(priceCover(PLANS.COMPREHENSIVE, cover()).total.amountMinor).toBe(12_443);
    expect(priceCover(PLANS.TREKKER, cover()).total.amountMinor).toBe(12_285);
  });

  it('loads older travellers, expensive destinations and adventure activities', () => {
    const usTrip = cover({
      travellerAges: [65],
      startDate: '2027-03-01',
      endDate: '2027-03-20',
      destinationCountry: 'US',
      tripCost: { amountMinor: 200_000, currency: 'USD' },
    });
    // 86.00 × 210% × 230% = 415.38, + 4.5% of 2000.00 = 505.38, + 25.27 tax.
    expect(priceCover(PLANS.COMPREHENSIVE, usTrip).total.amountMinor).toBe(53_065);
    // The traveller part carries the 35% adventure loading: 415.38 × 1.35 = 560.76.
    expect(priceCover(PLANS.COMPREHENSIVE, { ...usTrip, adventure: true }).total.amountMinor).toBe(68_330);
  });

  it('converts with the fixed FX table and keeps the trip cost currency, exactly', () => {
    const npr = cover({ travellerAges: [34, 8], tripCost: { amountMinor: 20_000_000, currency: 'NPR' }, adventure: true });
    // (72.00 + 36.00 for a child) USD × 133.20 = 14385.60 NPR, + 3% of 200000.00 NPR, + 5% tax.
    expect(priceCover(PLANS.TREKKER, npr)).toMatchObject({
      base: { amountMinor: 2_038_560, currency: 'NPR' },
      total: { amountMinor: 2_140_488, currency: 'NPR' },
    });
    const yen = priceCover(PLANS.ESSENTIAL, cover({ tripCost: { amountMinor: 200_000, currency: 'JPY' } }));
    expect(yen.total).toEqual({ amountMinor: 4_553, currency: 'JPY' }); // 29.00 USD × 149.50 = 4335.5 → 4336, + 216.8 → 217 tax
  });

  it('insures the trip cost up to the plan cap and says so', () => {
    const expensive = priceCover(PLANS.COMPREHENSIVE, cover({ tripCost: { amountMinor: 1_500_000, currency: 'USD' } }));
    expect(expensive.coverages.find((line) => line.code === 'CXL')!.limit).toEqual({ amountMinor: 1_000_000, currency: 'USD' });
    expect(expensive.advisories).toEqual(['Comprehensive insures the trip cost up to the equivalent of USD 10000']);
  });

  it('gives adventure cover to the altitude the plan reaches', () => {
    expect(priceCover(PLANS.TREKKER, cover()).coverages.find((line) => line.code === 'ADV')).toMatchObject({ level: '6000M' });
    expect(priceCover(PLANS.COMPREHENSIVE, cover()).coverages.find((line) => line.code === 'ADV')).toBeUndefined();
    expect(
      priceCover(PLANS.COMPREHENSIVE, cover({ adventure: true })).coverages.find((line) => line.code === 'ADV'),
    ).toMatchObject({ level: '3000M' });
  });

  it('moves prices by the price-change percentage before tax', () => {
    expect(priceCover(PLANS.ESSENTIAL, cover(), 10).total.amountMinor).toBe(3_350); // 31.90 + 1.595 → 1.60
  });

  it('refuses plans a traveller is too old for, trips too long, and uncovered activities', () => {
    expect(refusePlan(PLANS.ESSENTIAL, cover({ travellerAges: [34, 75] }))).toMatchObject({ code: '22' });
    expect(refusePlan(PLANS.COMPREHENSIVE, cover({ travellerAges: [34, 75] }))).toBeUndefined();
    expect(refusePlan(PLANS.COMPREHENSIVE, cover({ endDate: '2027-10-01' }))).toMatchObject({
      code: '70',
      text: 'Comprehensive covers trips of up to 180 days, not 206',
    });
    expect(refusePlan(PLANS.ESSENTIAL, cover({ adventure: true }))).toMatchObject({ code: '14' });
  });

  it('refuses requests no plan could cover', () => {
    const today = '2027-01-01';
    expect(refuseCover(cover(), today)).toBeUndefined();
    expect(refuseCover(cover({ tripCost: { amountMinor: 1, currency: 'XAF' } }), today)).toMatchObject({ code: '61' });
    expect(refuseCover(cover({ travellerAges: Array(10).fill(30) }), today)).toMatchObject({ code: '20' });
    expect(refuseCover(cover({ startDate: '2026-12-31' }), today)).toMatchObject({ code: '15' });
    expect(refuseCover(cover({ endDate: '2027-03-01' }), today)).toMatchObject({ code: '15' });
    expect(refuseCover(cover({ destinationCountry: 'AF' }), today)).toMatchObject({ code: '14' });
  });

  it('counts age at the cover start date', () => {
    expect(ageOn('1991-03-02', '2027-03-01')).toBe(35);
    expect(ageOn('1991-03-02', '2027-03-02')).toBe(36);
  });

  it('seeds a small, deterministic Trekker capacity per start date', () => {
    const capacities = ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04'].map((date) => capacityFor('TREKKER', date));
    expect(capacities).toEqual(
      ['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04'].map((date) => capacityFor('TREKKER', date)),
    );
    for (const capacity of capacities) expect(capacity).toBeGreaterThanOrEqual(2);
    for (const capacity of capacities) expect(capacity).toBeLessThanOrEqual(5);
    expect(capacityFor('ESSENTIAL', '2027-03-01')).toBeGreaterThanOrEqual(400);
  });
});
