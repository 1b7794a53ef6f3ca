import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS_DIR, type MigrationTarget } from '../migrations/load-migrations.ts';

/** A scratch copy of the committed migrations, to which a test adds its own. */
export function scratchMigrationsDir(): {
  dir: string;
  add: (target: MigrationTarget, name: string, sql: string) => void;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'himal-migrations-'));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return {
    dir,
    add: (target, name, sql) => {
      mkdirSync(join(dir, target, name), { recursive: true });
      writeFileSync(join(dir, target, name, 'migration.sql'), sql);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
