import { createTestTenant, deleteTestTenants } from '@himal/db/testing';
import { closeSharedPool, disconnectControlDb, findTenantBySlug, suspendTenant, type CreatedTenant } from '@himal/db';
import { expect, test } from '@playwright/test';
import { ADMIN_PORT, requestWithHost } from '../../../playwright/hosts.ts';

const panel = (host: string, path = '/', headers: Record<string, string> = {}) =>
  requestWithHost(ADMIN_PORT, host, path, { headers });

test.describe('hosts the admin app answers', () => {
  const created: CreatedTenant[] = [];

  test.afterAll(async () => {
    await deleteTestTenants(created);
    await disconnectControlDb();
    await closeSharedPool();
  });

  test('health answers on any host, without a tenant', async () => {
    const response = await panel(`localhost:${ADMIN_PORT}`, '/api/health');
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ status: 'ok', app: 'admin', database: { status: 'up' } });
  });

  for (const host of ['everest.localhost', 'nowhere.admin.localhost', 'localhost', '127.0.0.1']) {
    test(`Host ${host} is a 404 page`, async () => {
      const response = await panel(`${host}:${ADMIN_PORT}`, '/sign-in');
      expect(response.status).toBe(404);
      expect(response.body).toContain('Site not found');
    });
  }

  test("a suspended agency's panel answers 503, so its staff cannot sign in", async () => {
    const agency = await createTestTenant();
    created.push(agency);
    await suspendTenant(agency.tenant.slug);
    const host = `${agency.tenant.slug}.admin.localhost:${ADMIN_PORT}`;
    for (const path of ['/sign-in', '/api/auth/csrf']) {
      const response = await panel(host, path);
      expect(response.status, path).toBe(503);
      expect(response.headers['retry-after']).toBeDefined();
    }
  });

  test('a forged platform-console header does not turn an agency panel into the console', async () => {
    const lumbini = await findTenantBySlug('lumbini');
    const response = await panel(`everest.admin.localhost:${ADMIN_PORT}`, '/sign-in', {
      'x-himal-platform-console': '1',
      'x-himal-tenant-id': lumbini!.id,
    });
    expect(response.status).toBe(200);
    expect(response.body).toContain('Agency admin of Everest Travels');
  });

  test('next-auth builds its URLs from the request host', async () => {
    const response = await panel(`everest.admin.localhost:${ADMIN_PORT}`, '/api/auth/signin', {
      'x-forwarded-host': 'evil.example',
    });
    expect(response.status).toBe(302);
    const location = String(response.headers.location);
    expect(location).toMatch(/^\/sign-in\?/);
    expect(new URL(location, 'http://x').searchParams.get('callbackUrl')).toBe(`http://everest.admin.localhost:${ADMIN_PORT}`);
  });
});
