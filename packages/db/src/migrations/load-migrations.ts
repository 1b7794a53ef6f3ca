import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `control` is applied to schema `public`; `tenant` to every tenant schema. */
export type MigrationTarget = 'control' | 'tenant';

export interface Migration {
  /** Folder name, e.g. `20261126000000_init`; ordering is by name. */
  name: string;
  /** What is run: the generated SQL, then the folder's hand-written CONSTRAINTS_FILE if any. */
  sql: string;
  /** The SQL the schema engine generated (migration.sql), which the migration tests regenerate. */
  generatedSql: string;
  /** sha256 of the SQL as committed; an applied migration whose file changes is refused. */
  checksum: string;
}

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

/**
 * SQL a Prisma schema cannot express (CHECK constraints), written by hand beside a migration's
 * generated SQL and run after it in the same transaction.
 */
export const CONSTRAINTS_FILE = 'constraints.sql';

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
      const generatedSql = readFileSync(join(base, name, 'migration.sql'), 'utf8');
      const constraints = join(base, name, CONSTRAINTS_FILE);
      const sql = existsSync(constraints) ? `${generatedSql}\n${readFileSync(constraints, 'utf8')}` : generatedSql;
      return { name, sql, generatedSql, checksum: checksumOf(sql) };
    });
}
