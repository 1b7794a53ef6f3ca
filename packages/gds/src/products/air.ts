import { z } from 'zod';
import { currencySchema, type Money } from '../money/money.ts';
import {
  isoDate,
  type CallContext,
  type CancellationQuote,
  type CancellationResult,
  type SearchResult,
  type SupplierBooking,
  type SupplierConnection,
} from './common.ts';

const airport = z.string().regex(/^[A-Z]{3}$/, 'an IATA airport or city code');

export const cabinClassSchema = z.enum(['economy', 'premium_economy', 'business', 'first']);
export type CabinClass = z.infer<typeof cabinClassSchema>;

export const passengerTypeSchema = z.enum(['adult', 'child', 'infant_without_seat']);

export const airSearchRequestSchema = z.object({
  slices: z
    .array(z.object({ origin: airport, destination: airport, departureDate: isoDate }))
    .min(1)
    .max(6),
  passengers: z
    .array(z.object({ type: passengerTypeSchema, age: z.number().int().min(0).max(120).optional() }))
    .min(1)
    .max(9),
  cabinClass: cabinClassSchema.default('economy'),
  currency: currencySchema.optional(),
  maxConnections: z.number().int().min(0).max(3).optional(),
});
export type AirSearchRequest = z.infer<typeof airSearchRequestSchema>;

export interface FlightSegment {
  marketingCarrier: string;
  flightNumber: string;
  operatingCarrier?: string;
  origin: string;
  destination: string;
  /** Local times at origin/destination, ISO 8601 (with offset when the supplier gives one). */
  departingAt: string;
  arrivingAt: string;
  cabinClass: CabinClass;
  bookingClass?: string;
  aircraft?: string;
  durationMinutes?: number;
}

export interface AirOffer {
  supplierId: string;
  /** What the adapter needs to price and book this offer again; opaque to everyone else. */
  supplierOfferRef: string;
  slices: Array<{ origin: string; destination: string; segments: FlightSegment[] }>;
  passengers: AirSearchRequest['passengers'];
  base: Money;
  taxes: Money;
  total: Money;
  fareBasis?: string;
  refundable?: boolean;
  seatsRemaining?: number;
  /** When the supplier stops honouring this price. */
  expiresAt?: string;
}

export interface AirPricing {
  offer: AirOffer;
  /** True when the supplier's price differs from the offer that was priced. */
  priceChanged: boolean;
}

export const airPassengerSchema = z.object({
  type: passengerTypeSchema,
  title: z.enum(['mr', 'ms', 'mrs', 'miss', 'dr']).optional(),
  givenName: z.string().min(1).max(60),
  familyName: z.string().min(1).max(60),
  dateOfBirth: isoDate,
  gender: z.enum(['m', 'f', 'x']).optional(),
});
export type AirPassenger = z.infer<typeof airPassengerSchema>;

export interface AirBookingRequest {
  offer: AirOffer;
  passengers: AirPassenger[];
  contact: { email: string; phone: string };
}

/** One adapter per air supplier. Every method throws SupplierError on failure. */
export interface AirSupplierAdapter {
  readonly supplierId: string;
  readonly product: 'air';
  search(connection: SupplierConnection, request: AirSearchRequest, context?: CallContext): Promise<SearchResult<AirOffer>>;
  price(connection: SupplierConnection, offer: AirOffer, context?: CallContext): Promise<AirPricing>;
  /** Creates a held reservation (PNR) without issuing tickets. */
  book(connection: SupplierConnection, request: AirBookingRequest, context?: CallContext): Promise<SupplierBooking>;
  /** Issues tickets for a held reservation. */
  confirm(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking>;
  quoteCancellation(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<CancellationQuote>;
  cancel(connection: SupplierConnection, quote: CancellationQuote, context?: CallContext): Promise<CancellationResult>;
  retrieve(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking>;
}
