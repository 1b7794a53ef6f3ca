import type { Tenant } from '@himal/db';
import { decodeCursor, encodeCursor, OFFER_SORTS, type ListedProduct, type SortSpec } from './offer-cursor.ts';
import { isWellFormedId, OFFER_REQUEST_PREFIXES } from './offer-ids.ts';
import { findOfferPage } from './offer-repository.ts';
import { toSearchOffer } from './offer-rows.ts';
import { SearchError } from './search-errors.ts';
import type { SearchOffer } from './search-offer.ts';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface ListOffersQuery {
  offerRequestId: string;
  product: ListedProduct;
  sort?: string;
  limit?: number;
  after?: string;
}

export interface OfferPage {
  offers: SearchOffer[];
  /** Cursor for the next page; null on the last. */
  after: string | null;
  limit: number;
  sort: string;
}

/** One page of a search's offers in the asked order. Unknown searches (or another tenant's) are not found. */
export async function listOffers(tenant: Pick<Tenant, 'schemaName'>, query: ListOffersQuery): Promise<OfferPage> {
  const sorts: Record<string, SortSpec> = OFFER_SORTS[query.product];
  const sort = query.sort ?? 'total_amount';
  const spec = sorts[sort];
  if (!spec) throw new SearchError('INVALID_SORT', `sort is one of ${Object.keys(sorts).join(', ')}`);
  const limit = Math.min(Math.max(query.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const cursor = query.after ? decodeCursor(query.after, sort, spec) : undefined;
  const notFound = new SearchError('OFFER_REQUEST_NOT_FOUND', `no ${query.product} search ${query.offerRequestId}`);
  if (!isWellFormedId(query.offerRequestId, OFFER_REQUEST_PREFIXES[query.product])) throw notFound;

  const rows = await findOfferPage(tenant, {
    offerRequestId: query.offerRequestId,
    product: query.product,
    spec,
    cursor,
    limit,
  });
  if (!rows) throw notFound;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const hasMore = rows.length > limit && last;
  return {
    offers: page.map((row) => toSearchOffer(row)),
    after: hasMore
      ? encodeCursor({
          sort,
          values: spec.keys.map((key) => last[key.column]),
          id: last.id,
        })
      : null,
    limit,
    sort,
  };
}
