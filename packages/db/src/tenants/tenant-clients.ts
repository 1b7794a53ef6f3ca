import { PrismaPg } from '@prisma/adapter-pg';
import { LRUCache } from 'lru-cache';
import { PrismaClient } from '../../generated/tenant/client.ts';
import { sharedPool } from '../pool.ts';
import { assertTenantSchemaName, type Tenant } from './tenant.ts';

export type TenantClient = PrismaClient;
/** The transaction client handed to `withTenant` callbacks. */
export type TenantTransaction = Parameters<Parameters<TenantClient['$transaction']>[0]>[0];

/**
 * One Prisma client per tenant schema, all on the shared pool, in a bounded LRU. A client holds its
 * own copy of the tenant data model and query compiler: measured at about 0.45 MB of heap and
 * 0.1 MB outside it with the 5 tenant models of late 2026, growing with the model count
 * (`npm run bench -- tenancy`). The default size keeps 1,000 agencies' clients per process, so an
 * instance serving that many never rebuilds clients on its hot path; beyond that, tenants are
 * routed to instances. An evicted client is disconnected after a short grace (its `$disconnect`
 * cancels open transactions, and a request may still be using it); the shared pool stays open.
 * A client is never re-pointed at another schema: Prisma batches queries made in the same tick,
 * and a swapped schema once served one tenant's lookup from another tenant's tables.
 */
const EVICTED_CLIENT_GRACE_MS = Number(process.env.TENANT_CLIENT_EVICTION_GRACE_MS ?? 5_000);
let awaitingDisconnect = 0;

const clients = new LRUCache<string, TenantClient>({
  max: Number(process.env.TENANT_CLIENT_CACHE_SIZE ?? 1_000),
  dispose: (client) => {
    awaitingDisconnect += 1;
    setTimeout(() => {
      awaitingDisconnect -= 1;
      void client.$disconnect();
    }, EVICTED_CLIENT_GRACE_MS).unref();
  },
});

export function tenantDb(tenant: Pick<Tenant, 'schemaName'>): TenantClient {
  const schema = assertTenantSchemaName(tenant.schemaName);
  let client = clients.get(schema);
  if (!client) {
    client = new PrismaClient({ adapter: new PrismaPg(sharedPool(), { schema }) });
    clients.set(schema, client);
  }
  return client;
}

/**
 * Runs `work` in a transaction of the tenant's client with `search_path` set to the tenant's schema
 * for that transaction only (SET LOCAL: it cannot leak to the next user of the connection, even
 * through PgBouncer in transaction mode). Prisma's queries name the schema themselves; the
 * search_path scopes raw SQL too.
 */
export async function withTenant<T>(
  tenant: Pick<Tenant, 'schemaName'>,
  work: (tx: TenantTransaction) => Promise<T>,
  options?: { timeout?: number; isolationLevel?: 'ReadCommitted' | 'RepeatableRead' | 'Serializable' },
): Promise<T> {
  const client = tenantDb(tenant);
  return client.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT set_config('search_path', ${tenant.schemaName}, true)`;
    return work(tx);
  }, options);
}

/** Forget a tenant's client (after the tenant is deleted). */
export function evictTenantClient(schemaName: string): void {
  clients.delete(schemaName);
}

export function tenantClientCacheStats(): { size: number; max: number; awaitingDisconnect: number } {
  return { size: clients.size, max: clients.max, awaitingDisconnect };
}

/** Drop every cached client; each is disconnected by the cache's dispose hook. */
export function clearTenantClients(): void {
  clients.clear();
}
