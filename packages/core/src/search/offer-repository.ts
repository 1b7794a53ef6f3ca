import { withTenant, type Tenant, type TenantDatabase, type TenantTransaction } from '@himal/db';
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { OfferCursor, SortSpec } from './offer-cursor.ts';

/**
 * Every query of offers, offer requests and price changes, in the tenant's schema. Services in this
 * folder hold the rules and call these; nothing else writes these tables.
 */
export type OfferRow = Selectable<TenantDatabase['offers']>;
export type NewOfferRow = Insertable<TenantDatabase['offers']>;
export type PriceChangeRow = Selectable<TenantDatabase['offer_price_changes']>;
type NewOfferRequestRow = Insertable<TenantDatabase['offer_requests']>;
type NewPriceChangeRow = Insertable<TenantDatabase['offer_price_changes']>;
type TenantRef = Pick<Tenant, 'schemaName'>;

/**
 * Offers are written in batches of this many rows: one statement each, and far below PostgreSQL's
 * 65,535 bind parameters per statement (an offer row has 18 columns).
 */
const OFFER_INSERT_BATCH = 500;

/** A JSON column's value as sent: pg would turn a top-level array into a PostgreSQL array, so send text. */
export function jsonColumn(value: unknown): string {
  return JSON.stringify(value);
}

/** An offer request and its offers, in one transaction. */
export async function insertOfferRequest(
  tenant: TenantRef,
  request: NewOfferRequestRow,
  offers: ReadonlyArray<NewOfferRow>,
): Promise<void> {
  await withTenant(tenant, async (trx) => {
    await trx.insertInto('offer_requests').values(request).execute();
    for (let start = 0; start < offers.length; start += OFFER_INSERT_BATCH)
      await trx
        .insertInto('offers')
        .values(offers.slice(start, start + OFFER_INSERT_BATCH))
        .execute();
  });
}

function priceChangesOf(trx: TenantTransaction, offerId: string): Promise<PriceChangeRow[]> {
  return trx
    .selectFrom('offer_price_changes')
    .selectAll()
    .where('offer_id', '=', offerId)
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
}

/** An offer and its price changes, oldest first; undefined when the tenant has no such offer. */
export async function findOffer(
  tenant: TenantRef,
  offerId: string,
): Promise<{ offer: OfferRow; priceChanges: PriceChangeRow[] } | undefined> {
  return withTenant(tenant, async (trx) => {
    const offer = await trx.selectFrom('offers').selectAll().where('id', '=', offerId).executeTakeFirst();
    return offer && { offer, priceChanges: await priceChangesOf(trx, offerId) };
  });
}

/** Ends an offer now (its supplier no longer sells it). */
export async function expireOffer(tenant: TenantRef, offerId: string, now: Date): Promise<void> {
  await withTenant(tenant, (trx) => trx.updateTable('offers').set({ expires_at: now }).where('id', '=', offerId).execute());
}

/** Stores a repriced offer and, when the price moved, the change; returns the offer as now stored. */
export async function saveRepricedOffer(
  tenant: TenantRef,
  offerId: string,
  changes: Updateable<TenantDatabase['offers']>,
  priceChange: Omit<NewPriceChangeRow, 'offer_id'> | undefined,
): Promise<{ offer: OfferRow; priceChanges: PriceChangeRow[] }> {
  return withTenant(tenant, async (trx) => {
    const offer = await trx.updateTable('offers').set(changes).where('id', '=', offerId).returningAll().executeTakeFirstOrThrow();
    if (priceChange)
      await trx
        .insertInto('offer_price_changes')
        .values({ ...priceChange, offer_id: offerId })
        .execute();
    return { offer, priceChanges: await priceChangesOf(trx, offerId) };
  });
}

/**
 * One page of a search's offers in the spec's order, after the cursor; `limit + 1` rows are read so
 * the caller knows whether another page follows. Undefined when the tenant has no such search of
 * that product.
 */
export async function findOfferPage(
  tenant: TenantRef,
  query: { offerRequestId: string; product: OfferRow['product']; spec: SortSpec; cursor?: OfferCursor; limit: number },
): Promise<OfferRow[] | undefined> {
  return withTenant(tenant, async (trx) => {
    const request = await trx
      .selectFrom('offer_requests')
      .select('product')
      .where('id', '=', query.offerRequestId)
      .executeTakeFirst();
    if (!request || request.product !== query.product) return undefined;
    let page = trx.selectFrom('offers').selectAll().where('offer_request_id', '=', query.offerRequestId);
    const { cursor, spec } = query;
    if (cursor)
      // (k1 > v1) or (k1 = v1 and k2 > v2) ... or (all keys equal and id > last id), each key in its direction.
      page = page.where((eb) =>
        eb.or(
          [...spec.keys, { column: 'id' as const, direction: 'asc' as const }].map((key, depth) =>
            eb.and([
              ...spec.keys.slice(0, depth).map((prior, k) => eb(prior.column, '=', cursor.values[k]!)),
              eb(key.column, key.direction === 'asc' ? '>' : '<', depth < spec.keys.length ? cursor.values[depth]! : cursor.id),
            ]),
          ),
        ),
      );
    for (const key of spec.keys) page = page.orderBy(key.column, key.direction);
    return page
      .orderBy('id', 'asc')
      .limit(query.limit + 1)
      .execute();
  });
}
