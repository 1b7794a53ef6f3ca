import { cityOf } from '@himal/gds';
import { z } from 'zod';
import { airportOrCityCode, currencyCode, fxView, moneyView, travelDate, warningView } from './common.ts';

const passengerType = z.enum(['adult', 'child', 'infant_without_seat']);
const cabinClass = z.enum(['economy', 'premium_economy', 'business', 'first']);

export const airOfferRequestBody = z
  .object({
    slices: z
      .array(z.object({ origin: airportOrCityCode, destination: airportOrCityCode, departure_date: travelDate }))
      .min(1, 'at least one slice')
      .max(6, 'at most 6 slices'),
    passengers: z
      .array(z.object({ type: passengerType, age: z.number().int().min(0).max(120).optional() }))
      .min(1, 'at least one passenger')
      .max(9, 'at most 9 passengers'),
    cabin_class: cabinClass.default('economy'),
    currency: currencyCode.optional().describe('Prices are given in this currency (default NPR).'),
    max_connections: z.number().int().min(0).max(3).optional(),
  })
  .superRefine((body, context) => {
    body.slices.forEach((slice, index) => {
      const sameCity = cityOf(slice.origin)?.code === cityOf(slice.destination)?.code;
      if (slice.origin === slice.destination || sameCity) {
        context.addIssue({
          code: 'custom',
          path: ['slices', index, 'destination'],
          message: 'must be another city than the origin',
        });
      }
      const previous = body.slices[index - 1];
      if (previous && slice.departure_date < previous.departure_date) {
        context.addIssue({
          code: 'custom',
          path: ['slices', index, 'departure_date'],
          message: 'must not be before the previous slice departs',
        });
      }
    });
    const count = (type: z.infer<typeof passengerType>) => body.passengers.filter((p) => p.type === type).length;
    if (body.passengers.length > 0 && count('adult') === 0)
      context.addIssue({ code: 'custom', path: ['passengers'], message: 'at least one adult' });
    if (count('infant_without_seat') > count('adult')) {
      context.addIssue({ code: 'custom', path: ['passengers'], message: 'each infant without a seat travels on an adult’s lap' });
    }
    body.passengers.forEach((passenger, index) => {
      if (passenger.age === undefined) return;
      const fits =
        passenger.type === 'adult'
          ? passenger.age >= 12
          : passenger.type === 'child'
            ? passenger.age >= 2 && passenger.age <= 11
            : passenger.age < 2;
      if (!fits)
        context.addIssue({
          code: 'custom',
          path: ['passengers', index, 'age'],
          message: `does not fit a passenger of type ${passenger.type}`,
        });
    });
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
