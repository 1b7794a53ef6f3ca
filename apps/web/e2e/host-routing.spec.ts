import { createTestTenant, deleteTestTenants } from '@himal/db/testing';
import { closeSharedPool, disconnectControlDb, findTenantBySlug, suspendTenant, type CreatedTenant } from '@himal/db';
import { expect, test } from '@playwright/test';
import { requestWithHost, WEB_PORT } from '../../../playwright/hosts.ts';

const site = (host: string, path = '/', headers: Record<string, string> = {}) =>
  requestWithHost(WEB_PORT, host, path, { headers });

test.describe('hosts the traveller site answers', () => {
  const created: CreatedTenant[] = [];

  test.afterAll(async () => {
    await deleteTestTenants(created);
    await disconnectControlDb();
    await closeSharedPool();
  });

  test('health answers on any host, without a tenant', async () => {
    const response = await site(`localhost:${WEB_PORT}`, '/api/health');
    expect(response.status).toBe(200);
    const body = JSON.parse(response.body);
    expect(body).toMatchObject({ status: 'ok', app: 'web', database: { status: 'up' } });
    expect(typeof body.database.latencyMs).toBe('number');
  });

  for (const host of ['nowhere.localhost', 'localhost', '127.0.0.1', '[::1]', 'everest.admin.localhost', 'a.b.localhost']) {
    test(`Host ${host} is a 404 page`, async () => {
      const response = await site(`${host}:${WEB_PORT}`);
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('Site not found');
    });
  }

  test('the Host is normalised: case, trailing dot and port do not matter', async () => {
    for (const host of ['EVEREST.LOCALHOST', 'everest.localhost.', `everest.localhost:${WEB_PORT}`]) {
      const response = await site(host);
      expect(response.status, host).toBe(200);
      expect(response.body).toContain('Everest Travels');
    }
  });

  test('a suspended agency answers 503 with Retry-After', async () => {
    const agency = await createTestTenant({ name: 'Annapurna Adventures' });
    created.push(agency);
    const host = `${agency.tenant.slug}.localhost:${WEB_PORT}`;
    expect((await site(host)).status).toBe(200);

    await suspendTenant(agency.tenant.slug);
    // The app hears of the change through the directory's NOTIFY; poll instead of sleeping.
    await expect.poll(async () => (await site(host)).status).toBe(503);
    const response = await site(host);
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(response.body).toContain('Temporarily unavailable');
    expect(response.body).not.toContain('Annapurna');
  });

  test('a forged tenant header from the client is dropped', async () => {
    const lumbini = await findTenantBySlug('lumbini');
    const forged = { 'x-himal-tenant-id': lumbini!.id, 'x-himal-platform-console': '1' };

    const everest = await site(`everest.localhost:${WEB_PORT}`, '/', forged);
    expect(everest.status).toBe(200);
    expect(everest.body).toContain('Everest Travels');
    expect(everest.body).not.toContain('Lumbini Tours');

    const unknown = await site(`nowhere.localhost:${WEB_PORT}`, '/', forged);
    expect(unknown.status).toBe(404);
  });

  test('pages carry a fresh CSP nonce and the security headers', async () => {
    const first = await site(`everest.localhost:${WEB_PORT}`);
    const second = await site(`everest.localhost:${WEB_PORT}`);
    const nonceOf = (csp: unknown) => /'nonce-([^']+)'/.exec(String(csp))?.[1];

    const csp = String(first.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(nonceOf(csp)).toBeTruthy();
    expect(nonceOf(second.headers['content-security-policy'])).not.toBe(nonceOf(csp));
    // Next stamps the same nonce on its scripts, and the theme <style> carries it too.
    expect(first.body).toContain(`<style nonce="${nonceOf(csp)}">`);

    expect(first.headers['x-frame-options']).toBe('DENY');
    expect(first.headers['x-content-type-options']).toBe('nosniff');
    expect(first.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });
});
