// The wire format's pieces. Every rule a request is held to (known airports and cities, the travel
// window, a currency's decimals, ...) lives in the product schemas of @himal/gds, which the services
// in @himal/core parse with, so that one answer names every field that breaks one; the API checks
// only formats (the same schemas, so the OpenAPI document shows them) and maps its snake_case
// names onto the product's.
export {
  countryCode,
  currencySchema as currencyCode,
  decimalMoneySchema as moneyBody,
  earliestTravelDate,
  iataCode,
  isoDate,
} from '@himal/gds';
import { z } from 'zod';

/** Money as the API shows it. */
export const moneyView = z.object({ amount: z.string(), currency: z.string() });

export const fxView = z
  .object({ base: z.string(), quote: z.string(), rate: z.string(), as_of: z.string(), source: z.string() })
  .describe('The exchange rate the price was converted at, fixed for the life of the offer.');

export const warningView = z
  .object({ supplier: z.string(), code: z.string(), message: z.string() })
  .describe('A supplier that failed or warned; the results of the others are still given.');

export const errorBody = z.object({
  error: z
    .object({
      code: z
        .string()
        .describe(
          'Stable: VALIDATION_FAILED, MALFORMED_JSON, PAYLOAD_TOO_LARGE, OFFER_NOT_FOUND, OFFER_EXPIRED, UNAUTHENTICATED, FORBIDDEN, ' +
            'IDEMPOTENCY_KEY_REQUIRED, IDEMPOTENCY_KEY_REUSED, IDEMPOTENCY_KEY_IN_USE, ...',
        ),
      message: z.string(),
      request_id: z.string(),
      fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    })
    .catchall(z.unknown())
    .describe(
      'Some codes carry more for the client to act on, e.g. new_total (OFFER_PRICE_CHANGED), required_scope (FORBIDDEN).',
    ),
});
