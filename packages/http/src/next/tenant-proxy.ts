import type { HostResolution, Surface } from '@himal/db';
import { NextResponse, type NextRequest } from 'next/server';
import { newNonce, pageContentSecurityPolicy } from './content-security-policy.ts';
import { apiErrorResponse, errorPageResponse, type ErrorPageKind } from './error-pages.ts';
import { NONCE_HEADER, PLATFORM_CONSOLE_HEADER, TENANT_ID_HEADER, withoutHimalHeaders } from './request-headers.ts';
import { applySecurityHeaders } from './security-headers.ts';

/** Answers on any Host, so load balancers and `npm start` can probe `localhost:PORT`. */
export const HEALTH_PATH = '/api/health';

export interface TenantProxyOptions {
  surface: Surface;
  /** The directory lookup (`resolveTenantFromHost` of @himal/db), passed in so this module stays testable. */
  resolveHost: (host: string | null, surface: Surface) => Promise<HostResolution>;
}

/**
 * The whole of multi-tenant routing for one app: Host -> tenant, or a 404/503 page. The resolved
 * tenant travels to the app in request headers that clients cannot forge (all incoming `x-himal-*`
 * headers are dropped), together with the CSP nonce and the forwarded host/protocol next-auth
 * builds its URLs from.
 */
export function createTenantProxy({ surface, resolveHost }: TenantProxyOptions) {
  return async function proxy(request: NextRequest): Promise<Response> {
    const https = request.nextUrl.protocol === 'https:';
    const headers = withoutHimalHeaders(request.headers);

    if (request.nextUrl.pathname === HEALTH_PATH) {
      const response = NextResponse.next({ request: { headers } });
      applySecurityHeaders(response.headers, { https });
      return response;
    }

    // API clients get the API's JSON error body; people get a page.
    const refuse = (kind: ErrorPageKind) =>
      request.nextUrl.pathname.startsWith('/api/') ? apiErrorResponse(kind, { https }) : errorPageResponse(kind, { https });
    const host = request.headers.get('host');
    let resolution: HostResolution;
    try {
      resolution = await resolveHost(host, surface);
    } catch (error) {
      console.error(`[proxy] tenant directory unavailable: ${(error as Error).message}`);
      return refuse('unavailable');
    }

    switch (resolution.kind) {
      case 'not-found':
        return refuse('unknown-host');
      case 'suspended':
        return refuse('suspended');
      case 'tenant':
        headers.set(TENANT_ID_HEADER, resolution.tenant.id);
        break;
      case 'platform-console':
        headers.set(PLATFORM_CONSOLE_HEADER, '1');
        break;
    }

    // The Host was just accepted by the directory; downstream URL building (next-auth) must use it
    // and not a client-supplied X-Forwarded-Host.
    headers.set('x-forwarded-host', host!);
    headers.set('x-forwarded-proto', https ? 'https' : 'http');

    const nonce = newNonce();
    const contentSecurityPolicy = pageContentSecurityPolicy(nonce, {
      https,
      development: process.env.NODE_ENV === 'development',
    });
    headers.set(NONCE_HEADER, nonce);
    headers.set('content-security-policy', contentSecurityPolicy);

    const response = NextResponse.next({ request: { headers } });
    applySecurityHeaders(response.headers, { contentSecurityPolicy, https });
    return response;
  };
}
