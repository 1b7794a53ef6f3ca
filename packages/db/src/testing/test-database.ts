import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabaseExists, findDatabaseServer, PROJECT_DIR } from '../dev/ensure-database.ts';

/**
 * Points DATABASE_URL at a throwaway database for this test run, unless the runner already did
 * (HIMAL_TEST_DATABASE=1). Returns the cleanup that drops it.
 */
export async function ensureTestDatabase(): Promise<() => Promise<void>> {
  if (process.env.HIMAL_TEST_DATABASE === '1' && process.env.DATABASE_URL) return async () => {};
  const server = await findDatabaseServer(PROJECT_DIR);
  const name = `himal_test_${randomBytes(4).toString('hex')}`;
  process.env.DATABASE_URL = await ensureDatabaseExists(server.adminUrl, name);
  process.env.HIMAL_TEST_DATABASE = '1';
  return async () => {
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  };
}
