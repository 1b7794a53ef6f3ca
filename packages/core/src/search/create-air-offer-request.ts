import type { Tenant } from '@himal/db';
import { searchFlights, airSearchRequestSchema, type AirSearchInput, type AirSupplierAdapter } from '@himal/gds';
import { offerSettings } from './offer-settings.ts';
import { pricingTable } from './pricing-table.ts';
import type { OfferRequestResult } from './search-offer.ts';
import { DEFAULT_CURRENCY, type SearchServiceOptions } from './search-service-options.ts';
import { searchAdmission } from './search-admission.ts';
import { parseRequest } from './parse-request.ts';
import { storeOfferRequest } from './store-offer-request.ts';

/** Searches every air supplier of the tenant and keeps the offers it can sell, cheapest first. */
export async function createAirOfferRequest(
  tenant: Pick<Tenant, 'id' | 'schemaName'>,
  input: AirSearchInput,
  options: SearchServiceOptions<AirSupplierAdapter> = {},
): Promise<OfferRequestResult<'air'>> {
  const request = parseRequest(airSearchRequestSchema, input, 'flight search');
  return (options.admission ?? searchAdmission()).run(tenant.id, async () => {
    const currency = request.currency ?? DEFAULT_CURRENCY;
    const result = await searchFlights(request, {
      ...options,
      tenantId: tenant.id,
      currency,
      fx: await pricingTable(currency, options.fx),
    });
    return storeOfferRequest(
      tenant,
      {
        product: 'air',
        request,
        currency,
        warnings: result.warnings,
        offers: result.offers.map((priced) => ({
          ...priced,
          supplierId: priced.offer.supplierId,
          sources: [priced.offer.supplierId],
        })),
      },
      offerSettings(options.settings),
      options.now?.(),
    );
  });
}
