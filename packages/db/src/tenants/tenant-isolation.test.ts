import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseUrl } from '../config.ts';
import type { CreatedTenant } from '../provisioning/create-tenant.ts';
import { createTestTenant, deleteTestTenants } from '../testing/index.ts';
import { runIsolationWorkload } from '../testing/isolation-workload.ts';
import { startPgBouncer, type PgBouncer } from '../testing/pgbouncer.ts';
import { tenantDb, withTenant } from './tenant-clients.ts';

const run = promisify(execFile);
const workloadScript = fileURLToPath(new URL('../testing/isolation-workload.ts', import.meta.url));

describe('tenant isolation', () => {
  const created: CreatedTenant[] = [];
  const tenants = () => created.map((c) => c.tenant);

  beforeAll(async () => {
    for (let i = 0; i < 20; i++) created.push(await createTestTenant());
  });
  afterAll(() => deleteTestTenants(created));

  it("never shows rows written through tenant A's client through tenant B's", async () => {
    const [a, b] = tenants() as [CreatedTenant['tenant'], CreatedTenant['tenant']];
    await tenantDb(a).user.create({ data: { email: `only-a@${a.slug}.test`, name: 'A', passwordHash: 'x' } });
    await withTenant(b, (tx) => tx.user.create({ data: { email: `only-b@${b.slug}.test`, name: 'B', passwordHash: 'x' } }));

    const seenByA = (await tenantDb(a).user.findMany()).map((u) => u.email);
    const seenByB = (await withTenant(b, (tx) => tx.$queryRaw<Array<{ email: string }>>`SELECT email FROM users`)).map(
      (u) => u.email,
    );
    expect(seenByA).toContain(`only-a@${a.slug}.test`);
    expect(seenByA).not.toContain(`only-b@${b.slug}.test`);
    expect(seenByB).toContain(`only-b@${b.slug}.test`);
    expect(seenByB).not.toContain(`only-a@${a.slug}.test`);
    expect(await tenantDb(b).user.findUnique({ where: { email: `only-a@${a.slug}.test` } })).toBeNull();
  });

  it('keeps 50 concurrent interleaved requests across 20 tenants each to its own data', async () => {
    const result = await runIsolationWorkload(tenants(), 50);
    expect(result.violations).toEqual([]);
    expect(result.rowsChecked).toBeGreaterThan(100);
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
        expect(await searchPathOfNextClient()).not.toContain(a.schemaName);

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
