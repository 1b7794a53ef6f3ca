import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, deleteTestTenants, uniqueSlug } from '../testing/index.ts';
import { addCustomDomain, markDomainVerified, resumeTenant, suspendTenant } from '../provisioning/manage-tenants.ts';
import type { CreatedTenant } from '../provisioning/create-tenant.ts';
import { resolveTenantFromHost } from './resolve-tenant.ts';
import { stopDirectoryListener } from './directory-cache.ts';
import { controlDb } from '../control-client.ts';

describe('resolveTenantFromHost', () => {
  let everest: CreatedTenant;
  let lumbini: CreatedTenant;
  const customHost = `${uniqueSlug('www')}.everest-travels.example`;
  const unverifiedHost = `${uniqueSlug('book')}.everest-travels.example`;

  beforeAll(async () => {
    everest = await createTestTenant();
    lumbini = await createTestTenant();
    await addCustomDomain(everest.tenant.slug, customHost);
    await markDomainVerified(customHost);
    await addCustomDomain(everest.tenant.slug, unverifiedHost);
  });
  afterAll(async () => {
    await deleteTestTenants([everest, lumbini]);
    await stopDirectoryListener();
  });

  it('finds a tenant by subdomain, whatever the case, port or trailing dot', async () => {
    for (const host of [
      `${everest.tenant.slug}.localhost`,
      `${everest.tenant.slug.toUpperCase()}.LOCALHOST:3000`,
      `${everest.tenant.slug}.localhost.:3000`,
    ]) {
      const resolved = await resolveTenantFromHost(host, 'web');
      expect(resolved).toMatchObject({ kind: 'tenant', tenant: { id: everest.tenant.id } });
    }
    expect(await resolveTenantFromHost(`${lumbini.tenant.slug}.localhost`, 'web')).toMatchObject({
      kind: 'tenant',
      tenant: { id: lumbini.tenant.id },
    });
  });

  it('finds the agency panel of a tenant on the admin surface', async () => {
    expect(await resolveTenantFromHost(`${everest.tenant.slug}.admin.localhost:3001`, 'admin')).toMatchObject({
      kind: 'tenant',
      tenant: { id: everest.tenant.id },
    });
    expect(await resolveTenantFromHost('admin.localhost:3001', 'admin')).toEqual({
      kind: 'platform-console',
      host: 'admin.localhost',
    });
  });

  it('serves verified custom domains and ignores unverified ones', async () => {
    expect(await resolveTenantFromHost(customHost.toUpperCase() + '.', 'web')).toMatchObject({
      kind: 'tenant',
      tenant: { id: everest.tenant.id },
    });
    expect(await resolveTenantFromHost(unverifiedHost, 'web')).toMatchObject({ kind: 'not-found' });
    await markDomainVerified(unverifiedHost);
    expect(await resolveTenantFromHost(unverifiedHost, 'web')).toMatchObject({
      kind: 'tenant',
      tenant: { id: everest.tenant.id },
    });
  });

  it('never resolves IP literals, unknown tenants or the apex', async () => {
    for (const host of ['127.0.0.1:3000', '[::1]:3000', 'localhost:3000', 'no-such-agency.localhost', 'unknown.example.org']) {
      expect(await resolveTenantFromHost(host, 'web')).toMatchObject({ kind: 'not-found' });
    }
  });

  it('reports a suspended tenant as suspended, at once, and active again after resume', async () => {
    const host = `${lumbini.tenant.slug}.localhost`;
    expect((await resolveTenantFromHost(host, 'web')).kind).toBe('tenant'); // now cached
    await suspendTenant(lumbini.tenant.slug);
    expect((await resolveTenantFromHost(host, 'web')).kind).toBe('suspended');
    await resumeTenant(lumbini.tenant.slug);
    expect((await resolveTenantFromHost(host, 'web')).kind).toBe('tenant');
  });

  it('hears of changes made by another process through NOTIFY', async () => {
    const host = `${lumbini.tenant.slug}.localhost`;
    expect((await resolveTenantFromHost(host, 'web')).kind).toBe('tenant'); // cached, listener running
    // A change written straight to the control plane, as another process would, plus its NOTIFY:
    await controlDb().$transaction([
      controlDb().tenant.update({ where: { id: lumbini.tenant.id }, data: { status: 'suspended' } }),
      controlDb().$executeRaw`SELECT pg_notify('himal_directory', ${lumbini.tenant.id})`,
    ]);
    await expect.poll(async () => (await resolveTenantFromHost(host, 'web')).kind, { timeout: 5_000 }).toBe('suspended');
    await resumeTenant(lumbini.tenant.slug);
  });
});
