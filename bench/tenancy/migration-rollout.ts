import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations, sharedPool, type RunMigrationsResult } from '@himal/db';
import { PROJECT_DIR } from '@himal/db/dev';
import { mapConcurrent, timed } from '../lib/stats.ts';

export interface RolloutRun {
  label: string;
  concurrency: number;
  schemas: number;
  ms: number;
  /** Wall time divided by schemas: what one more tenant adds to a rollout. */
  perTenantMs: number;
  failures: number;
  result?: Omit<RunMigrationsResult, 'failures'>;
}

export interface RolloutResult {
  tenantSchemas: number;
  runs: RolloutRun[];
}

const MIGRATIONS_DIR = join(PROJECT_DIR, 'packages', 'db', 'migrations');

/** A column and an index on `users`: the shape of a typical small feature migration. */
const addIndexedColumnSql = (column: string) =>
  `ALTER TABLE "users" ADD COLUMN "${column}" TEXT;\nCREATE INDEX "users_${column}_idx" ON "users"("${column}");\n`;

/**
 * Rolls one new migration (a column and an index on `users`) out to every tenant schema with the
 * project's runner, at concurrency 4 and then 8 (each run a migration of its own), from a temporary
 * copy of packages/db/migrations. Reference: the same kind of DDL sent raw, schema by schema, with
 * no advisory lock, ledger or checksum work, at concurrency 4.
 */
export async function measureMigrationRollout(concurrencies: number[] = [4, 8]): Promise<RolloutResult> {
  const pool = sharedPool();
  const { rows } = await pool.query<{ schema_name: string }>('SELECT schema_name FROM public.tenants ORDER BY schema_name');
  const schemas = rows.map((row) => row.schema_name);
  const runs: RolloutRun[] = [];

  const reference = await timed(() =>
    mapConcurrent(schemas, 4, async (schema) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`SELECT set_config('search_path', $1, true)`, [schema]);
        await client.query(addIndexedColumnSql('bench_reference'));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    }),
  );
  runs.push({
    label: 'reference: raw DDL, no runner',
    concurrency: 4,
    schemas: schemas.length,
    ms: reference.ms,
    perTenantMs: reference.ms / schemas.length,
    failures: 0,
  });

  const dir = mkdtempSync(join(tmpdir(), 'himal-bench-migrations-'));
  try {
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
    for (const [index, concurrency] of concurrencies.entries()) {
      // Named to sort after every real migration (yyyymmddhhmmss_...) and after the previous run's.
      const name = `9999010100000${index}_bench_note_c${concurrency}`;
      mkdirSync(join(dir, 'tenant', name));
      writeFileSync(join(dir, 'tenant', name, 'migration.sql'), addIndexedColumnSql(`bench_note_c${concurrency}`));
      const run = await timed(() => runMigrations({ concurrency, migrationsDir: dir }));
      const { failures, ...result } = run.value;
      runs.push({
        label: `runMigrations, concurrency ${concurrency}`,
        concurrency,
        schemas: schemas.length,
        ms: run.ms,
        perTenantMs: run.ms / schemas.length,
        failures: failures.length,
        result,
      });
      if (failures.length > 0)
        console.warn(`  ${failures.length} schemas failed, first: ${failures[0]!.schemaName}: ${failures[0]!.error}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { tenantSchemas: schemas.length, runs };
}
