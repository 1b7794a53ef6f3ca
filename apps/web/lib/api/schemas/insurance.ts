import { MAX_INSURABLE_AGE, MAX_TRIP_DAYS } from '@himal/gds';
import { z } from 'zod';
import { countryCode, currencyCode, earliestTravelDate, fxView, isoDate, moneyBody, moneyView, warningView } from './common.ts';

export const insuranceQuoteBody = z
  .object({
    trip: z.object({
      destination: countryCode,
      start_date: isoDate,
      end_date: isoDate.describe(`On or after start_date; trips are at most ${MAX_TRIP_DAYS} days.`),
      total_cost: moneyBody.describe('What the trip costs: cover for cancellation is priced from it.'),
    }),
    travellers: z
      .array(z.object({ birth_date: isoDate.refine((date) => date <= earliestTravelDate(), 'must be in the past') }))
      .meta({ minItems: 1, maxItems: 9 })
      .describe(`1 to 9; none over ${MAX_INSURABLE_AGE} on the day the trip starts.`),
    residence_country: countryCode.optional().describe('Where the travellers live (default NP).'),
    adventure_activities: z.boolean().optional().describe('Trekking above 4,000 m, rafting and the like (default false).'),
    currency: currencyCode.optional().describe('Premiums are given in this currency (default: the trip cost’s).'),
  })
  .describe('A travel insurance quote for one trip.');
export type InsuranceQuoteBody = z.output<typeof insuranceQuoteBody>;

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
