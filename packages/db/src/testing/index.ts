// Helpers for tests of any package: throwaway tenants in the test database.
import { randomBytes } from 'node:crypto';
import { createTenant, type CreateTenantInput, type CreatedTenant } from '../provisioning/create-tenant.ts';
import { deleteTenant } from '../provisioning/manage-tenants.ts';

export { ensureTestDatabase } from './test-database.ts';
export { prismaGenerate } from '../tooling/prisma-generate.ts';

export function uniqueSlug(prefix = 't'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** Creates a tenant with a unique slug and a known admin password. */
export function createTestTenant(overrides: Partial<CreateTenantInput> = {}): Promise<CreatedTenant> {
  const slug = overrides.slug ?? uniqueSlug();
  return createTenant({
    slug,
    name: `Agency ${slug}`,
    adminEmail: `owner@${slug}.test`,
    adminPassword: 'correct horse battery',
    ...overrides,
  });
}

export async function deleteTestTenants(tenants: ReadonlyArray<{ tenant: { slug: string } }>): Promise<void> {
  for (const { tenant } of tenants) await deleteTenant(tenant.slug, tenant.slug).catch(() => undefined);
}
