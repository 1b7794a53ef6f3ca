import type { Tenant } from '@himal/db';
import { insuranceQuoteRequestSchema, quoteInsurance, type InsuranceQuoteInput, type InsuranceSupplierAdapter } from '@himal/gds';
import { runSearch } from './run-search.ts';
import type { OfferRequestResult } from './search-offer.ts';
import type { SearchServiceOptions } from './search-service-options.ts';

/** Quotes every insurer of the tenant; premiums in `currency` (the trip cost's when none is asked), cheapest first. */
export function createInsuranceQuote(
  tenant: Pick<Tenant, 'id' | 'schemaName'>,
  input: InsuranceQuoteInput,
  currency?: string,
  options: SearchServiceOptions<InsuranceSupplierAdapter> = {},
): Promise<OfferRequestResult<'insurance'>> {
  return runSearch(
    tenant,
    {
      product: 'insurance',
      schema: insuranceQuoteRequestSchema,
      what: 'insurance quote',
      currencyOf: (request) => currency ?? request.tripCost.currency,
      search: quoteInsurance,
    },
    input,
    options,
  );
}
