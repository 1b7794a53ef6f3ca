import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `control` is applied to schema `public`; `tenant` to every tenant schema. */
export type MigrationTarget = 'control' | 'tenant';

export interface Migration {
  /** Folder name, e.g. `20261126000000_init`; ordering is by name. */
  name: string;
  sql: string;
  /** sha256 of the SQL as committed; an applied migration whose file changes is refused. */
  checksum: string;
}

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

export function loadMigrations(target: MigrationTarget, dir: string = MIGRATIONS_DIR): Migration[] {
  const base = join(dir, target);
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(base, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    });
}
