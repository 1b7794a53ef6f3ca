import { rootDomain } from '../config.ts';
import { controlDb } from '../control-client.ts';
import { apiLimitsSchema, type Tenant } from '../tenants/tenant.ts';
import { directoryAnswerTtlMs, directoryCache, directoryEpoch, ensureDirectoryListener } from './directory-cache.ts';
import { parseHost, type Surface } from './parse-host.ts';

export type HostResolution =
  | { kind: 'tenant'; tenant: Tenant; host: string }
  | { kind: 'suspended'; tenant: Tenant; host: string }
  | { kind: 'platform-console'; host: string }
  | { kind: 'not-found'; reason: string };

const tenantSelect = { id: true, slug: true, name: true, status: true, schemaName: true, apiLimits: true } as const;

type TenantRow = Omit<Tenant, 'apiLimits'> & { apiLimits: unknown };

function toTenant(row: TenantRow | null | undefined): Tenant | null {
  if (!row) return null;
  // Limits are validated when written; a row that somehow holds others falls back to the defaults.
  const limits = apiLimitsSchema.safeParse(row.apiLimits ?? {});
  return { ...row, apiLimits: limits.success ? limits.data : null };
}

async function lookup(key: string, load: () => Promise<TenantRow | null | undefined>): Promise<Tenant | null> {
  const cached = directoryCache.get(key);
  if (cached) return cached.value as Tenant | null;
  const startedAt = directoryEpoch();
  const value = toTenant(await load());
  const ttl = directoryAnswerTtlMs(startedAt);
  if (ttl > 0) directoryCache.set(key, { value }, { ttl });
  return value;
}

/** The tenant with this slug (any status), through the directory cache. */
export function findTenantBySlug(slug: string): Promise<Tenant | null> {
  return lookup(`slug:${slug}`, () => controlDb().tenant.findUnique({ where: { slug }, select: tenantSelect }));
}

/** The tenant with this immutable id (any status), through the directory cache. */
export function findTenantById(id: string): Promise<Tenant | null> {
  return lookup(`id:${id}`, () => controlDb().tenant.findUnique({ where: { id }, select: tenantSelect }));
}

function findTenantByVerifiedDomain(host: string): Promise<Tenant | null> {
  return lookup(`domain:${host}`, async () => {
    const domain = await controlDb().domain.findUnique({
      where: { host },
      select: { verified: true, tenant: { select: tenantSelect } },
    });
    return domain?.verified ? domain.tenant : null;
  });
}

/**
 * Host -> tenant, as `proxy.ts` of each app asks it. Subdomains of ROOT_DOMAIN name a tenant by slug;
 * any other host must be a verified custom domain (web only). IP literals and malformed hosts are
 * never tenants.
 */
export async function resolveTenantFromHost(rawHost: string | null | undefined, surface: Surface): Promise<HostResolution> {
  void ensureDirectoryListener();
  const parsed = parseHost(rawHost, rootDomain(), surface);
  switch (parsed.kind) {
    case 'invalid':
      return { kind: 'not-found', reason: parsed.reason };
    case 'platform-console':
      return { kind: 'platform-console', host: parsed.host };
    case 'tenant-subdomain':
    case 'custom-domain': {
      const tenant =
        parsed.kind === 'tenant-subdomain' ? await findTenantBySlug(parsed.slug) : await findTenantByVerifiedDomain(parsed.host);
      if (!tenant) return { kind: 'not-found', reason: 'no such tenant' };
      return tenant.status === 'active'
        ? { kind: 'tenant', tenant, host: parsed.host }
        : { kind: 'suspended', tenant, host: parsed.host };
    }
  }
}
