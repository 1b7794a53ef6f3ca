import { tenantDb, type Tenant } from '@himal/db';
import { sql, type Selectable } from 'kysely';
import type { TenantDatabase } from '@himal/db';
import type { ApiKeyScope } from './api-key-scopes.ts';

/** Every query of the agency's API keys, mapping rows to ApiKey; the services beside this file hold the rules. */
type TenantRef = Pick<Tenant, 'schemaName'>;

/** An API key as the agency sees it: never the key itself, which is shown once when created. */
export interface ApiKey {
  id: string;
  name: string;
  /** The key's first characters (`hk_…`), to tell keys apart. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = ['id', 'name', 'prefix', 'scopes', 'created_at', 'last_used_at', 'revoked_at'] as const;
type Row = Pick<Selectable<TenantDatabase['api_keys']>, (typeof COLUMNS)[number]>;

function toApiKey(row: Row): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    // Written only by createApiKey, which lets nothing but known scopes in.
    scopes: (row.scopes ?? []) as ApiKeyScope[],
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertApiKey(
  tenant: TenantRef,
  key: { id: string; name: string; prefix: string; keyHash: string; scopes: ApiKeyScope[] },
): Promise<ApiKey> {
  const row = await tenantDb(tenant)
    .insertInto('api_keys')
    .values({ id: key.id, name: key.name, prefix: key.prefix, key_hash: key.keyHash, scopes: key.scopes })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toApiKey(row);
}

export async function selectApiKeys(tenant: TenantRef): Promise<ApiKey[]> {
  const rows = await tenantDb(tenant).selectFrom('api_keys').select(COLUMNS).orderBy('created_at').orderBy('id').execute();
  return rows.map(toApiKey);
}

/** The unrevoked key with this hash, and whether its last use was recorded over a minute ago. */
export async function findActiveApiKeyByHash(
  tenant: TenantRef,
  keyHash: string,
): Promise<{ key: ApiKey; useIsStale: boolean } | undefined> {
  const row = await tenantDb(tenant)
    .selectFrom('api_keys')
    .select(COLUMNS)
    .select(sql<boolean>`last_used_at IS NULL OR last_used_at < now() - interval '1 minute'`.as('use_is_stale'))
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && { key: toApiKey(row), useIsStale: row.use_is_stale };
}

/** Records a use, unless another request recorded one within the minute. */
export async function touchApiKey(tenant: TenantRef, id: string): Promise<void> {
  await tenantDb(tenant)
    .updateTable('api_keys')
    .set({ last_used_at: sql`now()` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]))
    .execute();
}

/** Marks the key revoked (keeping its first revocation time); undefined when the agency has no such key. */
export async function markApiKeyRevoked(tenant: TenantRef, id: string): Promise<ApiKey | undefined> {
  const row = await tenantDb(tenant)
    .updateTable('api_keys')
    .set({ revoked_at: sql`coalesce(revoked_at, now())` })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst();
  return row && toApiKey(row);
}
