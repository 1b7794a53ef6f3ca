import { countryCode, currencySchema, isoDate } from '@himal/gds';
import { z } from 'zod';

/**
 * The rules of an order request that hold whatever is being bought. Rules that depend on the items
 * (how many travellers an offer is for, ages on the day of travel, passports valid to the end of the
 * trip) are checked once the items are known (`checkTravellers`).
 */
export const MAX_ORDER_ITEMS = 4;
export const MAX_TRAVELLERS = 9;
export const MAX_DEPARTURE_SEATS = 9;
export const ORDER_LANGUAGES = ['en', 'ne'] as const;

/** Letters of any script, with the spaces, hyphens, apostrophes and dots real names have; no digits. */
const personName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(60, 'at most 60 characters')
  .regex(/^\p{L}[\p{L}\p{M} .'’-]*$/u, 'letters only, as on the passport');

const pastDate = isoDate.refine((date) => date <= new Date().toISOString().slice(0, 10), 'must not be in the future');

export const orderTravellerSchema = z.object({
  title: z.enum(['mr', 'ms', 'mrs', 'miss', 'dr']).optional(),
  givenName: personName,
  familyName: personName,
  dateOfBirth: pastDate,
  gender: z.enum(['m', 'f', 'x']).optional(),
  nationality: countryCode.optional(),
  passport: z
    .object({
      number: z.string().regex(/^[A-Z0-9]{5,20}$/, '5 to 20 capital letters and digits'),
      expiresOn: isoDate,
      issuingCountry: countryCode.optional(),
    })
    .optional(),
});
export type OrderTravellerInput = z.infer<typeof orderTravellerSchema>;

export const orderItemRequestSchema = z.union([
  z.strictObject({ offerId: z.string().min(1).max(64) }),
  z.strictObject({
    departureId: z.string().min(1).max(64),
    seats: z.int().min(1).max(MAX_DEPARTURE_SEATS, `at most ${MAX_DEPARTURE_SEATS} seats`),
  }),
]);
export type OrderItemRequest = z.infer<typeof orderItemRequestSchema>;

export const paymentChoiceSchema = z.object({
  method: z.enum(['card', 'esewa']),
  currency: currencySchema,
});
export type PaymentChoice = z.infer<typeof paymentChoiceSchema>;

export const createOrderRequestSchema = z
  .object({
    /** instant: paid now (the traveller is sent to pay); hold: kept unpaid until payment_required_by. */
    type: z.enum(['instant', 'hold']),
    items: z.array(orderItemRequestSchema).min(1, 'at least one item').max(MAX_ORDER_ITEMS, `at most ${MAX_ORDER_ITEMS} items`),
    travellers: z
      .array(orderTravellerSchema)
      .min(1, 'at least one traveller')
      .max(MAX_TRAVELLERS, `at most ${MAX_TRAVELLERS} travellers`),
    contact: z.object({
      email: z.email('an e-mail address').max(254),
      phone: z.string().regex(/^\+[1-9]\d{6,14}$/, 'an international number, e.g. +9779812345678'),
    }),
    language: z.enum(ORDER_LANGUAGES).default('en'),
    payment: paymentChoiceSchema.optional(),
  })
  .superRefine((request, context) => {
    if (request.type === 'instant' && !request.payment)
      context.addIssue({ code: 'custom', path: ['payment'], message: 'an instant order is paid now: give a payment method' });
    const seen = new Set<string>();
    request.items.forEach((item, index) => {
      const key = 'offerId' in item ? item.offerId : item.departureId;
      if (seen.has(key)) context.addIssue({ code: 'custom', path: ['items', index], message: 'is already in the order' });
      seen.add(key);
    });
  });
export type CreateOrderRequest = z.infer<typeof createOrderRequestSchema>;
export type CreateOrderInput = z.input<typeof createOrderRequestSchema>;

/** Whole years from a birth date to a day. */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** IATA's bands, on a given day: infant under 2, child 2–11, adult 12 and over. */
export function passengerTypeOn(dateOfBirth: string, day: string): 'adult' | 'child' | 'infant_without_seat' {
  const age = ageOn(dateOfBirth, day);
  return age >= 12 ? 'adult' : age >= 2 ? 'child' : 'infant_without_seat';
}
