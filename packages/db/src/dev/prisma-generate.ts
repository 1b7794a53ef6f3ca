/**
 * Runs `prisma generate` offline for one schema file: `prisma generate` never runs the schema
 * engine, but the CLI insists on finding one, so PRISMA_SCHEMA_ENGINE_BINARY points it at a stub
 * that refuses to do anything. Used by `npm run db:generate` and by the benchmarks.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function prismaGenerate(schemaFile: string, options: { quiet?: boolean } = {}): void {
  const prismaCli = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
  const stubDir = join(tmpdir(), 'himal-prisma-stub');
  mkdirSync(stubDir, { recursive: true });
  const stub = join(stubDir, 'schema-engine');
  writeFileSync(stub, '#!/bin/sh\necho "schema engine is not available offline; use packages/db/scripts" >&2\nexit 1\n');
  chmodSync(stub, 0o755);
  execFileSync(process.execPath, [prismaCli, 'generate', '--schema', schemaFile], {
    cwd: dirname(schemaFile),
    stdio: ['ignore', options.quiet ? 'pipe' : 'inherit', options.quiet ? 'pipe' : 'inherit'],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: stub,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
      PRISMA_GENERATE_NO_HINTS: '1',
    },
  });
}
