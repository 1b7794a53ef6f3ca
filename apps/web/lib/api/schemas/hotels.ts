import { z } from 'zod';
import { cityCode, currencyCode, fxView, moneyView, travelDate, warningView } from './common.ts';

const MAX_NIGHTS = 30;
const MAX_GUESTS = 9;

export const hotelSearchBody = z
  .object({
    destination: z
      .object({
        city: cityCode.optional(),
        latitude: z.number().min(-90).max(90).optional(),
        longitude: z.number().min(-180).max(180).optional(),
        radius_km: z.number().positive().max(100).optional(),
      })
      .describe('A city code, or a point (latitude, longitude) with a radius (default 5 km).'),
    check_in_date: travelDate,
    check_out_date: travelDate,
    rooms: z
      .array(
        z.object({
          adults: z.number().int().min(1, 'at least one adult per room').max(8),
          child_ages: z.array(z.number().int().min(0).max(17)).max(6).default([]),
        }),
      )
      .min(1, 'at least one room')
      .max(9, 'at most 9 rooms'),
    currency: currencyCode.optional().describe('Prices are given in this currency (default NPR).'),
  })
  .superRefine((body, context) => {
    const { city, latitude, longitude } = body.destination;
    const point = latitude !== undefined || longitude !== undefined;
    if (!city && !point)
      context.addIssue({ code: 'custom', path: ['destination'], message: 'give a city or a latitude and longitude' });
    if (point && (latitude === undefined || longitude === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['destination', latitude === undefined ? 'latitude' : 'longitude'],
        message: 'is required with the other coordinate',
      });
    }
    if (body.check_out_date <= body.check_in_date) {
      context.addIssue({ code: 'custom', path: ['check_out_date'], message: 'must be after check_in_date' });
    } else if (Date.parse(body.check_out_date) - Date.parse(body.check_in_date) > MAX_NIGHTS * 86_400_000) {
      context.addIssue({ code: 'custom', path: ['check_out_date'], message: `stays are at most ${MAX_NIGHTS} nights` });
    }
    const guests = body.rooms.reduce((sum, room) => sum + room.adults + room.child_ages.length, 0);
    if (guests > MAX_GUESTS)
      context.addIssue({ code: 'custom', path: ['rooms'], message: `at most ${MAX_GUESTS} guests in one search` });
  })
  .describe('A hotel search in a city or around a point.');
export type HotelSearchBody = z.output<typeof hotelSearchBody>;

export const hotelOfferView = z.object({
  id: z.string(),
  offer_request_id: z.string(),
  supplier: z.string().describe('The supplier whose rate this is: the cheapest of the sources.'),
  sources: z.array(z.string()).describe('Every supplier with a rate for this property.'),
  property: z.object({
    id: z.string().describe('hp_…: the same property whichever suppliers list it.'),
    name: z.string(),
    address: z.string().nullable(),
    city: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    star_rating: z.number().nullable(),
  }),
  room: z.object({
    name: z.string(),
    board: z.string().nullable(),
    refundable: z.boolean().nullable(),
    cancellation_deadline: z.string().nullable(),
  }),
  check_in_date: z.string(),
  check_out_date: z.string(),
  nights: z.number().int(),
  total_amount: z.string().describe('The whole stay, taxes included, in the asked currency.'),
  total_currency: z.string(),
  supplier_total: moneyView.describe('The whole stay with taxes in the supplier’s currency.'),
  supplier_price: z
    .object({
      amount: z.string(),
      currency: z.string(),
      basis: z.enum(['per_night', 'per_stay']),
      taxes_included: z.boolean(),
      taxes: moneyView.nullable(),
    })
    .describe('The price exactly as the supplier stated it.'),
  fx: fxView.nullable(),
  rooms_remaining: z.number().int().nullable(),
  expires_at: z.string(),
  priced_at: z.string(),
});
export type HotelOfferView = z.infer<typeof hotelOfferView>;

export const hotelSearchView = z.object({
  data: z.object({
    id: z.string().describe('hsr_…'),
    created_at: z.string(),
    currency: z.string(),
    offers: z.array(hotelOfferView),
    warnings: z.array(warningView),
  }),
});
