import type { Tenant } from '@himal/db';
import { hotelSearchRequestSchema, searchHotels, type HotelSearchInput, type HotelSupplierAdapter } from '@himal/gds';
import { runSearch } from './run-search.ts';
import type { OfferRequestResult } from './search-offer.ts';
import { DEFAULT_CURRENCY, type SearchServiceOptions } from './search-service-options.ts';

/** Searches every hotel supplier of the tenant; one offer per property (its best rate), cheapest first. */
export function createHotelSearch(
  tenant: Pick<Tenant, 'id' | 'schemaName'>,
  input: HotelSearchInput,
  options: SearchServiceOptions<HotelSupplierAdapter> = {},
): Promise<OfferRequestResult<'hotel'>> {
  return runSearch(
    tenant,
    {
      product: 'hotel',
      schema: hotelSearchRequestSchema,
      what: 'hotel search',
      currencyOf: (request) => request.currency ?? DEFAULT_CURRENCY,
      search: searchHotels,
    },
    input,
    options,
  );
}
