import { cityOf, currencyExponent, fitsCurrency, isKnownAirportOrCity } from '@himal/gds';
import { z } from 'zod';

/** Travel dates must not be in the past anywhere on Earth, nor more than a year ahead. */
const LATEST_DAYS_AHEAD = 365;
const EARLIEST_UTC_OFFSET_HOURS = -12;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today where the day starts last (UTC-12): a date before it is past for everyone. */
export function earliestTravelDate(now = new Date()): string {
  return isoDay(new Date(now.getTime() + EARLIEST_UTC_OFFSET_HOURS * 3_600_000));
}

export function latestTravelDate(now = new Date()): string {
  return isoDay(new Date(now.getTime() + LATEST_DAYS_AHEAD * 86_400_000));
}

export const isoDate = z.iso.date('a date as YYYY-MM-DD');

export const travelDate = isoDate
  .refine((date) => date >= earliestTravelDate(), 'must not be in the past')
  .refine((date) => date <= latestTravelDate(), `must be within ${LATEST_DAYS_AHEAD} days`);

export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code, e.g. NPR');

export const decimalAmount = z.string().regex(/^\d{1,12}(\.\d{1,4})?$/, 'a decimal string, e.g. "1500.00"');

export const moneyBody = z.object({ amount: decimalAmount, currency: currencyCode }).superRefine((money, context) => {
  if (!fitsCurrency(money.amount, money.currency))
    context.addIssue({
      code: 'custom',
      path: ['amount'],
      message: `${money.currency} has ${currencyExponent(money.currency)} decimals`,
    });
});

export const airportOrCityCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an IATA airport or city code, e.g. KTM')
  .refine(isKnownAirportOrCity, 'not an airport or city we know');

export const cityCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'an IATA city code, e.g. KTM')
  .refine((code) => !!cityOf(code), 'not a city we know');

export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code, e.g. NP');

/** Money as the API shows it. */
export const moneyView = z.object({ amount: z.string(), currency: z.string() });

export const fxView = z
  .object({ base: z.string(), quote: z.string(), rate: z.string(), as_of: z.string(), source: z.string() })
  .describe('The exchange rate the price was converted at, fixed for the life of the offer.');

export const warningView = z
  .object({ supplier: z.string(), code: z.string(), message: z.string() })
  .describe('A supplier that failed or warned; the results of the others are still given.');

export const errorBody = z.object({
  error: z.object({
    code: z
      .string()
      .describe('Stable: VALIDATION_FAILED, MALFORMED_JSON, PAYLOAD_TOO_LARGE, OFFER_NOT_FOUND, OFFER_EXPIRED, ...'),
    message: z.string(),
    request_id: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
