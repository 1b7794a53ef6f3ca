import type { Tenant } from '@himal/db';
import type { AggregatedResult, PricedOffer, Product, SearchOptions } from '@himal/gds';
import type { z } from 'zod';
import { offerSettings } from './offer-settings.ts';
import { parseRequest } from './parse-request.ts';
import { pricingTable } from './pricing-table.ts';
import { searchAdmission } from './search-admission.ts';
import type { SearchServiceOptions } from './search-service-options.ts';
import type { OfferRequestResult } from './search-offer.ts';
import { storeOfferRequest, type OfferToStore } from './store-offer-request.ts';

type SearchedOffer = PricedOffer<OfferToStore['offer']> & Partial<Pick<OfferToStore, 'sources' | 'property'>>;

export interface ProductSearch<P extends Product, Schema extends z.ZodType, Adapter> {
  product: P;
  /** The product's rules (a @himal/gds product schema) and what the request is called in errors. */
  schema: Schema;
  what: string;
  /** The currency the offers are priced in. */
  currencyOf: (request: z.output<Schema>) => string;
  search: (request: z.output<Schema>, options: SearchOptions<Adapter>) => Promise<AggregatedResult<SearchedOffer>>;
}

/**
 * What every search service does around its product's search: holds the request to the product's
 * rules, takes a place in the process's admission, prices the offers in the asked currency and
 * keeps them for the tenant, cheapest first.
 */
export async function runSearch<P extends Product, Schema extends z.ZodType, Adapter>(
  tenant: Pick<Tenant, 'id' | 'schemaName'>,
  search: ProductSearch<P, Schema, Adapter>,
  input: unknown,
  options: SearchServiceOptions<Adapter>,
): Promise<OfferRequestResult<P>> {
  const request = parseRequest(search.schema, input, search.what);
  const currency = search.currencyOf(request);
  return (options.admission ?? searchAdmission()).run(tenant.id, async () => {
    const result = await search.search(request, {
      ...options,
      tenantId: tenant.id,
      currency,
      fx: await pricingTable(currency, options.fx),
    });
    return storeOfferRequest(
      tenant,
      {
        product: search.product,
        request,
        currency,
        warnings: result.warnings,
        offers: result.offers.map((priced) => ({
          ...priced,
          supplierId: priced.offer.supplierId,
          sources: priced.sources ?? [priced.offer.supplierId],
        })),
      },
      offerSettings(options.settings),
      options.now?.(),
    );
  });
}
