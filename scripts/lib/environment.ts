import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR } from '@himal/db/dev';

/**
 * The session secret of a local installation: NEXTAUTH_SECRET when set, else one generated once
 * and kept in .data/ so sessions survive restarts. Never printed.
 */
export function localSessionSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const dir = join(PROJECT_DIR, '.data');
  const file = join(dir, 'session-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * The key supplier credentials are sealed with in a local installation: SUPPLIER_CREDENTIALS_KEY
 * when set, else 32 random bytes generated once and kept in .data/. The apps run as production
 * builds, which refuse to run without a key. Never printed.
 */
export function localSupplierCredentialsKey(): string {
  if (process.env.SUPPLIER_CREDENTIALS_KEY) return process.env.SUPPLIER_CREDENTIALS_KEY;
  const dir = join(PROJECT_DIR, '.data');
  const file = join(dir, 'supplier-credentials-key');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** Environment shared by both apps wherever they run (npm start, tests, benchmarks). */
export function appEnvironment(databaseUrl: string, secret: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    ROOT_DOMAIN: process.env.ROOT_DOMAIN ?? 'localhost',
    NEXTAUTH_SECRET: secret,
    SUPPLIER_CREDENTIALS_KEY: localSupplierCredentialsKey(),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
  };
}
