import type { Tenant } from '@himal/db';
import { findActiveApiKeyByHash, touchApiKey } from './api-key-repository.ts';
import type { ApiKeyScope } from './api-key-scopes.ts';
import { apiKeyHash, isWellFormedApiKey } from './api-key-secret.ts';

export interface AuthenticatedApiKey {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
}

/**
 * The agency's unrevoked key a client presented, or null. Keys live in the agency's own schema, so
 * another agency's key is unknown here. The last use is written at most once a minute per key, so a
 * busy integration's reads do not each cost a write.
 */
export async function authenticateApiKey(
  tenant: Pick<Tenant, 'schemaName'>,
  presentedKey: string,
): Promise<AuthenticatedApiKey | null> {
  if (!isWellFormedApiKey(presentedKey)) return null;
  const found = await findActiveApiKeyByHash(tenant, apiKeyHash(presentedKey));
  if (!found) return null;
  if (found.useIsStale) await touchApiKey(tenant, found.key.id);
  return { id: found.key.id, name: found.key.name, scopes: found.key.scopes };
}
