import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabaseExists, findDatabaseServer, PROJECT_DIR, withDatabase } from '@himal/db/dev';

export interface BenchDatabase {
  name: string;
  /** URL of the throwaway database; also set as DATABASE_URL for this process and its children. */
  url: string;
  adminUrl: string;
  drop: () => Promise<void>;
}

/**
 * A throwaway database `himal_bench_<random>` on the server `npm start` would use (DATABASE_URL's
 * server, else localhost:5432, else the embedded one). A benchmark never touches a developer's data.
 * Must run before anything opens @himal/db's shared pool, which reads DATABASE_URL once.
 */
export async function createBenchDatabase(
  log: (line: string) => void = console.log,
  options: { /** Point this process's DATABASE_URL at it (the default). */ setEnv?: boolean } = {},
): Promise<BenchDatabase> {
  const server = await findDatabaseServer(PROJECT_DIR, log);
  const name = `himal_bench_${randomBytes(4).toString('hex')}`;
  const url = await ensureDatabaseExists(server.adminUrl, name);
  if (options.setEnv !== false) {
    process.env.DATABASE_URL = url;
    delete process.env.DIRECT_DATABASE_URL;
  }
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await dropDatabase(server.adminUrl, name);
    // An embedded server started for the bench stops with the bench's own database only.
    if (options.setEnv !== false) await server.stop();
  };
  log(`bench database ${name} on ${redact(withDatabase(server.adminUrl, name))} (${server.source})`);
  return { name, url, adminUrl: server.adminUrl, drop };
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
