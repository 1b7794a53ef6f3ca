import { randomBytes } from 'node:crypto';
import { z } from 'zod';

export type TenantStatus = 'active' | 'suspended';

/** What the rest of the platform knows of a tenant; enough to reach its schema. */
export interface Tenant {
  id: string;
  slug: string;
  name: string;
  status: TenantStatus;
  schemaName: string;
  /** The agency's own API rate limits, where it has any (the directory fills this in). */
  apiLimits?: ApiLimits | null;
}

/** Requests per minute: for the whole agency, and for one client (address) of the agency. */
export const apiLimitsSchema = z
  .object({
    searchesPerMinute: z.number().int().min(1).max(1_000_000),
    readsPerMinute: z.number().int().min(1).max(1_000_000),
    clientSearchesPerMinute: z.number().int().min(1).max(1_000_000),
    clientReadsPerMinute: z.number().int().min(1).max(1_000_000),
  })
  .partial()
  .strict();
export type ApiLimits = z.infer<typeof apiLimitsSchema>;

/** Hosts and names the platform keeps for itself; no agency may take them as a slug. */
export const RESERVED_SLUGS = new Set([
  'admin',
  'api',
  'app',
  'assets',
  'auth',
  'billing',
  'blog',
  'cdn',
  'console',
  'dashboard',
  'dev',
  'docs',
  'ftp',
  'help',
  'himal',
  'imap',
  'internal',
  'localhost',
  'mail',
  'ns1',
  'ns2',
  'platform',
  'pop',
  'public',
  'root',
  'smtp',
  'static',
  'staging',
  'status',
  'support',
  'test',
  'www',
]);

export const slugSchema = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/,
    'a slug is 3–40 lowercase letters, digits and hyphens, not starting or ending with a hyphen',
  );

const TENANT_ID = /^[0-9a-f]{16}$/;
const SCHEMA_NAME = /^t_[0-9a-f]{16}$/;

export function newTenantId(): string {
  return randomBytes(8).toString('hex');
}

/** A tenant's schema is named from its immutable id, never from anything a person typed. */
export function schemaNameFor(tenantId: string): string {
  if (!TENANT_ID.test(tenantId)) throw new Error(`not a tenant id: ${JSON.stringify(tenantId)}`);
  return `t_${tenantId}`;
}

/** Guards every place a schema name is put into SQL as an identifier. */
export function assertTenantSchemaName(name: string): string {
  if (!SCHEMA_NAME.test(name)) throw new Error(`not a tenant schema name: ${JSON.stringify(name)}`);
  return name;
}
