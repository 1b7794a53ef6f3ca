import { hashPassword } from '@himal/auth';
import { createTenant, type CreatedTenant, type Tenant } from '@himal/db';
import { mapConcurrent, timed } from '../lib/stats.ts';

/** Every bench tenant's first user has this password; bench tenants live only in the throwaway database. */
export const BENCH_ADMIN_PASSWORD = 'bench-password-not-secret';

export const benchSlug = (prefix: string, index: number): string => `${prefix}${String(index).padStart(4, '0')}`;
export const benchTenantName = (slug: string): string => `Bench Agency ${slug}`;

export function benchTenantInput(slug: string) {
  return { slug, name: benchTenantName(slug), adminEmail: `owner@${slug}.example.com` };
}

/** createTenant of one bench tenant, its owner's password hashed first: what provisioning an agency costs. */
export async function createBenchTenant(slug: string): Promise<CreatedTenant> {
  return createTenant({ ...benchTenantInput(slug), adminPasswordHash: await hashPassword(BENCH_ADMIN_PASSWORD) });
}

/** Provisions `count` tenants with createTenant, `concurrency` at a time; returns them and the wall time. */
export async function provisionTenants(
  prefix: string,
  from: number,
  count: number,
  concurrency: number,
): Promise<{ tenants: Tenant[]; ms: number }> {
  const indexes = Array.from({ length: count }, (_, i) => from + i);
  const { ms, value } = await timed(() =>
    mapConcurrent(indexes, concurrency, async (index) => (await createBenchTenant(benchSlug(prefix, index))).tenant),
  );
  return { tenants: value, ms };
}
