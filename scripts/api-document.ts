/**
 * npm run api:types   rewrites apps/web/e2e/generated/api-schema.d.ts from the OpenAPI document
 * npm run api:lint    lints the document with Redocly's recommended rules (fails on errors)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { PROJECT_DIR } from '@himal/db/dev';
import { API_TYPES_FILE, generateApiTypes, lintApiDocument } from './lib/api-document.ts';

const command = process.argv[2];
if (command === 'types') {
  mkdirSync(dirname(API_TYPES_FILE), { recursive: true });
  writeFileSync(API_TYPES_FILE, await generateApiTypes());
  console.log(`wrote ${relative(PROJECT_DIR, API_TYPES_FILE)}`);
} else if (command === 'lint') {
  const { ok, output } = await lintApiDocument();
  console.log(output.trim());
  process.exitCode = ok ? 0 : 1;
} else {
  console.error('usage: tsx scripts/api-document.ts types|lint');
  process.exitCode = 1;
}
