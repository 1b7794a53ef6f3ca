import type { Tenant } from '@himal/db';
import { airSearchRequestSchema, searchFlights, type AirSearchInput, type AirSupplierAdapter } from '@himal/gds';
import { runSearch } from './run-search.ts';
import type { OfferRequestResult } from './search-offer.ts';
import { DEFAULT_CURRENCY, type SearchServiceOptions } from './search-service-options.ts';

/** Searches every air supplier of the tenant and keeps the offers it can sell, cheapest first. */
export function createAirOfferRequest(
  tenant: Pick<Tenant, 'id' | 'schemaName'>,
  input: AirSearchInput,
  options: SearchServiceOptions<AirSupplierAdapter> = {},
): Promise<OfferRequestResult<'air'>> {
  return runSearch(
    tenant,
    {
      product: 'air',
      schema: airSearchRequestSchema,
      what: 'flight search',
      currencyOf: (request) => request.currency ?? DEFAULT_CURRENCY,
      search: searchFlights,
    },
    input,
    options,
  );
}
