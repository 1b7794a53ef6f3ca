import { z } from 'zod';
import type { Money } from '../money/money.ts';
import { cityOf, isKnownAirportOrCity } from '../reference/airports.ts';

export type Product = 'air' | 'hotel' | 'insurance';

/** How the platform reaches one supplier: from a supplier account, credentials decrypted. */
export interface SupplierConnection {
  supplierId: string;
  endpoint: string;
  credentials: Record<string, string>;
}

/** Per-call context: who the call is for (recorded), and how long it may take. */
export interface CallContext {
  tenantId?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A supplier answered, but with something the traveller or the agency should know. */
export interface SupplierWarning {
  supplierId: string;
  code: string;
  message: string;
}

export interface SearchResult<Offer> {
  offers: Offer[];
  warnings: SupplierWarning[];
}

export const isoDate = z.iso.date('a date as YYYY-MM-DD');

/**
 * The rules every request a traveller makes is held to, whichever client sends it (the REST API,
 * the booking forms): the product schemas below are built from them and the services parse with
 * those schemas; a client maps its own wire format onto them.
 */

/** How far ahead travel can be asked for. */
export const TRAVEL_WINDOW_DAYS = 365;
/** Where the day starts last: a date before today there is past for everyone on Earth. */
const EARLIEST_UTC_OFFSET_HOURS = -12;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Today where the day starts last (UTC-12): a travel date before it is past everywhere. */
export function earliestTravelDate(now = new Date()): string {
  return isoDay(new Date(now.getTime() + EARLIEST_UTC_OFFSET_HOURS * 3_600_000));
}

export function latestTravelDate(now = new Date()): string {
  return isoDay(new Date(now.getTime() + TRAVEL_WINDOW_DAYS * 86_400_000));
}

/** A day travel starts on: not in the past anywhere on Earth, nor more than TRAVEL_WINDOW_DAYS ahead. */
export const travelDate = isoDate
  .refine((date) => date >= earliestTravelDate(), 'must not be in the past')
  .refine((date) => date <= latestTravelDate(), `must be within ${TRAVEL_WINDOW_DAYS} days`);

/** Whole days from one ISO date to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** The format of an airport or city code; whether it is one the platform knows is a rule of its own. */
export const iataCode = z.string().regex(/^[A-Z]{3}$/, 'an IATA airport or city code, e.g. KTM');

export const airportOrCityCode = iataCode.refine(isKnownAirportOrCity, 'not an airport or city we know');

/** A city, or an airport standing for its city (PHH -> PKR): suppliers search hotels by city. */
export const cityCode = iataCode
  .refine((code) => !!cityOf(code), 'not a city we know')
  .transform((code) => cityOf(code)?.code ?? code);

export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code, e.g. NP');

/** A held or confirmed reservation at a supplier. */
export interface SupplierBooking {
  supplierId: string;
  /** The supplier's record locator / confirmation number. */
  supplierReference: string;
  status: 'held' | 'confirmed' | 'cancelled';
  total: Money;
  /** When an unconfirmed hold lapses at the supplier (ISO 8601 with offset). */
  holdExpiresAt?: string;
  /** Ticket numbers, voucher or policy numbers once confirmed. */
  documents: string[];
}

/** What cancelling would cost, valid until `expiresAt`; committing it needs `quoteRef`. */
export interface CancellationQuote {
  supplierId: string;
  supplierReference: string;
  quoteRef: string;
  penalty: Money;
  refund: Money;
  expiresAt?: string;
}

export interface CancellationResult {
  supplierId: string;
  supplierReference: string;
  status: 'cancelled';
  penalty: Money;
  refund: Money;
  cancellationReference?: string;
}

/**
 * What every product's adapter does with an offer once a traveller chose it: price it again, hold
 * it, confirm the hold (ticket, voucher, policy), quote then commit a cancellation, and read the
 * booking back. Every method throws SupplierError on failure.
 */
export interface SupplierAdapter<P extends Product, Offer, BookingRequest> {
  readonly supplierId: string;
  readonly product: P;
  /** Rechecks availability and price of one offer. */
  price(connection: SupplierConnection, offer: Offer, context?: CallContext): Promise<{ offer: Offer; priceChanged: boolean }>;
  /** Holds the offer (a PNR, a room, a policy on hold) without issuing it. */
  book(connection: SupplierConnection, request: BookingRequest, context?: CallContext): Promise<SupplierBooking>;
  /** Issues what a hold reserved. */
  confirm(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking>;
  quoteCancellation(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<CancellationQuote>;
  cancel(connection: SupplierConnection, quote: CancellationQuote, context?: CallContext): Promise<CancellationResult>;
  retrieve(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking>;
}
