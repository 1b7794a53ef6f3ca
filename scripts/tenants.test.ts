import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { authenticateApiKey } from '@himal/core';
import { deleteTenant, findTenantBySlug, loadMigrations, sharedPool, tenantDb } from '@himal/db';
import { createTestTenant, uniqueSlug } from '@himal/db/testing';
import { afterAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('./tenants.ts', import.meta.url));

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
    [
      ['create', '--slug', 'fine-slug', '--name', 'X', '--admin-email', 'a@b.test', '--admin-password', 'short'],
      /^error: adminPassword: a password has at least 10 characters$/,
    ],
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

describe('tenants CLI: API keys', () => {
  const slug = uniqueSlug('keys');
  afterAll(() => deleteTenant(slug, slug).catch(() => undefined));

  it('creates a key shown once, lists it without the key, and revokes it', async () => {
    const { tenant } = await createTestTenant({ slug });
    const created = await tenants('api-keys', 'create', slug, '--name', 'Booking widget', '--scopes', 'orders:read,orders:write');
    expect(created.code, created.stderr).toBe(0);
    const [, id] = created.stdout.match(/^created API key (key_[0-9a-z]{26}) for \S+ {2}scopes=orders:read,orders:write$/m) ?? [];
    const [, key] = created.stdout.match(/^ {2}key: (hk_\S+) {2}\(shown once: only its hash is kept\)$/m) ?? [];
    expect(id).toBeDefined();
    expect(await authenticateApiKey(tenant, key!)).toMatchObject({ id, scopes: ['orders:read', 'orders:write'] });

    const listed = await tenants('api-keys', 'list', slug);
    expect(listed.stdout).toMatch(
      new RegExp(`^${id}\\s+hk_\\S+…\\s+Booking widget\\s+orders:read,orders:write\\s+\\d{4}-.+\\s+active$`, 'm'),
    );
    expect(listed.stdout).not.toContain(key!.slice(12));

    expect((await tenants('api-keys', 'revoke', slug, id!)).stdout).toContain(
      `revoked API key ${id} (Booking widget) of ${slug}`,
    );
    expect(await authenticateApiKey(tenant, key!)).toBeNull();
    expect((await tenants('api-keys', 'list', slug)).stdout).toMatch(new RegExp(`^${id}\\s.*\\srevoked \\d{4}-`, 'm'));
  });

  it.each([
    [
      ['api-keys', 'create', 'no-such-agency', '--name', 'X', '--scopes', 'orders:read'],
      /^error: no tenant with slug "no-such-agency"$/,
    ],
    [
      ['api-keys', 'create', 'SLUG', '--name', 'X', '--scopes', 'orders:read,orders:delete'],
      /^error: the API key needs a name and known scopes \(scopes\.1: one of orders:read, orders:write, departures:write\)$/,
    ],
    [['api-keys', 'revoke', 'SLUG', 'key_unknown'], /^error: the agency has no API key key_unknown$/],
  ])('fails with one line and exit code 1: %j', async (args, message) => {
    const result = await tenants(...args.map((arg) => (arg === 'SLUG' ? slug : arg)));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
  });
});
