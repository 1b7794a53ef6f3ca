import { cabinClassSchema as cabinClass, MAX_PASSENGERS, MAX_SLICES, passengerTypeSchema as passengerType } from '@himal/gds';
import { z } from 'zod';
import { currencyCode, fxView, iataCode, isoDate, moneyView, warningView } from './common.ts';

export const airOfferRequestBody = z
  .object({
    slices: z
      .array(z.object({ origin: iataCode, destination: iataCode, departure_date: isoDate }))
      // The limits are the product's (checked by the service, in one answer with every other rule); shown here.
      .meta({ minItems: 1, maxItems: MAX_SLICES })
      .describe(`1 to ${MAX_SLICES}, each to another city, none departing before the one before it.`),
    passengers: z
      .array(z.object({ type: passengerType, age: z.number().int().min(0).max(120).optional() }))
      .meta({ minItems: 1, maxItems: MAX_PASSENGERS })
      .describe(
        `1 to ${MAX_PASSENGERS}, at least one adult; each infant without a seat on an adult's lap; an age, when given, fits the type (adult 12+, child 2–11, infant under 2).`,
      ),
    cabin_class: cabinClass.optional().describe('Default economy.'),
    currency: currencyCode.optional().describe('Prices are given in this currency (default NPR).'),
    max_connections: z.number().int().min(0).max(3).optional(),
  })
  .describe('A flight search: one slice per direction (a return trip has two).');
export type AirOfferRequestBody = z.output<typeof airOfferRequestBody>;

const segmentView = z.object({
  marketing_carrier: z.string(),
  flight_number: z.string(),
  operating_carrier: z.string().nullable(),
  origin: z.string(),
  destination: z.string(),
  departing_at: z.string(),
  arriving_at: z.string(),
  cabin_class: cabinClass,
  booking_class: z.string().nullable(),
  aircraft: z.string().nullable(),
  duration_minutes: z.number().int().nullable(),
});

export const airOfferView = z.object({
  id: z.string().describe('off_…: all a client needs to read or book the offer again.'),
  offer_request_id: z.string(),
  supplier: z.string(),
  total_amount: z.string(),
  total_currency: z.string(),
  base_amount: z.string().describe("The fare without taxes, in the supplier's currency."),
  tax_amount: z.string(),
  supplier_total: moneyView.describe('The supplier’s own price, before conversion.'),
  fx: fxView.nullable(),
  slices: z.array(z.object({ origin: z.string(), destination: z.string(), segments: z.array(segmentView) })),
  passengers: z.array(z.object({ type: passengerType, age: z.number().int().nullable() })),
  fare_basis: z.string().nullable(),
  refundable: z.boolean().nullable(),
  seats_remaining: z.number().int().nullable(),
  expires_at: z.string(),
  priced_at: z.string(),
});
export type AirOfferView = z.infer<typeof airOfferView>;

export const airOfferRequestView = z.object({
  data: z.object({
    id: z.string().describe('orq_…'),
    created_at: z.string(),
    currency: z.string(),
    offers: z.array(airOfferView),
    warnings: z.array(warningView),
  }),
});
