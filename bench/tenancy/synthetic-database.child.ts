/**
 * Child process: fills the database at DATABASE_URL with BENCH_SYNTHETIC_COUNT tenant schemas
 * (t_<16 hex>, as real ones are named) of each model count in BENCH_SYNTHETIC_MODELS, each with one
 * row in the table the memory measurement reads, and lists them in public.bench_synthetic_schemas.
 * They are not in the directory (public.tenants): only the data layer reads them, given the schema.
 */
import { randomBytes } from 'node:crypto';
import { closeSharedPool, disconnectControlDb, runMigrations, sharedPool } from '@himal/db';
import { reportToParent } from '../lib/child-process.ts';
import { mapConcurrent, timed } from '../lib/stats.ts';
import { syntheticDdl, syntheticRowSql, syntheticSchema } from './synthetic-schema.ts';

const modelCounts = process.env.BENCH_SYNTHETIC_MODELS!.split(',').map(Number);
const count = Number(process.env.BENCH_SYNTHETIC_COUNT);
const concurrency = Number(process.env.BENCH_SYNTHETIC_CONCURRENCY ?? 3);

await runMigrations();
const pool = sharedPool();
await pool.query('CREATE TABLE public.bench_synthetic_schemas (schema_name text PRIMARY KEY, models integer NOT NULL)');
const created: Record<string, { schemas: number; ms: number; databaseBytes: number }> = {};
for (const models of modelCounts) {
  const schema = syntheticSchema(models);
  const ddl = syntheticDdl(schema);
  const row = syntheticRowSql(schema.models[0]!, `${schema.models[0]!.table}_1`);
  const names = Array.from({ length: count }, () => `t_${randomBytes(8).toString('hex')}`);
  let done = 0;
  const { ms } = await timed(() =>
    // One schema per transaction: a 50-model schema takes a few hundred locks (tables, indexes, TOAST).
    mapConcurrent(names, concurrency, async (name) => {
      await pool.query(
        `BEGIN;
         CREATE SCHEMA "${name}";
         SELECT set_config('search_path', '${name}', true);
         ${ddl}
         ${row};
         INSERT INTO public.bench_synthetic_schemas (schema_name, models) VALUES ('${name}', ${models});
         COMMIT`,
      );
      if (++done % 250 === 0 && done < count) console.log(`${models} models: ${done}/${count} schemas`);
    }),
  );
  const { rows } = await pool.query<{ bytes: string }>('SELECT pg_database_size(current_database()) AS bytes');
  created[String(models)] = { schemas: count, ms, databaseBytes: Number(rows[0]!.bytes) };
  console.log(`${models} models: ${count} schemas in ${(ms / 1000).toFixed(1)} s`);
}
reportToParent({ created });
await disconnectControlDb();
await closeSharedPool();
