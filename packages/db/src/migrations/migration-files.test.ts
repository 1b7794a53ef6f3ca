import { describe, expect, it } from 'vitest';
import { databaseUrl } from '../config.ts';
import { cleanMigrationSql, currentDatamodel, pendingMigrationSql, snapshotOf } from './migration-files.ts';
import { loadMigrations, type MigrationTarget } from './load-migrations.ts';
import { diffDatamodels, type DatamodelFile } from './schema-engine.ts';

const diff = (from: DatamodelFile[] | 'empty', to: DatamodelFile[]) => diffDatamodels(databaseUrl(), from, to);

describe.each(['control', 'tenant'] satisfies MigrationTarget[])('committed %s migrations', (target) => {
  it('cover the Prisma schema: nothing is pending (run `npm run db:migrations -- --name <change>` if this fails)', async () => {
    expect(await pendingMigrationSql(target, diff)).toBe('');
  });

  it('are exactly what the engine generates from one snapshot to the next', async () => {
    const migrations = loadMigrations(target);
    expect(migrations.length).toBeGreaterThan(0);
    let previous: DatamodelFile[] | 'empty' = 'empty';
    for (const migration of migrations) {
      const snapshot = snapshotOf(target, migration.name);
      expect(migration.generatedSql, migration.name).toBe(cleanMigrationSql(await diff(previous, snapshot)));
      previous = snapshot;
    }
    expect(snapshotOf(target, migrations.at(-1)!.name)).toEqual(currentDatamodel(target));
  });
});
