import { closeSharedPool, disconnectControlDb, runMigrations, stopDirectoryListener } from '@himal/db';
import { seedFxRates } from '@himal/gds';
import { seedSimulatorAccounts, startSimulators } from '@himal/simulators';
import { seedDemoData } from '../scripts/lib/seed-demo.ts';

/**
 * Brings the database in DATABASE_URL (a throwaway one: the caller creates and drops it) up to date
 * and adds the demo agencies and platform operator the tests sign in as; starts the supplier
 * simulators on their fixed ports and points the platform's supplier accounts and FX table at them.
 * The returned function stops the simulators after the run.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL must point at a throwaway database for the browser tests');
  const migrated = await runMigrations();
  if (migrated.failures.length) throw new Error(`migrations failed: ${migrated.failures.map((f) => f.schemaName).join(', ')}`);
  await seedDemoData();
  const simulators = await startSimulators();
  await seedSimulatorAccounts(simulators);
  await seedFxRates();
  await stopDirectoryListener();
  await disconnectControlDb();
  await closeSharedPool();
  return () => simulators.stop();
}
