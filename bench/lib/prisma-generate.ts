/**
 * Runs `prisma generate` offline for a schema file the bench wrote (the recipe of
 * packages/db/scripts/generate.ts): `prisma generate` never runs the schema engine, but the CLI
 * insists on finding one, so PRISMA_SCHEMA_ENGINE_BINARY points it at a stub that refuses to work.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function prismaGenerate(schemaFile: string): void {
  const prismaCli = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
  const stubDir = join(tmpdir(), 'himal-bench-prisma-stub');
  mkdirSync(stubDir, { recursive: true });
  const stub = join(stubDir, 'schema-engine');
  writeFileSync(stub, '#!/bin/sh\necho "schema engine is not available offline" >&2\nexit 1\n');
  chmodSync(stub, 0o755);
  execFileSync(process.execPath, [prismaCli, 'generate', '--schema', schemaFile], {
    cwd: dirname(schemaFile),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: stub,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
      PRISMA_GENERATE_NO_HINTS: '1',
    },
  });
}
