import { z } from 'zod';
import { statedMoneySchema, type Money } from '../money/money.ts';
import {
  countryCode,
  daysBetween,
  isoDate,
  travelDate,
  type CallContext,
  type SearchResult,
  type SupplierAdapter,
  type SupplierConnection,
} from './common.ts';

export const MAX_TRIP_DAYS = 365;
/** The oldest traveller the suppliers insure online, in whole years on the day the trip starts. */
export const MAX_INSURABLE_AGE = 100;

/** A quote request's shape, as a supplier's offer reference keeps it (today's rules are not asked of it again). */
export const insuranceQuoteShape = z.object({
  tripCost: statedMoneySchema,
  departureDate: isoDate,
  returnDate: isoDate,
  destinationCountry: countryCode,
  residenceCountry: countryCode.default('NP'),
  travellers: z
    .array(z.object({ age: z.number().int().min(0).max(120) }))
    .min(1, 'at least one traveller')
    .max(9, 'at most 9 travellers'),
  /** Trekking above 4,000 m and the like: priced as an add-on where offered. */
  adventureActivities: z.boolean().default(false),
});

/**
 * A travel insurance quote as the platform takes it from any client: a trip starting within the
 * travel window, returning on or after the day it starts and at most MAX_TRIP_DAYS long; 1 to 9
 * travellers, none older than MAX_INSURABLE_AGE; the trip's cost within its currency's decimals.
 */
export const insuranceQuoteRequestSchema = insuranceQuoteShape.superRefine((request, context) => {
  const departure = travelDate.safeParse(request.departureDate);
  if (!departure.success)
    for (const issue of departure.error.issues)
      context.addIssue({ code: 'custom', path: ['departureDate'], message: issue.message });
  if (request.returnDate < request.departureDate)
    context.addIssue({ code: 'custom', path: ['returnDate'], message: 'must not be before the departure date' });
  else if (daysBetween(request.departureDate, request.returnDate) > MAX_TRIP_DAYS)
    context.addIssue({ code: 'custom', path: ['returnDate'], message: `trips are at most ${MAX_TRIP_DAYS} days` });
  request.travellers.forEach((traveller, index) => {
    if (traveller.age > MAX_INSURABLE_AGE)
      context.addIssue({
        code: 'custom',
        path: ['travellers', index, 'age'],
        message: `travellers over ${MAX_INSURABLE_AGE} cannot be insured online`,
      });
  });
});
export type InsuranceQuoteRequest = z.infer<typeof insuranceQuoteRequestSchema>;
/** What a client hands the platform: defaults (residence, adventure cover) may be left out. */
export type InsuranceQuoteInput = z.input<typeof insuranceQuoteRequestSchema>;

/** Age in whole years on a day (a 29 February birthday counts from 1 March in other years). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export interface InsuranceOffer {
  supplierId: string;
  supplierOfferRef: string;
  planCode: string;
  planName: string;
  premium: Money;
  /** `level`: how far a cover reaches where the plan says so, e.g. adventure cover to '6000M'. */
  coverages: Array<{ type: string; limit: Money; deductible?: Money; level?: string }>;
  expiresAt?: string;
}

export const insuredPersonSchema = z.object({
  givenName: z.string().min(1).max(60),
  familyName: z.string().min(1).max(60),
  dateOfBirth: isoDate,
});

export interface InsuranceBookingRequest {
  offer: InsuranceOffer;
  insured: Array<z.infer<typeof insuredPersonSchema>>;
  contact: { email: string; phone: string };
}

/** One adapter per insurer; a booking is a policy on hold, issued on confirm. */
export interface InsuranceSupplierAdapter extends SupplierAdapter<'insurance', InsuranceOffer, InsuranceBookingRequest> {
  quote(
    connection: SupplierConnection,
    request: InsuranceQuoteRequest,
    context?: CallContext,
  ): Promise<SearchResult<InsuranceOffer>>;
}
