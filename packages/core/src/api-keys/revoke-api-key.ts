import type { Tenant } from '@himal/db';
import { OrderError } from '../orders/order-errors.ts';
import { markApiKeyRevoked, type ApiKey } from './api-key-repository.ts';

/** Revokes a key at once for every process (each request looks its key up); revoking twice changes nothing. */
export async function revokeApiKey(tenant: Pick<Tenant, 'schemaName'>, id: string): Promise<ApiKey> {
  const key = await markApiKeyRevoked(tenant, id);
  if (!key) throw new OrderError('NOT_FOUND', `the agency has no API key ${id}`);
  return key;
}
