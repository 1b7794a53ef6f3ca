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

export const hotelSearchRequestSchema = z
  .object({
    /** IATA city code (KTM, PKR, ...) or a point with a radius. */
    cityCode: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    near: z
      .object({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        radiusKm: z.number().positive().max(100),
      })
      .optional(),
    checkIn: isoDate,
    checkOut: isoDate,
    rooms: z
      .array(
        z.object({
          adults: z.number().int().min(1).max(8),
          childAges: z.array(z.number().int().min(0).max(17)).max(6).default([]),
        }),
      )
      .min(1)
      .max(9),
    currency: currencySchema.optional(),
  })
  .refine((r) => r.cityCode || r.near, 'give a cityCode or a point to search near')
  .refine((r) => r.checkOut > r.checkIn, 'checkOut must be after checkIn');
export type HotelSearchRequest = z.infer<typeof hotelSearchRequestSchema>;

export interface HotelProperty {
  /** The property's code at this supplier. */
  supplierHotelCode: string;
  name: string;
  address?: string;
  cityCode?: string;
  latitude?: number;
  longitude?: number;
  starRating?: number;
}

/** A price exactly as the supplier stated it; the aggregator normalises it. */
export interface SupplierHotelPrice {
  amount: Money;
  basis: 'per_night' | 'per_stay';
  taxesIncluded: boolean;
  /** Taxes as stated, when the supplier states them apart. */
  taxes?: Money;
}

export interface HotelOffer {
  supplierId: string;
  supplierOfferRef: string;
  hotel: HotelProperty;
  room: { name: string; board?: string; refundable?: boolean; cancellationDeadline?: string };
  checkIn: string;
  checkOut: string;
  nights: number;
  price: SupplierHotelPrice;
  roomsRemaining?: number;
  expiresAt?: string;
}

export const hotelGuestSchema = z.object({ givenName: z.string().min(1).max(60), familyName: z.string().min(1).max(60) });

export interface HotelBookingRequest {
  offer: HotelOffer;
  guests: Array<z.infer<typeof hotelGuestSchema>>;
  contact: { email: string; phone: string };
}

export interface HotelSupplierAdapter {
  readonly supplierId: string;
  readonly product: 'hotel';
  search(connection: SupplierConnection, request: HotelSearchRequest, context?: CallContext): Promise<SearchResult<HotelOffer>>;
  /** Rechecks availability and price of one offer. */
  price(
    connection: SupplierConnection,
    offer: HotelOffer,
    context?: CallContext,
  ): Promise<{ offer: HotelOffer; priceChanged: boolean }>;
  book(connection: SupplierConnection, request: HotelBookingRequest, context?: CallContext): Promise<SupplierBooking>;
  confirm(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking>;
  quoteCancellation(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<CancellationQuote>;
  cancel(connection: SupplierConnection, quote: CancellationQuote, context?: CallContext): Promise<CancellationResult>;
  retrieve(connection: SupplierConnection, supplierReference: string, context?: CallContext): Promise<SupplierBooking>;
}
