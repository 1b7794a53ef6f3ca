/**
 * Writes the next migration for the control and tenant schemas from the Prisma schemas:
 *   npm run db:migrations -- --name add_bookings
 * Each migration folder holds the SQL and a snapshot of the Prisma schema it leads to; the next
 * migration is the diff from that snapshot. Needs a reachable PostgreSQL (the engine connects,
 * but changes nothing).
 */
import { parseArgs } from 'node:util';
import { diffDatamodels } from '../src/migrations/schema-engine.ts';
import { pendingMigrationSql, writeMigration, type MigrationTarget } from '../src/migrations/migration-files.ts';
import { databaseUrl } from '../src/config.ts';

const { values } = parseArgs({ options: { name: { type: 'string' } } });
const name = values.name ?? 'migration';
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('--name is lowercase letters, digits and underscores');
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
for (const target of ['control', 'tenant'] satisfies MigrationTarget[]) {
  const sql = await pendingMigrationSql(target, (from, to) => diffDatamodels(databaseUrl(), from, to));
  if (!sql) {
    console.log(`${target}: no changes`);
    continue;
  }
  const dir = writeMigration(target, `${stamp}_${name}`, sql);
  console.log(`${target}: wrote ${dir}`);
}
