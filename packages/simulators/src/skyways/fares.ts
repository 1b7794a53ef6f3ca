import { convertMoney, currencyExponent } from '@himal/gds';
import { hashSeed } from '../harness/simulator-clock.ts';
import { isoWeekday, type DatedFlight } from './flight-times.ts';
import { AIRPORTS, flightKey, routeFares, type Cabin } from './network.ts';
import type { SeatBucket } from './seat-inventory.ts';

/**
 * How skyways prices: fares are filed in US cents per passenger and segment, moved by a few
 * deterministic factors (weekday, the flight's own demand, seats left, days to departure, and any
 * price change a test injected), then sold in the currency the request asks for at fixed rates.
 */

/** Units of each selling currency per US dollar. */
export const FX_PER_USD: Record<string, string> = { USD: '1', NPR: '133.75', INR: '83.40' };

export type Ptc = 'ADT' | 'CHD' | 'INF';
export type PassengerMix = Record<Ptc, number>;

export interface FareBrand {
  name: 'saver' | 'flex' | 'business';
  cabin: Cabin;
  /** Booking class (RBD). */
  rbd: string;
  fareBasis: string;
  refundable: boolean;
  /** Share of the base fare kept when a ticket is cancelled. */
  cancelPenaltyPercent: number;
}

export const FARE_BRANDS: FareBrand[] = [
  { name: 'saver', cabin: 'economy', rbd: 'V', fareBasis: 'VOWSVR', refundable: false, cancelPenaltyPercent: 100 },
  { name: 'flex', cabin: 'economy', rbd: 'Y', fareBasis: 'YOWFLX', refundable: true, cancelPenaltyPercent: 10 },
  { name: 'business', cabin: 'business', rbd: 'J', fareBasis: 'JOWBIZ', refundable: true, cancelPenaltyPercent: 5 },
];

export function brandByRbd(rbd: string): FareBrand | undefined {
  return FARE_BRANDS.find((brand) => brand.rbd === rbd);
}

/** Saver seats are the first to go: the last few seats of a cabin are sold at flexible fares only. */
export const SAVER_CLOSES_AT_SEATS = 4;

export interface PricingContext {
  now: Date;
  /** Percent added to every fare by injected price changes. */
  adjustmentPercent: number;
  seatsLeft: (bucket: SeatBucket) => number;
}

export interface TaxLine {
  code: string;
  amount: number;
}

/** Amounts in minor units of `currency`; per passenger of each type, and for the whole party. */
export interface FareQuote {
  currency: string;
  brand: FareBrand;
  passengers: Array<{ ptc: Ptc; quantity: number; base: number; taxes: TaxLine[]; total: number }>;
  base: number;
  taxes: TaxLine[];
  total: number;
}

const CHILD_PERCENT = 75;
const INFANT_PERCENT = 10;

/** Departure charges per seated passenger and segment, by the departure airport's country, in US cents. */
const DEPARTURE_CHARGES: Record<string, { code: string; domestic: number; international: number }> = {
  NP: { code: 'NP', domestic: 200, international: 1500 },
  IN: { code: 'IN', domestic: 400, international: 600 },
  AE: { code: 'AE', domestic: 0, international: 2000 },
  QA: { code: 'QA', domestic: 0, international: 1600 },
  TH: { code: 'TS', domestic: 0, international: 1900 },
  SG: { code: 'SG', domestic: 0, international: 2100 },
  MY: { code: 'MY', domestic: 0, international: 1200 },
};

function countryOf(airport: string): string {
  return AIRPORTS.get(airport)?.country ?? '';
}

/** Carrier fuel surcharge per seated passenger and segment, by block time, in US cents. */
function fuelSurcharge(blockMinutes: number): number {
  if (blockMinutes <= 60) return 500;
  if (blockMinutes <= 180) return 1800;
  return 3500;
}

function legTaxesUsd(leg: DatedFlight): TaxLine[] {
  const { origin, destination, blockMinutes } = leg.flight;
  const charge = DEPARTURE_CHARGES[countryOf(origin)];
  const domestic = countryOf(origin) === countryOf(destination);
  const departure = charge ? (domestic ? charge.domestic : charge.international) : 0;
  return [
    { code: 'YQ', amount: fuelSurcharge(blockMinutes) },
    ...(charge && departure > 0 ? [{ code: charge.code, amount: departure }] : []),
  ];
}

function daysBetween(now: Date, date: string): number {
  return Math.floor((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`)) / 86_400_000);
}

/** Percent moves on one segment's filed fare; all integers, so a price is the same on every run. */
function legAdjustmentPercent(leg: DatedFlight, brand: FareBrand, context: PricingContext): number {
  const weekday = { 2: -5, 3: -4, 5: 8, 7: 6 }[isoWeekday(leg.date)] ?? 0;
  const demand = (hashSeed(`${flightKey(leg.flight)}|${leg.date}`) % 11) - 5;
  const seats = context.seatsLeft({ flight: leg.flight, date: leg.date, cabin: brand.cabin });
  const load = seats <= 4 ? 20 : seats <= 9 ? 10 : 0;
  const days = daysBetween(context.now, leg.date);
  const advance = days < 3 ? 25 : days < 7 ? 15 : days < 14 ? 5 : 0;
  return weekday + demand + load + advance + context.adjustmentPercent;
}

function toCurrency(usdCents: number, currency: string): number {
  const rate = FX_PER_USD[currency];
  if (!rate) throw new Error(`skyways does not sell in ${currency}`);
  return convertMoney({ amountMinor: usdCents, currency: 'USD' }, currency, rate).amountMinor;
}

/** Fares are published in whole units of the selling currency. */
function roundToUnits(minor: number, currency: string): number {
  const unit = 10 ** currencyExponent(currency);
  return Math.round(minor / unit) * unit;
}

function percentOf(amount: number, percent: number): number {
  return Math.round((amount * percent) / 100);
}

function sumTaxes(lines: TaxLine[]): TaxLine[] {
  const byCode = new Map<string, number>();
  for (const line of lines) byCode.set(line.code, (byCode.get(line.code) ?? 0) + line.amount);
  return [...byCode].map(([code, amount]) => ({ code, amount }));
}

export function quoteFare(
  legs: DatedFlight[],
  brand: FareBrand,
  mix: PassengerMix,
  currency: string,
  context: PricingContext,
): FareQuote {
  const adultBaseUsd = legs.reduce((sum, leg) => {
    const filed = routeFares(leg.flight.origin, leg.flight.destination)[brand.name];
    return sum + Math.max(0, Math.round((filed * (100 + legAdjustmentPercent(leg, brand, context))) / 100));
  }, 0);
  const adultBase = roundToUnits(toCurrency(adultBaseUsd, currency), currency);
  const seatedTaxes = sumTaxes(legs.flatMap(legTaxesUsd)).map((line) => ({
    code: line.code,
    amount: toCurrency(line.amount, currency),
  }));
  const perPassenger: Record<Ptc, { base: number; taxes: TaxLine[] }> = {
    ADT: { base: adultBase, taxes: seatedTaxes },
    CHD: { base: roundToUnits(percentOf(adultBase, CHILD_PERCENT), currency), taxes: seatedTaxes },
    INF: { base: roundToUnits(percentOf(adultBase, INFANT_PERCENT), currency), taxes: [] },
  };
  const passengers = (['ADT', 'CHD', 'INF'] as const)
    .filter((ptc) => mix[ptc] > 0)
    .map((ptc) => {
      const { base, taxes } = perPassenger[ptc];
      return { ptc, quantity: mix[ptc], base, taxes, total: base + taxes.reduce((sum, t) => sum + t.amount, 0) };
    });
  const base = passengers.reduce((sum, p) => sum + p.base * p.quantity, 0);
  const taxes = sumTaxes(passengers.flatMap((p) => p.taxes.map((t) => ({ code: t.code, amount: t.amount * p.quantity }))));
  return { currency, brand, passengers, base, taxes, total: base + taxes.reduce((sum, t) => sum + t.amount, 0) };
}

export function cancellationPenalty(quote: Pick<FareQuote, 'base' | 'brand'>): number {
  return percentOf(quote.base, quote.brand.cancelPenaltyPercent);
}
