import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes, lintApiDocument } from './lib/api-document.ts';

/** The OpenAPI document passes Redocly's recommended rules, and the typed client's types are the document's. */
describe('the API document', () => {
  it('has no errors under redocly lint --extends recommended', async () => {
    const { ok, output } = await lintApiDocument();
    expect(ok, output).toBe(true);
  });

  it('is what the committed client types were generated from (npm run api:types rewrites them)', async () => {
    expect(await generateApiTypes(), 'run npm run api:types').toBe(readFileSync(API_TYPES_FILE, 'utf8'));
  });
});
