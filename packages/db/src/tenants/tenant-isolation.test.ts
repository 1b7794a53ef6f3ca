import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from '../config.ts';
import { sharedPool } from '../pool.ts';
import type { CreatedTenant } from '../provisioning/create-tenant.ts';
import { createTestTenant, deleteTestTenants } from '../testing/index.ts';
import { runIsolationWorkload } from '../testing/isolation-workload.ts';
import { startPgBouncer, type PgBouncer } from '../testing/pgbouncer.ts';
import { NO_TENANT_SEARCH_PATH } from './no-tenant-search-path.ts';
import { tenantDb, withTenant } from './tenant-db.ts';

const run = promisify(execFile);
const workloadScript = fileURLToPath(new URL('../testing/isolation-workload.ts', import.meta.url));

describe('tenant isolation', () => {
  const created: CreatedTenant[] = [];
  const tenants = () => created.map((c) => c.tenant);

  beforeAll(async () => {
    for (let i = 0; i < 20; i++) created.push(await createTestTenant());
  });
  afterAll(() => deleteTestTenants(created));

  it('never shows rows written for tenant A to tenant B', async () => {
    const [a, b] = tenants() as [CreatedTenant['tenant'], CreatedTenant['tenant']];
    await tenantDb(a)
      .insertInto('users')
      .values({ email: `only-a@${a.slug}.test`, name: 'A', password_hash: 'x' })
      .execute();
    await withTenant(b, (trx) =>
      trx
        .insertInto('users')
        .values({ email: `only-b@${b.slug}.test`, name: 'B', password_hash: 'x' })
        .execute(),
    );

    const seenByA = (await tenantDb(a).selectFrom('users').select('email').execute()).map((u) => u.email);
    const seenByB = (await withTenant(b, (trx) => sql<{ email: string }>`SELECT email FROM users`.execute(trx))).rows.map(
      (u) => u.email,
    );
    expect(seenByA).toContain(`only-a@${a.slug}.test`);
    expect(seenByA).not.toContain(`only-b@${b.slug}.test`);
    expect(seenByB).toContain(`only-b@${b.slug}.test`);
    expect(seenByB).not.toContain(`only-a@${a.slug}.test`);
    const crossLookup = await tenantDb(b).selectFrom('users').selectAll().where('email', '=', `only-a@${a.slug}.test`);
    expect(await crossLookup.executeTakeFirst()).toBeUndefined();
  });

  it('keeps 3,000 lookups made in the same tick across every tenant each in its own schema', async () => {
    const all = tenants();
    const emails = await Promise.all(
      all.map(async (tenant) => {
        const email = `tick@${tenant.slug}.test`;
        await tenantDb(tenant).insertInto('users').values({ email, name: 'tick', password_hash: 'x' }).execute();
        return email;
      }),
    );
    const asked = Array.from({ length: 3_000 }, (_, i) => i % all.length);
    const found = await Promise.all(
      asked.map((k) => tenantDb(all[k]!).selectFrom('users').select('email').where('email', 'like', 'tick@%').execute()),
    );
    const wrong = found.flatMap((rows, i) => rows.map((r) => r.email).filter((email) => email !== emails[asked[i]!]));
    expect(wrong).toEqual([]);
    expect(found.every((rows) => rows.length === 1)).toBe(true);
  });

  it('keeps 50 concurrent interleaved requests across 20 tenants each to its own data', async () => {
    const result = await runIsolationWorkload(tenants(), 50);
    expect(result.violations).toEqual([]);
    expect(result.rowsChecked).toBeGreaterThan(100);
  });

  describe('fails closed without a tenant', () => {
    it('starts every connection on a search_path that names no schema', async () => {
      const fresh = new pg.Client({ connectionString: databaseUrl() });
      await fresh.connect();
      try {
        expect((await fresh.query<{ search_path: string }>('SHOW search_path')).rows[0]!.search_path).toBe(NO_TENANT_SEARCH_PATH);
        const schema = await fresh.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [NO_TENANT_SEARCH_PATH]);
        expect(schema.rowCount).toBe(0);
        await expect(fresh.query('SELECT email FROM users')).rejects.toThrow(/relation "users" does not exist/);
        await expect(fresh.query('SELECT id FROM tenants')).rejects.toThrow(/relation "tenants" does not exist/);
        await expect(fresh.query('CREATE TABLE stray (id int)')).rejects.toThrow(/no schema has been selected/);
      } finally {
        await fresh.end();
      }
    });

    it('refuses raw SQL that names no schema outside a tenant transaction, on the shared pool too', async () => {
      const [a] = tenants() as [CreatedTenant['tenant']];
      await expect(sql`SELECT email FROM users`.execute(tenantDb(a))).rejects.toThrow(/relation "users" does not exist/);
      await expect(sharedPool().query('SELECT email FROM users')).rejects.toThrow(/relation "users" does not exist/);
      // ... while the same SQL in the tenant's transaction reads the tenant's table.
      await expect(withTenant(a, (trx) => sql`SELECT email FROM users`.execute(trx))).resolves.toBeTruthy();
    });

    it('refuses a tenant that is not a tenant schema name before any SQL is sent', () => {
      for (const schemaName of ['public', 't_1', 't_0123456789abcdef"; DROP SCHEMA public; --', ''])
        expect(() => tenantDb({ schemaName })).toThrow(/not a tenant schema name/);
      return expect(withTenant({ schemaName: 'public' }, async () => 1)).rejects.toThrow(/not a tenant schema name/);
    });

    it('leaves no search_path behind on pooled connections after tenant transactions', async () => {
      const all = tenants();
      await Promise.all(all.map((tenant) => withTenant(tenant, (trx) => trx.selectFrom('users').select('id').execute())));
      // As many at once as the pool holds, so every pooled connection is asked.
      const seen = await Promise.all(
        all.map(() =>
          sharedPool()
            .query<{ search_path: string }>('SHOW search_path')
            .then((r) => r.rows[0]!.search_path),
        ),
      );
      expect(new Set(seen)).toEqual(new Set([NO_TENANT_SEARCH_PATH]));
    });
  });

  describe('through PgBouncer in transaction mode', () => {
    let bouncer: PgBouncer;
    beforeAll(async () => {
      bouncer = await startPgBouncer(databaseUrl(), 2);
    });
    afterAll(() => bouncer?.stop());

    it('runs the same workload without a single cross-tenant row', async () => {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', workloadScript, JSON.stringify(tenants()), '50'], {
        env: { ...process.env, DATABASE_URL: bouncer.url, DATABASE_POOL_SIZE: '10' },
      });
      const result = JSON.parse(stdout) as { violations: string[]; rowsChecked: number };
      expect(result.violations).toEqual([]);
      expect(result.rowsChecked).toBeGreaterThan(100);
    });

    it('shows why: a plain SET search_path leaks to the next client, SET LOCAL does not', async () => {
      const [a] = tenants() as [CreatedTenant['tenant']];
      const first = new pg.Client({ connectionString: bouncer.url });
      const second = new pg.Client({ connectionString: bouncer.url });
      await first.connect();
      await second.connect();
      try {
        const searchPathOfNextClient = async () => {
          // With a pool of 2 server connections, ask often enough to land on the one `first` used.
          const seen = new Set<string>();
          for (let i = 0; i < 8; i++)
            seen.add((await second.query<{ search_path: string }>('SHOW search_path')).rows[0]!.search_path);
          return [...seen];
        };

        await first.query('BEGIN');
        await first.query(`SELECT set_config('search_path', $1, true)`, [a.schemaName]);
        await first.query('COMMIT');
        expect(await searchPathOfNextClient()).toEqual([NO_TENANT_SEARCH_PATH]);

        await first.query(`SET search_path TO "${a.schemaName}"`); // the mistake the design avoids
        expect(await searchPathOfNextClient()).toContain(a.schemaName);
      } finally {
        await first.query('RESET search_path').catch(() => undefined);
        await first.end();
        await second.end();
      }
    });
  });
});
