import { createTestTenant, deleteTestTenants } from '@himal/db/testing';
import { closeSharedPool, disconnectControlDb, setTenantApiLimits, type CreatedTenant } from '@himal/db';
import { expect, test } from '@playwright/test';
import { apiClient, insuranceQuote, refused } from './search-api-client.ts';

/** The API's rate limits, per client of an agency and per agency, as a client meets them over HTTP. */
const created: CreatedTenant[] = [];
test.afterAll(async () => {
  await deleteTestTenants(created);
  await disconnectControlDb();
  await closeSharedPool();
});

/** An insurance quote (a search) from one client, as a load balancer in front would name it. */
const quote = (slug: string, client: string) =>
  apiClient(slug, { headers: { 'x-forwarded-for': client } }).POST('/api/v1/insurance/quotes', { body: insuranceQuote() });

test('a client past its agency-set search limit gets 429 with Retry-After; other clients and agencies go on', async () => {
  const agency = await createTestTenant();
  created.push(agency);
  await setTenantApiLimits(agency.tenant.slug, { clientSearchesPerMinute: 2 });
  const slug = agency.tenant.slug;

  expect((await quote(slug, '198.51.100.20')).response.status).toBe(201);
  expect((await quote(slug, '198.51.100.20')).response.status).toBe(201);
  const limited = await quote(slug, '198.51.100.20');
  refused(limited, 429, 'RATE_LIMITED');
  expect(Number(limited.response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

  expect((await quote(slug, '198.51.100.21')).response.status).toBe(201);
  expect((await quote('lumbini', '198.51.100.20')).response.status).toBe(201);
});

test('an agency past its own search limit is refused whoever asks, and reads still answer', async () => {
  const agency = await createTestTenant();
  created.push(agency);
  await setTenantApiLimits(agency.tenant.slug, { searchesPerMinute: 3 });
  const slug = agency.tenant.slug;
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await quote(slug, `198.51.100.${30 + i}`)).response.status);
  expect(statuses).toEqual([201, 201, 201, 429]);
  const read = await apiClient(slug).GET('/api/v1/offers/{id}', { params: { path: { id: 'off_AAAAAAAAAAAAAAAAAAAAAA' } } });
  expect(read.response.status).toBe(404);
});
