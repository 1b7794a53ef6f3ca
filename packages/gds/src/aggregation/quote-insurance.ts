import type { InsuranceOffer, InsuranceQuoteRequest, InsuranceSupplierAdapter } from '../products/insurance.ts';
import { INSURANCE_ADAPTERS } from '../suppliers/registry.ts';
import { cheapestOffers } from './cheapest-offers.ts';
import { fanOut } from './fan-out.ts';
import { priceOffers } from './price-offers.ts';
import type { AggregatedResult, PricedOffer } from './priced-offer.ts';
import { searchInputs, type SearchOptions } from './search-options.ts';

/** Quotes from every enabled insurer of the tenant, at once; premiums in the asked currency, cheapest first. */
export async function quoteInsurance(
  request: InsuranceQuoteRequest,
  options: SearchOptions<InsuranceSupplierAdapter>,
): Promise<AggregatedResult<PricedOffer<InsuranceOffer>>> {
  const { connections, fx, adapters, limits } = await searchInputs('insurance', options, INSURANCE_ADAPTERS);
  const { answers, warnings } = await fanOut(
    connections,
    adapters,
    'insurance.quote',
    (adapter, connection, context) => adapter.quote(connection, request, context),
    limits,
  );
  const offers = cheapestOffers(priceOffers(answers, (offer) => offer.premium, options.currency, fx, warnings));
  return { offers, warnings };
}
