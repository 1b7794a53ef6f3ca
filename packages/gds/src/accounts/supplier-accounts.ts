import { controlDb } from '@himal/db';
import type { Product, SupplierConnection } from '../products/common.ts';
import { decryptCredentials, encryptCredentials } from './credential-crypto.ts';

export const PLATFORM_SCOPE = 'platform';

export interface SupplierAccountInput {
  supplierId: string;
  /** 'platform' or a tenant id. */
  scope: string;
  endpoint: string;
  credentials: Record<string, string>;
  products: Product[];
  enabled?: boolean;
}

/** Creates or replaces the account of one supplier in one scope; credentials are sealed before they are stored. */
export async function upsertSupplierAccount(input: SupplierAccountInput): Promise<void> {
  const data = {
    endpoint: input.endpoint,
    credentialsEncrypted: encryptCredentials(input.credentials),
    products: input.products,
    enabled: input.enabled ?? true,
  };
  await controlDb().supplierAccount.upsert({
    where: { supplierId_scope: { supplierId: input.supplierId, scope: input.scope } },
    create: { supplierId: input.supplierId, scope: input.scope, ...data },
    update: data,
  });
  connectionCache.clear();
}

/**
 * The suppliers a tenant searches for a product: the platform's accounts, each replaced by the
 * tenant's own account for the same supplier where it has one (a disabled tenant account switches
 * that supplier off for the tenant).
 */
export function supplierConnectionsFor(tenantId: string, product: Product): Promise<SupplierConnection[]> {
  const key = `${tenantId}:${product}`;
  const cached = connectionCache.get(key);
  if (cached && cached.expiresAt > Date.now()) return cached.connections;
  const connections = loadSupplierConnections(tenantId, product);
  connectionCache.set(key, { connections, expiresAt: Date.now() + CONNECTION_CACHE_TTL_MS });
  connections.catch(() => connectionCache.delete(key));
  return connections;
}

/**
 * Every search needs the tenant's connections; reading and decrypting them each time cost a
 * database round trip per search. They are kept briefly per process: a change made here is seen
 * at once, one made by another process within CONNECTION_CACHE_TTL_MS.
 */
const CONNECTION_CACHE_TTL_MS = Number(process.env.SUPPLIER_ACCOUNTS_CACHE_TTL_MS ?? 30_000);
const connectionCache = new Map<string, { connections: Promise<SupplierConnection[]>; expiresAt: number }>();

async function loadSupplierConnections(tenantId: string, product: Product): Promise<SupplierConnection[]> {
  const accounts = await controlDb().supplierAccount.findMany({
    where: { scope: { in: [PLATFORM_SCOPE, tenantId] }, products: { has: product } },
    orderBy: { supplierId: 'asc' },
  });
  const chosen = new Map<string, (typeof accounts)[number]>();
  for (const account of accounts) {
    const current = chosen.get(account.supplierId);
    if (!current || account.scope === tenantId) chosen.set(account.supplierId, account);
  }
  return [...chosen.values()]
    .filter((account) => account.enabled)
    .map((account) => ({
      supplierId: account.supplierId,
      endpoint: account.endpoint,
      credentials: decryptCredentials(account.credentialsEncrypted),
    }));
}

/** What an operator may see of accounts: never the credentials. */
export async function listSupplierAccounts(): Promise<
  Array<{ supplierId: string; scope: string; endpoint: string; products: string[]; enabled: boolean }>
> {
  return controlDb().supplierAccount.findMany({
    select: { supplierId: true, scope: true, endpoint: true, products: true, enabled: true },
    orderBy: [{ supplierId: 'asc' }, { scope: 'asc' }],
  });
}
