import { DbError } from '../errors.ts';
import { pgTransaction } from '../pg-transaction.ts';
import { apiLimitsSchema, assertTenantSchemaName, type ApiLimits, type Tenant, type TenantStatus } from '../tenants/tenant.ts';
import { normalizeHost } from '../directory/parse-host.ts';
import { rootDomain } from '../config.ts';
import { newVerificationToken } from './create-tenant.ts';
import { notifyDirectoryChange } from './notify.ts';
import { invalidateDirectory } from '../directory/directory-cache.ts';
import type pg from 'pg';

export interface TenantSummary extends Tenant {
  createdAt: Date;
  domains: string[];
  migrationsApplied: number;
}

interface TenantRow {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  schema_name: string;
}

const toTenant = (row: TenantRow): Tenant => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  status: row.status,
  schemaName: row.schema_name,
});

async function lockTenant(client: pg.ClientBase, slug: string): Promise<Tenant> {
  const { rows } = await client.query<TenantRow>(
    'SELECT id, slug, name, status, schema_name FROM public.tenants WHERE slug = $1 FOR UPDATE',
    [slug],
  );
  if (!rows[0]) throw new DbError('TENANT_NOT_FOUND', `no tenant with slug ${JSON.stringify(slug)}`);
  return toTenant(rows[0]);
}

export async function listTenants(): Promise<TenantSummary[]> {
  return pgTransaction(async (client) => {
    const { rows } = await client.query<TenantRow & { created_at: Date; domains: string[]; migrations: number }>(
      `SELECT t.id, t.slug, t.name, t.status, t.schema_name, t.created_at,
              COALESCE((SELECT array_agg(d.host ORDER BY d.host) FROM public.domains d WHERE d.tenant_id = t.id), '{}') AS domains,
              (SELECT count(*)::int FROM public.himal_migrations m WHERE m.schema_name = t.schema_name) AS migrations
         FROM public.tenants t ORDER BY t.slug`,
    );
    return rows.map((row) => ({
      ...toTenant(row),
      createdAt: row.created_at,
      domains: row.domains,
      migrationsApplied: row.migrations,
    }));
  });
}

async function setStatus(slug: string, status: TenantStatus): Promise<Tenant> {
  const tenant = await pgTransaction(async (client) => {
    const found = await lockTenant(client, slug);
    await client.query('UPDATE public.tenants SET status = $2, updated_at = now() WHERE id = $1', [found.id, status]);
    await notifyDirectoryChange(client, found.id);
    return { ...found, status };
  });
  invalidateDirectory();
  return tenant;
}

/**
 * Sets an agency's own API rate limits (requests per minute); a limit left out, or given as null,
 * goes back to the platform's default. Every process hears of it through the directory's NOTIFY.
 */
export async function setTenantApiLimits(slug: string, changes: { [K in keyof ApiLimits]?: number | null }): Promise<ApiLimits> {
  const limits = await pgTransaction(async (client) => {
    const found = await lockTenant(client, slug);
    const { rows } = await client.query<{ api_limits: unknown }>('SELECT api_limits FROM public.tenants WHERE id = $1', [
      found.id,
    ]);
    const merged: Record<string, unknown> = { ...(rows[0]?.api_limits as object | null) };
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) delete merged[name];
      else if (value !== undefined) merged[name] = value;
    }
    const parsed = apiLimitsSchema.safeParse(merged);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DbError('INVALID_INPUT', `${issue.path.join('.') || 'limits'}: ${issue.message}`);
    }
    await client.query('UPDATE public.tenants SET api_limits = $2, updated_at = now() WHERE id = $1', [
      found.id,
      Object.keys(parsed.data).length ? JSON.stringify(parsed.data) : null,
    ]);
    await notifyDirectoryChange(client, found.id);
    return parsed.data;
  });
  invalidateDirectory();
  return limits;
}

/** A suspended agency's sites answer 503 and its staff cannot sign in; its data is kept. */
export const suspendTenant = (slug: string) => setStatus(slug, 'suspended');
export const resumeTenant = (slug: string) => setStatus(slug, 'active');

/** Drops the tenant's schema and every control row of it. `confirm` must repeat the slug. */
export async function deleteTenant(slug: string, confirm: string | undefined): Promise<Tenant> {
  if (confirm !== slug) throw new DbError('INVALID_INPUT', `deleting ${JSON.stringify(slug)} needs --confirm ${slug}`);
  const tenant = await pgTransaction(async (client) => {
    const found = await lockTenant(client, slug);
    const schema = assertTenantSchemaName(found.schemaName);
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`himal_migrations:${schema}`]);
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query('DELETE FROM public.himal_migrations WHERE schema_name = $1', [schema]);
    await client.query('DELETE FROM public.tenants WHERE id = $1', [found.id]);
    await notifyDirectoryChange(client, found.id);
    return found;
  });
  invalidateDirectory();
  return tenant;
}

/** Registers a custom domain (unverified until the agency proves it owns it). */
export async function addCustomDomain(slug: string, rawHost: string): Promise<{ host: string; verificationToken: string }> {
  const host = normalizeHost(rawHost);
  if (!host || !host.includes('.')) throw new DbError('INVALID_INPUT', `not a domain name: ${JSON.stringify(rawHost)}`);
  const root = rootDomain();
  if (host === root || host.endsWith(`.${root}`))
    throw new DbError('INVALID_INPUT', `${host} is under the platform's own domain`);
  const domain = await pgTransaction(async (client) => {
    const tenant = await lockTenant(client, slug);
    const verificationToken = newVerificationToken();
    const inserted = await client.query(
      `INSERT INTO public.domains (host, tenant_id, verified, verification_token) VALUES ($1, $2, false, $3) ON CONFLICT (host) DO NOTHING`,
      [host, tenant.id, verificationToken],
    );
    if (!inserted.rowCount) throw new DbError('INVALID_INPUT', `the domain ${host} is already registered`);
    await notifyDirectoryChange(client, tenant.id);
    return { host, verificationToken };
  });
  invalidateDirectory();
  return domain;
}

/** Marks a custom domain verified: from then on its Host resolves to the tenant. */
export async function markDomainVerified(rawHost: string): Promise<void> {
  const host = normalizeHost(rawHost);
  await pgTransaction(async (client) => {
    const { rows } = await client.query<{ tenant_id: string }>(
      'UPDATE public.domains SET verified = true, verified_at = now() WHERE host = $1 RETURNING tenant_id',
      [host],
    );
    if (!rows[0]) throw new DbError('INVALID_INPUT', `no such domain: ${JSON.stringify(rawHost)}`);
    await notifyDirectoryChange(client, rows[0].tenant_id);
  });
  invalidateDirectory();
}
