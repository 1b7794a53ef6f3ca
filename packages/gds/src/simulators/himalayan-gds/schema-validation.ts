import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { himalayanGdsSchema } from './wsdl.ts';

/**
 * Tests' proof that both sides speak the published dialect: validates one message (the element
 * inside the SOAP Body, or the Session header) against the WSDL's schema with xmllint.
 * Resolves with xmllint's complaints; [] means valid.
 */
export async function validateHimalayanGdsMessage(xml: string): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'himal-hgds-'));
  const schema = join(dir, 'himalayan-gds.xsd');
  const message = join(dir, 'message.xml');
  writeFileSync(schema, himalayanGdsSchema());
  writeFileSync(message, xml);
  try {
    await promisify(execFile)('xmllint', ['--noout', '--nonet', '--schema', schema, message]);
    return [];
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message);
    return stderr
      .split('\n')
      .filter((line) => line.trim() && !line.endsWith('validates') && !line.includes('fails to validate'))
      .map((line) => line.replace(message, 'message'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first element inside a SOAP Body, as sent (with its namespace declaration). */
export function soapBodyContent(envelope: string): string {
  const match = /<(?:[A-Za-z]+:)?Body[^>]*>([\s\S]*)<\/(?:[A-Za-z]+:)?Body>/.exec(envelope);
  if (!match) throw new Error('no SOAP Body');
  return match[1]!;
}
