// Runs the migration runner in a process of its own, so a test can kill it mid-run.
import { runMigrations } from '../migrations/run-migrations.ts';

const [migrationsDir, schemaNames] = process.argv.slice(2);
await runMigrations({ migrationsDir, schemaNames: JSON.parse(schemaNames!) as string[], concurrency: 2 });
process.exit(0);
