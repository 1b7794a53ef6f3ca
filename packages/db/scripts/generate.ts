/**
 * Generates the control-plane Prisma client and the tenant schema's Kysely types without network access.
 * `prisma generate` never runs the schema engine, but the CLI insists on finding one;
 * PRISMA_SCHEMA_ENGINE_BINARY points it at a stub that refuses to do anything.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const prismaCli = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');

const stubDir = join(tmpdir(), 'himal-prisma-stub');
mkdirSync(stubDir, { recursive: true });
const stub = join(stubDir, 'schema-engine');
writeFileSync(stub, '#!/bin/sh\necho "schema engine is not available offline; use packages/db/scripts" >&2\nexit 1\n');
chmodSync(stub, 0o755);

for (const schema of ['control', 'tenant']) {
  execFileSync(process.execPath, [prismaCli, 'generate', '--schema', join('prisma', `${schema}.prisma`)], {
    cwd: packageDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: stub,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
      PRISMA_GENERATE_NO_HINTS: '1',
    },
  });
}
