import { closeSharedPool, disconnectControlDb, runMigrations, seedDemoData, stopDirectoryListener } from '@himal/db';

/**
 * Brings the database in DATABASE_URL (a throwaway one: the caller creates and drops it) up to date
 * and adds the demo agencies and platform operator the tests sign in as.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must point at a throwaway database for the browser tests');
  const migrated = await runMigrations();
  if (migrated.failures.length) throw new Error(`migrations failed: ${migrated.failures.map((f) => f.schemaName).join(', ')}`);
  await seedDemoData();
  await stopDirectoryListener();
  await disconnectControlDb();
  await closeSharedPool();
}
