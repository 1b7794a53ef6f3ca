import { findTenantById, type Tenant } from '@himal/db';
import { PLATFORM_CONSOLE_HEADER, TENANT_ID_HEADER } from '@himal/http/next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';

/**
 * Whose admin panel a request reached: one agency's (`<slug>.admin.<root>`) or the platform console
 * (`admin.<root>`). Users, sessions and secrets never cross from one realm to another.
 */
export type AdminRealm = { kind: 'agency'; tenant: Tenant } | { kind: 'platform' };

/** The realm proxy.ts resolved from the Host (it drops client copies of these headers). */
export const currentRealm = cache(async (): Promise<AdminRealm> => {
  const requestHeaders = await headers();
  if (requestHeaders.get(PLATFORM_CONSOLE_HEADER)) return { kind: 'platform' };
  const tenantId = requestHeaders.get(TENANT_ID_HEADER);
  const tenant = tenantId ? await findTenantById(tenantId) : null;
  if (!tenant) notFound();
  return { kind: 'agency', tenant };
});

/** The realm's stable key: it names the session secret and is the session token's realm claim. */
export function realmKey(realm: AdminRealm): string {
  return realm.kind === 'platform' ? 'platform' : `tenant:${realm.tenant.id}`;
}
