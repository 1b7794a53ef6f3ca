// Helpers for tests of any package: throwaway tenants in the test database.
import { randomBytes } from 'node:crypto';
import { createTenant, type CreateTenantInput, type CreatedTenant } from '../provisioning/create-tenant.ts';
import { deleteTenant } from '../provisioning/manage-tenants.ts';

export { ensureTestDatabase } from './test-database.ts';

/** The admin password of every test tenant. */
export const TEST_ADMIN_PASSWORD = 'correct horse battery';
/**
 * Its Argon2id hash, made once with @himal/auth's hashPassword (which @himal/db cannot import) and
 * checked against the password by @himal/auth's tests; one hash spares every test tenant its own.
 */
export const TEST_ADMIN_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$Q98JeXuOBf4SvdJOcdhcfg$UVBRDumWaOl5gdjGUov4NY6xVyvme3QKkP2GIfTrJhg';

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
    adminPasswordHash: TEST_ADMIN_PASSWORD_HASH,
    ...overrides,
  });
}

export async function deleteTestTenants(tenants: ReadonlyArray<{ tenant: { slug: string } }>): Promise<void> {
  for (const { tenant } of tenants) await deleteTenant(tenant.slug, tenant.slug).catch(() => undefined);
}
