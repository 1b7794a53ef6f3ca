import { DEFAULT_RADIUS_KM, MAX_GUESTS, MAX_NIGHTS } from '@himal/gds';
import { z } from 'zod';
import { currencyCode, fxView, iataCode, isoDate, moneyView, warningView } from './common.ts';

export const hotelSearchBody = z
  .object({
    destination: z
      .object({
        city: iataCode.optional().describe('An airport code stands for its city (PHH searches PKR).'),
        latitude: z.number().min(-90).max(90).optional(),
        longitude: z.number().min(-180).max(180).optional(),
        radius_km: z.number().positive().max(100).optional(),
      })
      .describe(`A city code, or a point (latitude, longitude) with a radius (default ${DEFAULT_RADIUS_KM} km).`),
    check_in_date: isoDate,
    check_out_date: isoDate.describe(`After check_in_date; stays are at most ${MAX_NIGHTS} nights.`),
    rooms: z
      .array(
        z.object({
          adults: z.number().int(),
          child_ages: z.array(z.number().int()).optional(),
        }),
      )
      .meta({ minItems: 1, maxItems: 9 })
      .describe(`1 to 9 rooms of 1 to 8 adults and up to 6 children (0–17); at most ${MAX_GUESTS} guests in all.`),
    currency: currencyCode.optional().describe('Prices are given in this currency (default NPR).'),
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
