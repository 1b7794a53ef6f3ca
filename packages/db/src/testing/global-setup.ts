import { runMigrations } from '../migrations/run-migrations.ts';
import { closeSharedPool } from '../pool.ts';
import { ensureTestDatabase } from './test-database.ts';

/** Vitest global setup: a migrated throwaway database (made here when scripts/test.ts did not). */
export default async function setup(): Promise<() => Promise<void>> {
  const cleanup = await ensureTestDatabase();
  await runMigrations();
  await closeSharedPool();
  return cleanup;
}
