import { describe, expect, it } from 'vitest';
import { sharedPool } from '../pool.ts';
import { TEST_ADMIN_PASSWORD_HASH, uniqueSlug } from '../testing/index.ts';
import { scratchMigrationsDir } from '../testing/migrations-dir.ts';
import { createTenant } from './create-tenant.ts';
import { deleteTenant } from './manage-tenants.ts';

async function tenantSchemas(): Promise<string[]> {
  const { rows } = await sharedPool().query<{ nspname: string }>(
    `SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%' ORDER BY 1`,
  );
  return rows.map((r) => r.nspname);
}

describe('a failed create', () => {
  it('leaves no schema, tenant row or ledger row behind', async () => {
    const scratch = scratchMigrationsDir();
    scratch.add('tenant', '29990101000000_broken', 'ALTER TABLE no_such_table ADD COLUMN x int;\n');
    const slug = uniqueSlug('broken');
    const schemasBefore = await tenantSchemas();
    try {
      await expect(
        createTenant(
          { slug, name: 'Broken', adminEmail: 'a@broken.test', adminPasswordHash: TEST_ADMIN_PASSWORD_HASH },
          { migrationsDir: scratch.dir },
        ),
      ).rejects.toMatchObject({ code: 'MIGRATION_FAILED' });
    } finally {
      scratch.remove();
    }
    expect(await tenantSchemas()).toEqual(schemasBefore);
    expect((await sharedPool().query('SELECT 1 FROM public.tenants WHERE slug = $1', [slug])).rowCount).toBe(0);
    const orphans = await sharedPool().query(
      `SELECT 1 FROM public.himal_migrations m WHERE schema_name <> 'public' AND NOT EXISTS (SELECT 1 FROM public.tenants t WHERE t.schema_name = m.schema_name)`,
    );
    expect(orphans.rowCount).toBe(0);

    // The slug is free to use afterwards.
    const retried = await createTenant({
      slug,
      name: 'Fixed',
      adminEmail: 'a@broken.test',
      adminPasswordHash: TEST_ADMIN_PASSWORD_HASH,
    });
    expect(retried.tenant.slug).toBe(slug);
    await deleteTenant(slug, slug);
  });

  it('lets exactly one of two racing creates of the same slug win, leaving one schema', async () => {
    const slug = uniqueSlug('race');
    const schemasBefore = await tenantSchemas();
    const results = await Promise.allSettled([
      createTenant({ slug, name: 'One', adminEmail: 'one@race.test', adminPasswordHash: TEST_ADMIN_PASSWORD_HASH }),
      createTenant({ slug, name: 'Two', adminEmail: 'two@race.test', adminPasswordHash: TEST_ADMIN_PASSWORD_HASH }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason).toMatchObject({ code: 'TENANT_EXISTS' });
    expect(await tenantSchemas()).toHaveLength(schemasBefore.length + 1);
    await deleteTenant(slug, slug);
  });
});
