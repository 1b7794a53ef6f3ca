import type { Tenant } from '@himal/db';
import { selectApiKeys, type ApiKey } from './api-key-repository.ts';

/** Every API key of the agency, revoked ones too (an audit wants to see them), oldest first. */
export function listApiKeys(tenant: Pick<Tenant, 'schemaName'>): Promise<ApiKey[]> {
  return selectApiKeys(tenant);
}
