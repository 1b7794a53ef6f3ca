import { loadFxTable, type FxTable } from '@himal/gds';
import { SearchError } from './search-errors.ts';

/** The FX table a search prices with; a currency no rate leads to is refused before any supplier is asked. */
export async function pricingTable(currency: string, given?: FxTable): Promise<FxTable> {
  const fx = given ?? (await loadFxTable());
  if (!fx.knows(currency)) throw new SearchError('UNSUPPORTED_CURRENCY', `prices cannot be shown in ${currency}`);
  return fx;
}
