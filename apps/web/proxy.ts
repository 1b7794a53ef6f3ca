import { resolveTenantFromHost } from '@himal/db';
import { createTenantProxy } from '@himal/http/next';

export const proxy = createTenantProxy({ surface: 'web', resolveHost: resolveTenantFromHost });

export const config = {
  // Everything but build assets: pages, API routes and prefetches all need the tenant.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
