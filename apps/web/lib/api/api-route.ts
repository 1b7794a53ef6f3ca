import { enforceApiRateLimit, type ApiRequestKind } from '@himal/core';
import { findTenantById, type Tenant } from '@himal/db';
import { clientAddressFrom, TENANT_ID_HEADER } from '@himal/http/next';
import { ApiError } from './api-error.ts';
import { errorResponse, newRequestId, REQUEST_ID_HEADER } from './api-response.ts';

export interface ApiContext<Params> {
  request: Request;
  params: Params;
  tenant: Tenant;
  requestId: string;
  /** The client's address as the server in front wrote it (X-Forwarded-For), which the rate limits count. */
  clientAddress: string;
}

/**
 * A JSON route of the tenant API: a request id on every answer, the tenant the proxy resolved from
 * the Host (its header cannot come from a client: the proxy drops any such header), the agency's
 * rate limits for this kind of request (a search costs suppliers and rows, so it has its own),
 * every failure rendered as the API's error body.
 */
export function apiRoute<Params extends Record<string, string> = Record<string, never>>(
  handler: (context: ApiContext<Params>) => Promise<Response>,
  options: { kind?: ApiRequestKind } = {},
) {
  return async (request: Request, route: { params: Promise<Params> }): Promise<Response> => {
    const requestId = newRequestId();
    try {
      const tenantId = request.headers.get(TENANT_ID_HEADER);
      const tenant = tenantId ? await findTenantById(tenantId) : null;
      if (!tenant || tenant.status !== 'active') throw new ApiError(404, 'TENANT_NOT_FOUND', 'no agency answers on this host');
      const clientAddress = clientAddressFrom(request.headers.get('x-forwarded-for'));
      await enforceApiRateLimit(tenant, clientAddress, options.kind ?? 'read');
      const response = await handler({ request, params: await route.params, tenant, requestId, clientAddress });
      response.headers.set(REQUEST_ID_HEADER, requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}

/** A route answering without a tenant (the API's own description). */
export function publicApiRoute(handler: (context: { request: Request; requestId: string }) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const requestId = newRequestId();
    try {
      const response = await handler({ request, requestId });
      response.headers.set(REQUEST_ID_HEADER, requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}

/**
 * The answer to a method a route does not serve: 405 with `Allow` and the API's JSON error body
 * (Next's own 405 has no body). Each route exports it under the methods it does not serve.
 */
export function methodNotAllowed(allowed: string[]) {
  return publicApiRoute(async ({ request }) => {
    throw new ApiError(
      405,
      'METHOD_NOT_ALLOWED',
      `${request.method} is not allowed here; use ${allowed.join(' or ')}`,
      undefined,
      {
        allow: allowed.join(', '),
      },
    );
  });
}
