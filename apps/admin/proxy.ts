import { resolveTenantFromHost } from '@himal/db';
import { createTenantProxy } from '@himal/http/next';

export const proxy = createTenantProxy({ surface: 'admin', resolveHost: resolveTenantFromHost });

export const config = {
  // Everything but build assets: pages, sign-in API routes and prefetches all need the realm.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
