import { findTenantById, type Tenant } from '@himal/db';
import { TENANT_ID_HEADER } from '@himal/http/next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';

/**
 * The tenant proxy.ts resolved from this request's Host, or null where the proxy did not run. Only
 * the proxy can set the header: it drops any copy a client sends.
 */
export const requestTenant = cache(async (): Promise<Tenant | null> => {
  const id = (await headers()).get(TENANT_ID_HEADER);
  return id ? findTenantById(id) : null;
});

/** The request's tenant; a page that needs one and has none answers 404. */
export async function currentTenant(): Promise<Tenant> {
  const tenant = await requestTenant();
  if (!tenant) notFound();
  return tenant;
}
