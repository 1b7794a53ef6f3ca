import { convertMoney, type Money } from '@himal/gds';
import type { CoverageCode, PlanDefinition } from './plans.ts';
import { refusal, type Refusal } from './refusals.ts';

/**
 * safetrip's premium rules, deterministic and exact (integer minor units, one rounding per step,
 * half up): per insured person a rate by trip-length band, times an age factor and a destination
 * zone factor, in USD; converted to the trip cost's currency with a fixed FX table; plus a share of
 * the insured trip cost for plans with cancellation cover; then any price movement (the simulator's
 * price-change fault); then 5% insurance premium tax.
 */

/** Units of each currency per US dollar. Fixed, so a quote in NPR is as reproducible as one in USD. */
export const FX_PER_USD: Record<string, string> = {
  USD: '1',
  NPR: '133.20',
  INR: '83.25',
  EUR: '0.92',
  GBP: '0.79',
  AUD: '1.53',
  CNY: '7.24',
  JPY: '149.50',
};

const AGE_FACTORS_PERCENT = [
  { upToAge: 17, percent: 50 },
  { upToAge: 39, percent: 100 },
  { upToAge: 59, percent: 140 },
  { upToAge: 69, percent: 210 },
  { upToAge: 79, percent: 320 },
];

/** Zone 1 is South Asia; zone 3 is where medical care costs most; everything else is zone 2. */
const ZONE_1 = new Set(['NP', 'IN', 'BT', 'BD', 'LK', 'MV', 'PK']);
const ZONE_3 = new Set(['US', 'CA']);
const ZONE_FACTORS_PERCENT = { 1: 100, 2: 150, 3: 230 } as const;
/** Destinations safetrip does not insure at all (war zones, sanctions). */
const EXCLUDED_DESTINATIONS = new Set(['AF', 'KP', 'SY', 'YE']);

export const PREMIUM_TAX_PERCENT = 5;
export const MAX_TRAVELLERS = 9;

export interface Cover {
  travellerAges: number[];
  startDate: string;
  endDate: string;
  destinationCountry: string;
  /** In the currency the premium is quoted in. */
  tripCost: Money;
  adventure: boolean;
}

export interface CoverageLine {
  code: CoverageCode;
  limit: Money;
  deductible?: Money;
  /** Adventure cover: the altitude covered, e.g. '6000M'. */
  level?: string;
}

export interface Premium {
  base: Money;
  tax: Money;
  total: Money;
  coverages: CoverageLine[];
  /** Advisories that go with the quote (e.g. the trip cost is insured only up to the plan's cap). */
  advisories: string[];
}

export function tripDays(startDate: string, endDate: string): number {
  return Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000) + 1;
}

export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** n × numerator / denominator, rounded half up, exactly. */
function scale(amountMinor: number, numerator: number, denominator: number): number {
  const n = BigInt(amountMinor) * BigInt(numerator);
  const d = BigInt(denominator);
  return Number((2n * n + d) / (2n * d));
}

function fromUsd(usdCents: number, currency: string): Money {
  return convertMoney({ amountMinor: usdCents, currency: 'USD' }, currency, FX_PER_USD[currency]!);
}

/** Checks that apply to the whole request, whatever the plan: a failure is an Errors response. */
export function refuseCover(cover: Cover, today: string): Refusal | undefined {
  if (!FX_PER_USD[cover.tripCost.currency]) {
    return refusal('invalidCurrency', `safetrip does not quote in ${cover.tripCost.currency}`);
  }
  if (cover.travellerAges.length < 1 || cover.travellerAges.length > MAX_TRAVELLERS) {
    return refusal('travellerCount', `a policy insures 1 to ${MAX_TRAVELLERS} travellers`);
  }
  if (cover.travellerAges.some((age) => !Number.isInteger(age) || age < 0)) {
    return refusal('invalidValue', 'a traveller age is invalid');
  }
  if (cover.startDate < today) return refusal('invalidDate', `cover cannot start in the past (${cover.startDate})`);
  if (cover.endDate < cover.startDate) return refusal('invalidDate', 'the trip ends before it starts');
  if (cover.tripCost.amountMinor < 0) return refusal('invalidValue', 'the trip cost is negative');
  if (EXCLUDED_DESTINATIONS.has(cover.destinationCountry)) {
    return refusal('noSuitableCover', `safetrip does not insure travel to ${cover.destinationCountry}`);
  }
  return undefined;
}

/** Why one plan does not fit the cover asked for, if it does not. */
export function refusePlan(plan: PlanDefinition, cover: Cover): Refusal | undefined {
  const days = tripDays(cover.startDate, cover.endDate);
  if (days > plan.maxTripDays)
    return refusal('tripTooLong', `${plan.name} covers trips of up to ${plan.maxTripDays} days, not ${days}`);
  const oldest = Math.max(...cover.travellerAges);
  if (oldest > plan.maxAge)
    return refusal('overMaxAge', `${plan.name} insures travellers up to age ${plan.maxAge}, not ${oldest}`);
  if (cover.adventure && !plan.adventure)
    return refusal('noSuitableCover', `${plan.name} does not cover trekking or mountaineering`);
  return undefined;
}

function zoneFactor(country: string): number {
  if (ZONE_1.has(country)) return ZONE_FACTORS_PERCENT[1];
  if (ZONE_3.has(country)) return ZONE_FACTORS_PERCENT[3];
  return ZONE_FACTORS_PERCENT[2];
}

/** The premium of a plan that fits (see refusePlan); `priceMovementPercent` is the simulator's price drift. */
export function priceCover(plan: PlanDefinition, cover: Cover, priceMovementPercent = 0): Premium {
  const currency = cover.tripCost.currency;
  const days = tripDays(cover.startDate, cover.endDate);
  const rate = plan.ratesByDuration.find((band) => days <= band.upToDays)!.usdCents;
  const zone = zoneFactor(cover.destinationCountry);
  let travellersUsd = 0;
  for (const age of cover.travellerAges) {
    const ageFactor = AGE_FACTORS_PERCENT.find((band) => age <= band.upToAge)!.percent;
    travellersUsd += scale(rate, ageFactor * zone, 10_000);
  }
  if (cover.adventure && plan.adventure) travellersUsd = scale(travellersUsd, 100 + plan.adventure.loadingPercent, 100);

  const advisories: string[] = [];
  let tripCostPart = 0;
  let insuredTripCost: Money | undefined;
  if (plan.tripCostCover) {
    const cap = fromUsd(plan.tripCostCover.capUsdCents, currency);
    const capped = cover.tripCost.amountMinor > cap.amountMinor;
    insuredTripCost = capped ? cap : cover.tripCost;
    if (capped)
      advisories.push(`${plan.name} insures the trip cost up to the equivalent of USD ${plan.tripCostCover.capUsdCents / 100}`);
    tripCostPart = scale(insuredTripCost.amountMinor, plan.tripCostCover.basisPoints, 10_000);
  }

  const beforeMovement = fromUsd(travellersUsd, currency).amountMinor + tripCostPart;
  const base = scale(beforeMovement, 100 + priceMovementPercent, 100);
  const tax = scale(base, PREMIUM_TAX_PERCENT, 100);
  const coverages = plan.coverages.map((line): CoverageLine => ({
    code: line.code,
    limit: line.code === 'CXL' ? insuredTripCost! : fromUsd(line.limitUsdCents!, currency),
    ...(line.deductibleUsdCents !== undefined ? { deductible: fromUsd(line.deductibleUsdCents, currency) } : {}),
  }));
  // Adventure cover comes with the plan when it costs nothing extra (Trekker), otherwise when asked for.
  if (plan.adventure && (cover.adventure || plan.adventure.loadingPercent === 0)) {
    const medical = coverages.find((line) => line.code === 'MED')!;
    coverages.push({ code: 'ADV', limit: medical.limit, level: `${plan.adventure.maxAltitudeMetres}M` });
  }
  return {
    base: { amountMinor: base, currency },
    tax: { amountMinor: tax, currency },
    total: { amountMinor: base + tax, currency },
    coverages,
    advisories,
  };
}
