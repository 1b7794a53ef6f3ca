import { createTestTenant, deleteTestTenants } from '@himal/db/testing';
import { closeSharedPool, disconnectControlDb, setTenantApiLimits, type CreatedTenant } from '@himal/db';
import { expect, test } from '@playwright/test';
import { requestWithHost, WEB_PORT } from '../../../playwright/hosts.ts';
import { insuranceQuote } from './search-api-client.ts';

/** The API's rate limits, per client of an agency and per agency, as a client meets them over HTTP. */
const created: CreatedTenant[] = [];
test.afterAll(async () => {
  await deleteTestTenants(created);
  await disconnectControlDb();
  await closeSharedPool();
});

const quote = (slug: string, client: string) =>
  requestWithHost(WEB_PORT, `${slug}.localhost`, '/api/v1/insurance/quotes', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify(insuranceQuote()),
  });

test('a client past its agency-set search limit gets 429 with Retry-After; other clients and agencies go on', async () => {
  const agency = await createTestTenant();
  created.push(agency);
  await setTenantApiLimits(agency.tenant.slug, { clientSearchesPerMinute: 2 });
  const slug = agency.tenant.slug;

  expect((await quote(slug, '198.51.100.20')).status).toBe(201);
  expect((await quote(slug, '198.51.100.20')).status).toBe(201);
  const refused = await quote(slug, '198.51.100.20');
  expect(refused.status).toBe(429);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(refused.headers['content-type']).toContain('application/json');
  expect(JSON.parse(refused.body).error).toMatchObject({ code: 'RATE_LIMITED', request_id: expect.stringMatching(/^req_/) });

  expect((await quote(slug, '198.51.100.21')).status).toBe(201);
  expect((await quote('lumbini', '198.51.100.20')).status).toBe(201);
});

test('an agency past its own search limit is refused whoever asks, and reads still answer', async () => {
  const agency = await createTestTenant();
  created.push(agency);
  await setTenantApiLimits(agency.tenant.slug, { searchesPerMinute: 3 });
  const slug = agency.tenant.slug;
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await quote(slug, `198.51.100.${30 + i}`)).status);
  expect(statuses).toEqual([201, 201, 201, 429]);
  const read = await requestWithHost(WEB_PORT, `${slug}.localhost`, '/api/v1/offers/off_AAAAAAAAAAAAAAAAAAAAAA');
  expect(read.status).toBe(404);
});
