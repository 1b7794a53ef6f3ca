import { authenticateApiKey, OrderError, type ApiKeyScope } from '@himal/core';
import type { Tenant } from '@himal/db';

/**
 * Who calls the API: an integration with one of the agency's API keys, or anyone (a traveller's
 * browser, a search widget). Search is open to anyone; a route that needs a key says which scope.
 */
export type ApiCaller = ApiKeyCaller | { kind: 'anonymous' };
export interface ApiKeyCaller {
  kind: 'api-key';
  keyId: string;
  scopes: ApiKeyScope[];
}

const BEARER = /^Bearer +(\S+) *$/i;

/**
 * The caller of a request, from `Authorization: Bearer hk_…`. A request that presents credentials
 * which do not open this agency (malformed, unknown, revoked, another agency's) is refused with 401
 * rather than served as anonymous, so a broken integration learns at once that its key is wrong.
 */
export async function authenticateApiCaller(request: Request, tenant: Tenant): Promise<ApiCaller> {
  const authorization = request.headers.get('authorization');
  if (authorization === null) return { kind: 'anonymous' };
  const presented = BEARER.exec(authorization)?.[1];
  if (!presented) throw new OrderError('UNAUTHENTICATED', 'send the API key as "Authorization: Bearer hk_…"');
  const key = await authenticateApiKey(tenant, presented);
  if (!key) throw new OrderError('UNAUTHENTICATED', 'this API key is not valid for this agency, or it was revoked');
  return { kind: 'api-key', keyId: key.id, scopes: key.scopes };
}

/** Refuses a caller without a key (401) or whose key lacks `scope` (403). */
export function requireScope(caller: ApiCaller, scope: ApiKeyScope): asserts caller is ApiKeyCaller {
  if (caller.kind !== 'api-key') throw new OrderError('UNAUTHENTICATED', `this needs an API key with the ${scope} scope`);
  if (!caller.scopes.includes(scope)) {
    throw new OrderError('FORBIDDEN', `this API key does not have the ${scope} scope`, { requiredScope: scope });
  }
}
