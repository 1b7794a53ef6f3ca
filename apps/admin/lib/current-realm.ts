import type { SignInRealm } from '@himal/auth';
import { findTenantById } from '@himal/db';
import { PLATFORM_CONSOLE_HEADER, TENANT_ID_HEADER } from '@himal/http/next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';

/**
 * Whose admin panel a request reached: one agency's (`<slug>.admin.<root>`) or the platform console
 * (`admin.<root>`). Users, sessions and secrets never cross from one realm to another.
 */
export type AdminRealm = SignInRealm;

/** The realm proxy.ts resolved from the Host (it drops client copies of these headers). */
export const currentRealm = cache(async (): Promise<AdminRealm> => {
  const requestHeaders = await headers();
  if (requestHeaders.get(PLATFORM_CONSOLE_HEADER)) return { kind: 'platform' };
  const tenantId = requestHeaders.get(TENANT_ID_HEADER);
  const tenant = tenantId ? await findTenantById(tenantId) : null;
  if (!tenant) notFound();
  return { kind: 'agency', tenant };
});
