import type { Tenant } from '@himal/db';
import { quoteInsurance, insuranceQuoteRequestSchema, type InsuranceQuoteInput, type InsuranceSupplierAdapter } from '@himal/gds';
import type { SearchServiceOptions } from './search-service-options.ts';
import { offerSettings } from './offer-settings.ts';
import { pricingTable } from './pricing-table.ts';
import type { OfferRequestResult } from './search-offer.ts';
import { searchAdmission } from './search-admission.ts';
import { parseRequest } from './parse-request.ts';
import { storeOfferRequest } from './store-offer-request.ts';

/** Quotes every insurer of the tenant; premiums in `currency` (the trip cost's when none is asked), cheapest first. */
export async function createInsuranceQuote(
  tenant: Pick<Tenant, 'id' | 'schemaName'>,
  input: InsuranceQuoteInput,
  currency?: string,
  options: SearchServiceOptions<InsuranceSupplierAdapter> = {},
): Promise<OfferRequestResult<'insurance'>> {
  const request = parseRequest(insuranceQuoteRequestSchema, input, 'insurance quote');
  const premiumCurrency = currency ?? request.tripCost.currency;
  return (options.admission ?? searchAdmission()).run(tenant.id, async () => {
    const result = await quoteInsurance(request, {
      ...options,
      tenantId: tenant.id,
      currency: premiumCurrency,
      fx: await pricingTable(premiumCurrency, options.fx),
    });
    return storeOfferRequest(
      tenant,
      {
        product: 'insurance',
        request,
        currency: premiumCurrency,
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
