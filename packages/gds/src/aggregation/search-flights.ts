import type { AirOffer, AirSearchRequest, AirSupplierAdapter } from '../products/air.ts';
import { AIR_ADAPTERS } from '../suppliers/registry.ts';
import { cheapestOffers } from './cheapest-offers.ts';
import { fanOut } from './fan-out.ts';
import { priceOffers } from './price-offers.ts';
import type { AggregatedResult, PricedOffer } from './priced-offer.ts';
import { searchInputs, type SearchOptions } from './search-options.ts';

/** Every enabled air supplier of the tenant, at once; offers priced in the asked currency, the cheapest first (bounded: cheapestOffers). */
export async function searchFlights(
  request: AirSearchRequest,
  options: SearchOptions<AirSupplierAdapter>,
): Promise<AggregatedResult<PricedOffer<AirOffer>>> {
  const { connections, fx, adapters, limits } = await searchInputs('air', options, AIR_ADAPTERS);
  const { answers, warnings } = await fanOut(
    connections,
    adapters,
    'air.search',
    (adapter, connection, context) => adapter.search(connection, request, context),
    limits,
  );
  const offers = cheapestOffers(priceOffers(answers, (offer) => offer.total, options.currency, fx, warnings));
  return { offers, warnings };
}
