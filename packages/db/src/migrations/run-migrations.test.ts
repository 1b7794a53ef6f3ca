import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPool } from '../pool.ts';
import type { CreatedTenant } from '../provisioning/create-tenant.ts';
import { createTestTenant, deleteTestTenants } from '../testing/index.ts';
import { scratchMigrationsDir } from '../testing/migrations-dir.ts';
import { runMigrations } from './run-migrations.ts';

const childScript = fileURLToPath(new URL('../testing/migrate-child.ts', import.meta.url));
const SLOW = '29990101000000_add_nickname';
const NEXT = '29990102000000_add_locale';

async function schemasWith(migration: string, schemaNames: string[]): Promise<string[]> {
  const { rows } = await sharedPool().query<{ schema_name: string }>(
    'SELECT schema_name FROM public.himal_migrations WHERE migration = $1 AND schema_name = ANY($2) ORDER BY 1',
    [migration, schemaNames],
  );
  return rows.map((r) => r.schema_name);
}

async function schemasWithColumn(column: string, schemaNames: string[]): Promise<string[]> {
  const { rows } = await sharedPool().query<{ table_schema: string }>(
    `SELECT table_schema FROM information_schema.columns
      WHERE table_name = 'users' AND column_name = $1 AND table_schema = ANY($2) ORDER BY 1`,
    [column, schemaNames],
  );
  return rows.map((r) => r.table_schema);
}

describe('migration runner', () => {
  const created: CreatedTenant[] = [];
  const scratch = scratchMigrationsDir();
  const schemas = () => created.map((c) => c.tenant.schemaName);

  beforeAll(async () => {
    for (let i = 0; i < 24; i++) created.push(await createTestTenant());
    // Slow on purpose, so the run can be killed in the middle.
    scratch.add('tenant', SLOW, 'SELECT pg_sleep(0.15);\nALTER TABLE users ADD COLUMN nickname text;\n');
  });
  afterAll(async () => {
    await deleteTestTenants(created);
    scratch.remove();
  });

  it('resumes after being killed mid-run, leaving every tenant either migrated or untouched', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, scratch.dir, JSON.stringify(schemas())], {
      env: process.env,
      stdio: 'ignore',
    });
    await expect
      .poll(async () => (await schemasWith(SLOW, schemas())).length, { timeout: 20_000, interval: 50 })
      .toBeGreaterThanOrEqual(4);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const migratedBeforeKill = await schemasWith(SLOW, schemas());
    expect(migratedBeforeKill.length).toBeLessThan(created.length);
    // Each tenant transaction is all or nothing: the column exists exactly where the ledger says so.
    expect(await schemasWithColumn('nickname', schemas())).toEqual(migratedBeforeKill);

    const result = await runMigrations({ migrationsDir: scratch.dir, schemaNames: schemas() });
    expect(result.failures).toEqual([]);
    expect(result.tenantsMigrated).toBe(created.length - migratedBeforeKill.length);
    expect(await schemasWith(SLOW, schemas())).toHaveLength(created.length);
    expect(await schemasWithColumn('nickname', schemas())).toHaveLength(created.length);

    const again = await runMigrations({ migrationsDir: scratch.dir, schemaNames: schemas() });
    expect(again).toMatchObject({ tenantsMigrated: 0, migrationsApplied: 0, tenantsUpToDate: created.length });
  });

  it('refuses to run when an applied migration was edited, before changing anything', async () => {
    scratch.add('tenant', NEXT, 'ALTER TABLE users ADD COLUMN locale text;\n');
    writeFileSync(join(scratch.dir, 'tenant', SLOW, 'migration.sql'), 'ALTER TABLE users ADD COLUMN nickname varchar(40);\n');

    await expect(runMigrations({ migrationsDir: scratch.dir, schemaNames: schemas() })).rejects.toMatchObject({
      code: 'MIGRATION_CHECKSUM_MISMATCH',
    });
    expect(await schemasWith(NEXT, schemas())).toEqual([]);
    expect(await schemasWithColumn('locale', schemas())).toEqual([]);
  });

  it('applies nothing to a tenant whose migration fails and reports it, while the others go on', async () => {
    const fresh = scratchMigrationsDir();
    try {
      const [victim, ...others] = created.slice(0, 4).map((c) => c.tenant.schemaName) as [string, ...string[]];
      // The SQL fails in exactly one schema: it needs a table only that one has.
      await sharedPool().query(`CREATE TABLE "${victim}".blocker (id int)`);
      fresh.add('tenant', SLOW, 'SELECT pg_sleep(0.15);\nALTER TABLE users ADD COLUMN nickname text;\n');
      fresh.add(
        'tenant',
        NEXT,
        `DO $$ BEGIN IF to_regclass('blocker') IS NOT NULL THEN RAISE EXCEPTION 'blocked'; END IF; END $$;\nALTER TABLE users ADD COLUMN locale text;\n`,
      );

      const result = await runMigrations({ migrationsDir: fresh.dir, schemaNames: [victim, ...others] });
      expect(result.failures).toHaveLength(1);
      expect(result.failures[0]).toMatchObject({ schemaName: victim });
      expect(result.failures[0]!.error).toMatch(/blocked/);
      expect(await schemasWith(NEXT, [victim, ...others])).toEqual([...others].sort());
      expect(await schemasWithColumn('locale', [victim])).toEqual([]);
    } finally {
      fresh.remove();
    }
  });
});
