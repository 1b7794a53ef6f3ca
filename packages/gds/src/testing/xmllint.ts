import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Validates one XML message with xmllint (Debian's libxml2-utils, installed by .ci/run) against a
 * schema file, or against schema text written to a scratch file. Resolves with xmllint's
 * complaints, the message's file name replaced by `name`; [] means valid.
 */
export async function xmllintComplaints(
  xml: string,
  schema: { path: string } | { text: string },
  name = 'message',
): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'himal-xmllint-'));
  const messageFile = join(dir, `${name}.xml`);
  writeFileSync(messageFile, xml);
  let schemaFile: string;
  if ('path' in schema) schemaFile = schema.path;
  else {
    schemaFile = join(dir, 'schema.xsd');
    writeFileSync(schemaFile, schema.text);
  }
  try {
    await promisify(execFile)('xmllint', ['--noout', '--nonet', '--schema', schemaFile, messageFile]);
    return [];
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message);
    return stderr
      .split('\n')
      .filter((line) => line.trim() && !line.endsWith('validates') && !line.includes('fails to validate'))
      .map((line) => line.replace(messageFile, name));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
