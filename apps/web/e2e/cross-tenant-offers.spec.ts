import { closeSharedPool, disconnectControlDb, findTenantBySlug, tenantDb } from '@himal/db';
import { expect, test } from '@playwright/test';
import { answered, apiClient, hotelSearch, insuranceQuote, refused } from './search-api-client.ts';

/** Offers belong to the agency that searched: ids are opaque, cannot be altered into another offer, and expire. */
test.afterAll(async () => {
  await disconnectControlDb();
  await closeSharedPool();
});

const everest = apiClient('everest');
const lumbini = apiClient('lumbini');
const readOffer = (api: typeof everest, id: string) => api.GET('/api/v1/offers/{id}', { params: { path: { id } } });

async function anInsuranceOffer(api: typeof everest) {
  return answered(await api.POST('/api/v1/insurance/quotes', { body: insuranceQuote() }), 201).data.offers[0]!;
}

/** Moves an offer's clock in the agency's own schema, as time passing would. */
async function ageOffer(slug: string, offerId: string, change: { expiresAt?: Date; pricedAt?: Date }) {
  const tenant = await findTenantBySlug(slug);
  await tenantDb(tenant!)
    .updateTable('offers')
    .set({ expires_at: change.expiresAt, priced_at: change.pricedAt })
    .where('id', '=', offerId)
    .execute();
}

test("an everest offer is not found on lumbini's host, nor its search", async () => {
  const offer = await anInsuranceOffer(everest);
  answered(await readOffer(everest, offer.id), 200);
  refused(await readOffer(lumbini, offer.id), 404, 'OFFER_NOT_FOUND');

  const search = answered(await everest.POST('/api/v1/hotels/searches', { body: hotelSearch() }), 201);
  const foreignList = await lumbini.GET('/api/v1/hotels/searches/{id}/offers', { params: { path: { id: search.data.id } } });
  refused(foreignList, 404, 'OFFER_REQUEST_NOT_FOUND');
});

test('an altered or unknown offer id is simply not found', async () => {
  const offer = await anInsuranceOffer(everest);
  const lastChar = offer.id.at(-1) === 'a' ? 'b' : 'a';
  for (const id of [
    offer.id.slice(0, -1) + lastChar,
    `off_${'0'.repeat(26)}`,
    offer.id.toUpperCase(),
    'off_',
    `${offer.id}x`,
    `${offer.id}' OR '1'='1`,
  ]) {
    refused(await readOffer(everest, id), 404, 'OFFER_NOT_FOUND');
  }
});

test('an expired offer is gone (410 OFFER_EXPIRED)', async () => {
  const offer = await anInsuranceOffer(everest);
  await ageOffer('everest', offer.id, { expiresAt: new Date(Date.now() - 1_000) });
  refused(await readOffer(everest, offer.id), 410, 'OFFER_EXPIRED');
});

test('a stale offer is repriced with its supplier when read', async () => {
  const offer = await anInsuranceOffer(everest);
  await ageOffer('everest', offer.id, { pricedAt: new Date(Date.now() - 10 * 60_000) });
  const read = answered(await readOffer(everest, offer.id), 200);
  expect(read.meta).toMatchObject({ repriced: true, warnings: [] });
  expect(Date.parse(read.data.priced_at)).toBeGreaterThan(Date.now() - 60_000);
});
