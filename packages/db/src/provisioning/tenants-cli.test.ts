import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedPool } from '../pool.ts';
import { uniqueSlug } from '../testing/index.ts';
import { scratchMigrationsDir } from '../testing/migrations-dir.ts';
import { tenantDb } from '../tenants/tenant-db.ts';
import { createTenant } from './create-tenant.ts';
import { deleteTenant } from './manage-tenants.ts';
import { findTenantBySlug } from '../directory/resolve-tenant.ts';
import { loadMigrations } from '../migrations/load-migrations.ts';

const cli = fileURLToPath(new URL('../cli/tenants.ts', import.meta.url));

async function tenants(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', cli, ...args], { env: process.env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

async function tenantSchemas(): Promise<string[]> {
  const { rows } = await sharedPool().query<{ nspname: string }>(
    `SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%' ORDER BY 1`,
  );
  return rows.map((r) => r.nspname);
}

describe('tenants CLI', () => {
  const slug = uniqueSlug('cli');
  afterAll(() => deleteTenant(slug, slug).catch(() => undefined));

  it('creates, lists, suspends, resumes and deletes a tenant', async () => {
    const created = await tenants(
      'create',
      '--slug',
      slug,
      '--name',
      'Annapurna Adventures',
      '--admin-email',
      'Owner@Annapurna.test',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(
      new RegExp(`created ${slug} \\(Annapurna Adventures\\) id=[0-9a-f]{16} schema=t_[0-9a-f]{16}`),
    );
    expect(created.stdout).toMatch(/password: \S+ \(shown once\)/);

    const tenant = (await findTenantBySlug(slug))!;
    const owner = await tenantDb(tenant)
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'owner@annapurna.test')
      .executeTakeFirst();
    expect(owner).toMatchObject({ role: 'owner' });
    expect(owner!.password_hash).toMatch(/^\$argon2id\$/);

    const listed = await tenants('list');
    const migrations = loadMigrations('tenant').length;
    expect(listed.stdout).toMatch(
      new RegExp(`^${slug}\\s+active\\s+Annapurna Adventures\\s+${tenant.schemaName}\\s+${migrations}\\b`, 'm'),
    );

    expect((await tenants('suspend', slug)).stdout).toContain(`${slug} is suspended`);
    expect((await tenants('list')).stdout).toMatch(new RegExp(`^${slug}\\s+suspended`, 'm'));
    expect((await tenants('resume', slug)).stdout).toContain(`${slug} is active`);

    const refused = await tenants('delete', slug);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(`error: deleting "${slug}" needs --confirm ${slug}`);

    const deleted = await tenants('delete', slug, '--confirm', slug);
    expect(deleted.code).toBe(0);
    expect(await tenantSchemas()).not.toContain(tenant.schemaName);
    expect((await tenants('list')).stdout).not.toContain(slug);
  });

  it.each([
    [['create', '--slug', 'Bad_Slug', '--name', 'X', '--admin-email', 'a@b.test'], /^error: invalid slug "Bad_Slug": /],
    [['create', '--slug', 'ab', '--name', 'X', '--admin-email', 'a@b.test'], /^error: invalid slug "ab": /],
    [['create', '--slug', 'www', '--name', 'X', '--admin-email', 'a@b.test'], /^error: the slug "www" is reserved$/],
    [['create', '--slug', 'fine-slug', '--name', 'X', '--admin-email', 'not-an-email'], /^error: adminEmail: /],
    [['suspend', 'no-such-agency'], /^error: no tenant with slug "no-such-agency"$/],
    [['delete', 'no-such-agency', '--confirm', 'no-such-agency'], /^error: no tenant with slug "no-such-agency"$/],
  ])('fails with one line and exit code 1: %j', async (args, message) => {
    const result = await tenants(...args);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
  });

  it('refuses a duplicate slug', async () => {
    const dup = uniqueSlug('dup');
    expect((await tenants('create', '--slug', dup, '--name', 'First', '--admin-email', 'a@dup.test')).code).toBe(0);
    const second = await tenants('create', '--slug', dup, '--name', 'Second', '--admin-email', 'b@dup.test');
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toBe(`error: a tenant with slug "${dup}" already exists`);
    await deleteTenant(dup, dup);
  });
});

describe('a failed create', () => {
  it('leaves no schema, tenant row or ledger row behind', async () => {
    const scratch = scratchMigrationsDir();
    scratch.add('tenant', '29990101000000_broken', 'ALTER TABLE no_such_table ADD COLUMN x int;\n');
    const slug = uniqueSlug('broken');
    const schemasBefore = await tenantSchemas();
    try {
      await expect(
        createTenant(
          { slug, name: 'Broken', adminEmail: 'a@broken.test', adminPassword: 'long enough password' },
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
    const retried = await createTenant({ slug, name: 'Fixed', adminEmail: 'a@broken.test' });
    expect(retried.tenant.slug).toBe(slug);
    await deleteTenant(slug, slug);
  });

  it('lets exactly one of two racing creates of the same slug win, leaving one schema', async () => {
    const slug = uniqueSlug('race');
    const schemasBefore = await tenantSchemas();
    const results = await Promise.allSettled([
      createTenant({ slug, name: 'One', adminEmail: 'one@race.test' }),
      createTenant({ slug, name: 'Two', adminEmail: 'two@race.test' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason).toMatchObject({ code: 'TENANT_EXISTS' });
    expect(await tenantSchemas()).toHaveLength(schemasBefore.length + 1);
    await deleteTenant(slug, slug);
  });
});
