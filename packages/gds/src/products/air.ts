import { z } from 'zod';
import { currencySchema, type Money } from '../money/money.ts';
import { cityOf } from '../reference/airports.ts';
import {
  airportOrCityCode,
  isoDate,
  travelDate,
  type CallContext,
  type SearchResult,
  type SupplierAdapter,
  type SupplierConnection,
} from './common.ts';

export const cabinClassSchema = z.enum(['economy', 'premium_economy', 'business', 'first']);
export type CabinClass = z.infer<typeof cabinClassSchema>;

export const passengerTypeSchema = z.enum(['adult', 'child', 'infant_without_seat']);
export type PassengerType = z.infer<typeof passengerTypeSchema>;

export const MAX_SLICES = 6;
export const MAX_PASSENGERS = 9;

/** The ages each passenger type covers, in whole years on the day of travel (IATA's bands). */
export function fitsPassengerType(type: PassengerType, age: number): boolean {
  if (type === 'adult') return age >= 12;
  if (type === 'child') return age >= 2 && age <= 11;
  return age < 2;
}

/**
 * A flight search as the platform takes it from any client: one slice per direction, each to
 * another city and none departing before the one before it; 1 to 9 passengers with at least one
 * adult, each infant without a seat on an adult's lap, and ages (when given) that fit their type.
 */
export const airSearchRequestSchema = z
  .object({
    slices: z
      .array(z.object({ origin: airportOrCityCode, destination: airportOrCityCode, departureDate: travelDate }))
      .min(1, 'at least one slice')
      .max(MAX_SLICES, `at most ${MAX_SLICES} slices`),
    passengers: z
      .array(z.object({ type: passengerTypeSchema, age: z.number().int().min(0).max(120).optional() }))
      .min(1, 'at least one passenger')
      .max(MAX_PASSENGERS, `at most ${MAX_PASSENGERS} passengers`),
    cabinClass: cabinClassSchema.default('economy'),
    currency: currencySchema.optional(),
    maxConnections: z.number().int().min(0).max(3).optional(),
  })
  .superRefine((request, context) => {
    request.slices.forEach((slice, index) => {
      const sameCity = cityOf(slice.origin)?.code === cityOf(slice.destination)?.code;
      if (slice.origin === slice.destination || sameCity)
        context.addIssue({
          code: 'custom',
          path: ['slices', index, 'destination'],
          message: 'must be another city than the origin',
        });
      const previous = request.slices[index - 1];
      if (previous && slice.departureDate < previous.departureDate)
        context.addIssue({
          code: 'custom',
          path: ['slices', index, 'departureDate'],
          message: 'must not be before the previous slice departs',
        });
    });
    const count = (type: PassengerType) => request.passengers.filter((passenger) => passenger.type === type).length;
    if (request.passengers.length > 0 && count('adult') === 0)
      context.addIssue({ code: 'custom', path: ['passengers'], message: 'at least one adult' });
    if (count('infant_without_seat') > count('adult'))
      context.addIssue({ code: 'custom', path: ['passengers'], message: 'each infant without a seat travels on an adult’s lap' });
    request.passengers.forEach((passenger, index) => {
      if (passenger.age !== undefined && !fitsPassengerType(passenger.type, passenger.age))
        context.addIssue({
          code: 'custom',
          path: ['passengers', index, 'age'],
          message: `does not fit a passenger of type ${passenger.type}`,
        });
    });
  });
export type AirSearchRequest = z.infer<typeof airSearchRequestSchema>;
/** What a client hands the platform: defaults (cabin class) may be left out. */
export type AirSearchInput = z.input<typeof airSearchRequestSchema>;

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

/** What pricing an air offer again comes to. */
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

/** One adapter per air supplier: it searches, and books what it found (held as a PNR, ticketed on confirm). */
export interface AirSupplierAdapter extends SupplierAdapter<'air', AirOffer, AirBookingRequest> {
  search(connection: SupplierConnection, request: AirSearchRequest, context?: CallContext): Promise<SearchResult<AirOffer>>;
}
