import { closeSharedPool, disconnectControlDb, findTenantBySlug, tenantDb } from '@himal/db';
import { expect, test } from '@playwright/test';
import { callApi, hotelSearch, insuranceQuote } from './search-api-client.ts';

/** Offers belong to the agency that searched: ids are opaque, cannot be altered into another offer, and expire. */
test.afterAll(async () => {
  await disconnectControlDb();
  await closeSharedPool();
});

async function anInsuranceOffer(slug: string) {
  const created = await callApi(slug, 'POST', '/api/v1/insurance/quotes', insuranceQuote());
  expect(created.status, created.text).toBe(201);
  return created.body.data.offers[0] as { id: string; total_amount: string; offer_request_id: string };
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
  const offer = await anInsuranceOffer('everest');
  expect((await callApi('everest', 'GET', `/api/v1/offers/${offer.id}`)).status).toBe(200);
  const foreign = await callApi('lumbini', 'GET', `/api/v1/offers/${offer.id}`);
  expect(foreign.status).toBe(404);
  expect(foreign.body.error.code).toBe('OFFER_NOT_FOUND');

  const search = await callApi('everest', 'POST', '/api/v1/hotels/searches', hotelSearch());
  const foreignList = await callApi('lumbini', 'GET', `/api/v1/hotels/searches/${search.body.data.id}/offers`);
  expect(foreignList.status).toBe(404);
  expect(foreignList.body.error.code).toBe('OFFER_REQUEST_NOT_FOUND');
});

test('an altered or unknown offer id is simply not found', async () => {
  const offer = await anInsuranceOffer('everest');
  const lastChar = offer.id.at(-1) === 'a' ? 'b' : 'a';
  for (const id of [
    offer.id.slice(0, -1) + lastChar,
    `off_${'0'.repeat(26)}`,
    offer.id.toUpperCase(),
    'off_',
    `${offer.id}x`,
    encodeURIComponent(`${offer.id}' OR '1'='1`),
  ]) {
    const answer = await callApi('everest', 'GET', `/api/v1/offers/${id}`);
    expect(answer.status, id).toBe(404);
    expect(answer.body.error.code).toBe('OFFER_NOT_FOUND');
  }
});

test('an expired offer is gone (410 OFFER_EXPIRED)', async () => {
  const offer = await anInsuranceOffer('everest');
  await ageOffer('everest', offer.id, { expiresAt: new Date(Date.now() - 1_000) });
  const answer = await callApi('everest', 'GET', `/api/v1/offers/${offer.id}`);
  expect(answer.status).toBe(410);
  expect(answer.body.error.code).toBe('OFFER_EXPIRED');
});

test('a stale offer is repriced with its supplier when read', async () => {
  const offer = await anInsuranceOffer('everest');
  await ageOffer('everest', offer.id, { pricedAt: new Date(Date.now() - 10 * 60_000) });
  const answer = await callApi('everest', 'GET', `/api/v1/offers/${offer.id}`);
  expect(answer.status, answer.text).toBe(200);
  expect(answer.body.meta).toMatchObject({ repriced: true, warnings: [] });
  expect(Date.parse(answer.body.data.priced_at)).toBeGreaterThan(Date.now() - 60_000);
});
