import { z } from 'zod';
import { moneySchema, type Money } from '../money/money.ts';
import {
  isoDate,
  type CallContext,
  type CancellationQuote,
  type CancellationResult,
  type SearchResult,
  type SupplierBooking,
  type SupplierConnection,
} from './common.ts';

const country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code');

export const insuranceQuoteRequestSchema = z
  .object({
    tripCost: moneySchema,
    departureDate: isoDate,
    returnDate: isoDate,
    destinationCountry: country,
    residenceCountry: country,
    travellers: z
      .array(z.object({ age: z.number().int().min(0).max(100) }))
      .min(1)
      .max(9),
    /** Trekking above 4,000 m and the like: priced as an add-on where offered. */
    adventureActivities: z.boolean().default(false),
  })
  .refine((r) => r.returnDate >= r.departureDate, 'returnDate must not be before departureDate');
export type InsuranceQuoteRequest = z.infer<typeof insuranceQuoteRequestSchema>;

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

export interface InsuranceSupplierAdapter {
  readonly supplierId: string;
  readonly product: 'insurance';
  quote(
    connection: SupplierConnection,
    request: InsuranceQuoteRequest,
    context?: CallContext,
  ): Promise<SearchResult<InsuranceOffer>>;
  price(
    connection: SupplierConnection,
    offer: InsuranceOffer,
    context?: CallContext,
  ): Promise<{ offer: InsuranceOffer; priceChanged: boolean }>;
  /** Binds the policy on hold (issued on confirm). */
  book(connection: SupplierConnection, request: InsuranceBookingRequest, context?: CallContext): Promise<SupplierBooking>;
  confirm(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking>;
  quoteCancellation(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<CancellationQuote>;
  cancel(connection: SupplierConnection, quote: CancellationQuote, context?: CallContext): Promise<CancellationResult>;
  retrieve(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking>;
}
