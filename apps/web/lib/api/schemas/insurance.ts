import { z } from 'zod';
import {
  countryCode,
  currencyCode,
  earliestTravelDate,
  fxView,
  isoDate,
  moneyBody,
  moneyView,
  travelDate,
  warningView,
} from './common.ts';

const MAX_TRIP_DAYS = 365;

export const insuranceQuoteBody = z
  .object({
    trip: z.object({
      destination: countryCode,
      start_date: travelDate,
      end_date: isoDate,
      total_cost: moneyBody.describe('What the trip costs: cover for cancellation is priced from it.'),
    }),
    travellers: z
      .array(z.object({ birth_date: isoDate.refine((date) => date <= earliestTravelDate(), 'must be in the past') }))
      .min(1, 'at least one traveller')
      .max(9, 'at most 9 travellers'),
    residence_country: countryCode.default('NP').describe('Where the travellers live (default NP).'),
    adventure_activities: z.boolean().default(false).describe('Trekking above 4,000 m, rafting and the like.'),
    currency: currencyCode.optional().describe('Premiums are given in this currency (default: the trip cost’s).'),
  })
  .superRefine((body, context) => {
    if (body.trip.end_date < body.trip.start_date) {
      context.addIssue({ code: 'custom', path: ['trip', 'end_date'], message: 'must not be before start_date' });
    } else if (Date.parse(body.trip.end_date) - Date.parse(body.trip.start_date) > MAX_TRIP_DAYS * 86_400_000) {
      context.addIssue({ code: 'custom', path: ['trip', 'end_date'], message: `trips are at most ${MAX_TRIP_DAYS} days` });
    }
    body.travellers.forEach((traveller, index) => {
      if (ageOn(traveller.birth_date, body.trip.start_date) > 100) {
        context.addIssue({
          code: 'custom',
          path: ['travellers', index, 'birth_date'],
          message: 'travellers over 100 cannot be insured online',
        });
      }
    });
  })
  .describe('A travel insurance quote for one trip.');
export type InsuranceQuoteBody = z.output<typeof insuranceQuoteBody>;

/** Age in whole years on a day (birthdays on 29 February count from 1 March in other years). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const insuranceOfferView = z.object({
  id: z.string(),
  offer_request_id: z.string(),
  supplier: z.string(),
  plan: z.string(),
  plan_name: z.string(),
  total_amount: z.string().describe('The premium for every traveller, in the asked currency.'),
  total_currency: z.string(),
  supplier_total: moneyView,
  fx: fxView.nullable(),
  coverages: z.array(
    z.object({ type: z.string(), limit: moneyView, deductible: moneyView.nullable(), level: z.string().nullable() }),
  ),
  expires_at: z.string(),
  priced_at: z.string(),
});
export type InsuranceOfferView = z.infer<typeof insuranceOfferView>;

export const insuranceQuoteView = z.object({
  data: z.object({
    id: z.string().describe('inq_…'),
    created_at: z.string(),
    currency: z.string(),
    offers: z.array(insuranceOfferView),
    warnings: z.array(warningView),
  }),
});
