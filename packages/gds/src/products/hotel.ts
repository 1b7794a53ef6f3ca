import { z } from 'zod';
import { currencySchema, type Money } from '../money/money.ts';
import {
  cityCode,
  daysBetween,
  travelDate,
  type CallContext,
  type SearchResult,
  type SupplierAdapter,
  type SupplierConnection,
} from './common.ts';

export const MAX_NIGHTS = 30;
export const MAX_GUESTS = 9;
/** How far around a point a hotel search looks when the client does not say. */
export const DEFAULT_RADIUS_KM = 5;

/**
 * A hotel search as the platform takes it from any client: in a city (an airport stands for its
 * city: PHH searches PKR) or around a point; a stay of 1 to MAX_NIGHTS nights starting within the
 * travel window; 1 to 9 rooms of at least one adult, at most MAX_GUESTS guests in all.
 */
export const hotelSearchRequestSchema = z
  .object({
    cityCode: cityCode.optional(),
    near: z
      .object({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        radiusKm: z.number().positive().max(100).default(DEFAULT_RADIUS_KM),
      })
      .optional(),
    checkIn: travelDate,
    checkOut: travelDate,
    rooms: z
      .array(
        z.object({
          adults: z.number().int().min(1, 'at least one adult per room').max(8),
          childAges: z.array(z.number().int().min(0).max(17)).max(6).default([]),
        }),
      )
      .min(1, 'at least one room')
      .max(9, 'at most 9 rooms'),
    currency: currencySchema.optional(),
  })
  .superRefine((request, context) => {
    if (!request.cityCode && !request.near)
      context.addIssue({ code: 'custom', path: [], message: 'give a city or a point to search near' });
    if (request.checkOut <= request.checkIn)
      context.addIssue({ code: 'custom', path: ['checkOut'], message: 'must be after the check-in date' });
    else if (daysBetween(request.checkIn, request.checkOut) > MAX_NIGHTS)
      context.addIssue({ code: 'custom', path: ['checkOut'], message: `stays are at most ${MAX_NIGHTS} nights` });
    const guests = request.rooms.reduce((sum, room) => sum + room.adults + room.childAges.length, 0);
    if (guests > MAX_GUESTS)
      context.addIssue({ code: 'custom', path: ['rooms'], message: `at most ${MAX_GUESTS} guests in one search` });
  });
export type HotelSearchRequest = z.infer<typeof hotelSearchRequestSchema>;
/** What a client hands the platform: defaults (radius, child ages) may be left out. */
export type HotelSearchInput = z.input<typeof hotelSearchRequestSchema>;

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

export interface HotelSupplierAdapter extends SupplierAdapter<'hotel', HotelOffer, HotelBookingRequest> {
  search(connection: SupplierConnection, request: HotelSearchRequest, context?: CallContext): Promise<SearchResult<HotelOffer>>;
}
