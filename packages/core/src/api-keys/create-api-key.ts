import type { Tenant } from '@himal/db';
import { z } from 'zod';
import { randomId } from '../ids/random-id.ts';
import { OrderError } from '../orders/order-errors.ts';
import { insertApiKey } from './api-key-repository.ts';
import { API_KEY_SCOPES, type ApiKeyScope } from './api-key-scopes.ts';
import { newApiKeySecret } from './api-key-secret.ts';

const newApiKeyInput = z.object({
  name: z.string().trim().min(1, 'is required').max(100, 'at most 100 characters'),
  scopes: z.array(z.enum(API_KEY_SCOPES, { error: `one of ${API_KEY_SCOPES.join(', ')}` })).min(1, 'at least one scope'),
});

export interface CreatedApiKey {
  id: string;
  /** The key itself: shown this once, never stored. */
  key: string;
  prefix: string;
  scopes: ApiKeyScope[];
}

/** A new API key of the agency, with the scopes it may use. */
export async function createApiKey(
  tenant: Pick<Tenant, 'schemaName'>,
  input: { name: string; scopes: string[] },
): Promise<CreatedApiKey> {
  const parsed = newApiKeyInput.safeParse(input);
  if (!parsed.success) {
    throw new OrderError('INVALID_REQUEST', 'the API key needs a name and known scopes', {
      fields: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  const { key, prefix, hash } = newApiKeySecret();
  const scopes = [...new Set(parsed.data.scopes)];
  const stored = await insertApiKey(tenant, { id: randomId('key'), name: parsed.data.name, prefix, keyHash: hash, scopes });
  return { id: stored.id, key, prefix, scopes };
}
