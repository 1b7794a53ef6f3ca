import type { Tenant } from '@himal/db';
import { quoteInsurance, type InsuranceQuoteRequest, type InsuranceSupplierAdapter } from '@himal/gds';
import type { SearchServiceOptions } from './search-service-options.ts';
import { offerSettings } from './offer-settings.ts';
import { pricingTable } from './pricing-table.ts';
import type { OfferRequestResult } from './search-offer.ts';
import { searchAdmission } from './search-admission.ts';
import { storeOfferRequest } from './store-offer-request.ts';

/** Quotes every insurer of the tenant; premiums in `currency` (the trip cost's when none is asked), cheapest first. */
export async function createInsuranceQuote(
  tenant: Pick<Tenant, 'id' | 'schemaName'>,
  request: InsuranceQuoteRequest,
  currency: string = request.tripCost.currency,
  options: SearchServiceOptions<InsuranceSupplierAdapter> = {},
): Promise<OfferRequestResult<'insurance'>> {
  return (options.admission ?? searchAdmission()).run(tenant.id, async () => {
    const result = await quoteInsurance(request, {
      ...options,
      tenantId: tenant.id,
      currency,
      fx: await pricingTable(currency, options.fx),
    });
    return storeOfferRequest(
      tenant,
      {
        product: 'insurance',
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
