import type { Tenant } from '@himal/db';
import { searchHotels, hotelSearchRequestSchema, type HotelSearchInput, type HotelSupplierAdapter } from '@himal/gds';
import { DEFAULT_CURRENCY, type SearchServiceOptions } from './search-service-options.ts';
import { offerSettings } from './offer-settings.ts';
import { pricingTable } from './pricing-table.ts';
import type { OfferRequestResult } from './search-offer.ts';
import { searchAdmission } from './search-admission.ts';
import { parseRequest } from './parse-request.ts';
import { storeOfferRequest } from './store-offer-request.ts';

/** Searches every hotel supplier of the tenant; one offer per property (its best rate), cheapest first. */
export async function createHotelSearch(
  tenant: Pick<Tenant, 'id' | 'schemaName'>,
  input: HotelSearchInput,
  options: SearchServiceOptions<HotelSupplierAdapter> = {},
): Promise<OfferRequestResult<'hotel'>> {
  const request = parseRequest(hotelSearchRequestSchema, input, 'hotel search');
  return (options.admission ?? searchAdmission()).run(tenant.id, async () => {
    const currency = request.currency ?? DEFAULT_CURRENCY;
    const result = await searchHotels(request, {
      ...options,
      tenantId: tenant.id,
      currency,
      fx: await pricingTable(currency, options.fx),
    });
    return storeOfferRequest(
      tenant,
      {
        product: 'hotel',
        request,
        currency,
        warnings: result.warnings,
        offers: result.offers.map((priced) => ({ ...priced, supplierId: priced.offer.supplierId })),
      },
      offerSettings(options.settings),
      options.now?.(),
    );
  });
}
