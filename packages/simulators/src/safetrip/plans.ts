import { hashSeed } from '../harness/simulator-clock.ts';

/**
 * safetrip's plan catalogue. Rates are per insured person in USD cents by trip-length band, before
 * the age and destination factors; limits are in USD cents and converted to the quote currency.
 */
export type PlanId = 'ESSENTIAL' | 'COMPREHENSIVE' | 'TREKKER';

/** Coverage codes as safetrip sends them in CoverageRequirement/@CoverageType (OTA_CodeType, 1–3 characters). */
export type CoverageCode = 'MED' | 'EVC' | 'CXL' | 'BAG' | 'ADV';

export interface CoverageDefinition {
  code: CoverageCode;
  /** USD cents; trip cancellation is limited by the insured trip cost instead (see tripCostCover). Adventure cover (ADV) follows `adventure`. */
  limitUsdCents?: number;
  deductibleUsdCents?: number;
}

export interface PlanDefinition {
  id: PlanId;
  name: string;
  /** Oldest age at the cover start date that the plan insures. */
  maxAge: number;
  maxTripDays: number;
  ratesByDuration: Array<{ upToDays: number; usdCents: number }>;
  /** Trip-cancellation cover, priced as a share of the insured trip cost, which is capped. */
  tripCostCover?: { basisPoints: number; capUsdCents: number };
  /** Trekking and mountaineering: the altitude covered, and the loading when the traveller asks for it. */
  adventure?: { maxAltitudeMetres: number; loadingPercent: number };
  coverages: CoverageDefinition[];
  /** Insured persons per cover start date, before the per-date spread (see capacityFor). */
  capacity: { base: number; spread: number };
}

const usd = (dollars: number) => dollars * 100;

export const PLANS: Record<PlanId, PlanDefinition> = {
  ESSENTIAL: {
    id: 'ESSENTIAL',
    name: 'Essential',
    maxAge: 69,
    maxTripDays: 92,
    ratesByDuration: [
      { upToDays: 7, usdCents: 1_800 },
      { upToDays: 15, usdCents: 2_900 },
      { upToDays: 31, usdCents: 4_900 },
      { upToDays: 62, usdCents: 8_400 },
      { upToDays: 92, usdCents: 12_500 },
    ],
    coverages: [
      { code: 'MED', limitUsdCents: usd(50_000), deductibleUsdCents: usd(100) },
      { code: 'EVC', limitUsdCents: usd(100_000) },
      { code: 'BAG', limitUsdCents: usd(1_000), deductibleUsdCents: usd(50) },
    ],
    capacity: { base: 400, spread: 100 },
  },
  COMPREHENSIVE: {
    id: 'COMPREHENSIVE',
    name: 'Comprehensive',
    maxAge: 79,
    maxTripDays: 180,
    ratesByDuration: [
      { upToDays: 7, usdCents: 3_200 },
      { upToDays: 15, usdCents: 5_100 },
      { upToDays: 31, usdCents: 8_600 },
      { upToDays: 62, usdCents: 14_900 },
      { upToDays: 92, usdCents: 21_900 },
      { upToDays: 180, usdCents: 36_500 },
    ],
    tripCostCover: { basisPoints: 450, capUsdCents: usd(10_000) },
    adventure: { maxAltitudeMetres: 3_000, loadingPercent: 35 },
    coverages: [
      { code: 'MED', limitUsdCents: usd(250_000) },
      { code: 'EVC', limitUsdCents: usd(250_000) },
      { code: 'CXL' },
      { code: 'BAG', limitUsdCents: usd(2_500) },
    ],
    capacity: { base: 150, spread: 50 },
  },
  TREKKER: {
    id: 'TREKKER',
    name: 'Himalayan Trekker',
    maxAge: 65,
    maxTripDays: 62,
    ratesByDuration: [
      { upToDays: 7, usdCents: 4_500 },
      { upToDays: 15, usdCents: 7_200 },
      { upToDays: 31, usdCents: 11_900 },
      { upToDays: 62, usdCents: 19_900 },
    ],
    tripCostCover: { basisPoints: 300, capUsdCents: usd(5_000) },
    adventure: { maxAltitudeMetres: 6_000, loadingPercent: 0 },
    coverages: [{ code: 'MED', limitUsdCents: usd(150_000) }, { code: 'EVC', limitUsdCents: usd(100_000) }, { code: 'CXL' }],
    capacity: { base: 2, spread: 4 },
  },
};

export function isPlanId(value: string): value is PlanId {
  return Object.hasOwn(PLANS, value);
}

/**
 * Policies are not sold out the way seats are, so this is not a daily sales quota. What insurers do
 * cap is accumulated exposure: safetrip's rescue cover is reinsured for a fixed number of insured
 * persons starting on the same day (one helicopter fleet for the Khumbu on the Trekker plan). That
 * accumulation limit per plan and cover start date is the simulator's inventory: holds and policies
 * take one unit per insured person, lapsed holds and cancellations give them back. It is small for
 * the Trekker plan, which is where two bookings can race for the last unit.
 */
export function capacityFor(planId: PlanId, coverStartDate: string): number {
  const { base, spread } = PLANS[planId].capacity;
  return base + (hashSeed(`${planId}:${coverStartDate}`) % spread);
}
