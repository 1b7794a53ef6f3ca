import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PROJECT_DIR } from '@himal/db/dev';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { openApiDocument } from '../../apps/web/lib/api/openapi.ts';

/**
 * The API's OpenAPI document as tools read it: linted with Redocly's recommended rules, and turned
 * into the TypeScript types of the typed client the end-to-end tests call the API with. Both start
 * from openApiDocument(), what GET /api/v1/openapi.json serves, so neither can drift from the API.
 */
export const API_TYPES_FILE = join(PROJECT_DIR, 'apps/web/e2e/generated/api-schema.d.ts');

const REDOCLY = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');

/** The TypeScript of the document's paths, operations and schemas (openapi-typescript). */
export async function generateApiTypes(): Promise<string> {
  const types = astToString(await openapiTS(openApiDocument() as unknown as OpenAPI3));
  return `// Generated from apps/web/lib/api/openapi.ts by \`npm run api:types\`; a test fails when it is out of date.\n${types}`;
}

/**
 * `redocly lint --extends recommended` on the document; `ok` when it has no errors (warnings are
 * printed, not fatal). It runs offline: no telemetry, no update check, and in a folder of its own
 * so that no configuration file is picked up from the project.
 */
export async function lintApiDocument(): Promise<{ ok: boolean; output: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'himal-openapi-'));
  try {
    writeFileSync(join(folder, 'openapi.json'), JSON.stringify(openApiDocument(), null, 2));
    return await new Promise((resolve) => {
      execFile(
        process.execPath,
        [REDOCLY, 'lint', '--extends', 'recommended', '--format', 'stylish', 'openapi.json'],
        {
          cwd: folder,
          env: {
            ...process.env,
            REDOCLY_TELEMETRY: 'off',
            REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
            REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
            NO_COLOR: '1',
          },
        },
        (error, stdout, stderr) => resolve({ ok: !error, output: `${stdout}${stderr}` }),
      );
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
