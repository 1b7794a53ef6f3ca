import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR } from '@himal/db';
import { xmllintComplaints } from './xmllint.ts';

/**
 * The official OpenTravel 2011B schemas and published samples, kept beside the repository
 * (`../shared/opentravel/2011B`, or OPENTRAVEL_DIR). Tests validate messages with xmllint
 * (Debian's libxml2-utils, installed by .ci/run).
 */
export const OPENTRAVEL_DIR = process.env.OPENTRAVEL_DIR ?? join(PROJECT_DIR, '..', 'shared', 'opentravel', '2011B');

export function openTravelAvailable(): boolean {
  return existsSync(join(OPENTRAVEL_DIR, 'OTA_AirLowFareSearchRQ.xsd'));
}

/** Published sample messages whose file name starts with `prefix` (e.g. 'OTA_AirLowFareSearchRS'). */
export function openTravelSamples(prefix: string): Array<{ name: string; xml: string }> {
  const dir = join(OPENTRAVEL_DIR, 'samples');
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && name.endsWith('.xml'))
    .sort()
    .map((name) => ({ name, xml: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * Validates one OTA message (the element inside the SOAP Body, not the envelope) against the
 * schema named by its root element. Resolves with xmllint's complaints; [] means valid.
 */
export async function validateOpenTravelMessage(xml: string): Promise<string[]> {
  const root = /<(?:[A-Za-z0-9_]+:)?(OTA_[A-Za-z0-9]+)[\s>]/.exec(xml)?.[1];
  if (!root) return ['no OTA_ root element'];
  const schema = join(OPENTRAVEL_DIR, `${root}.xsd`);
  if (!existsSync(schema)) return [`no schema ${root}.xsd`];
  return xmllintComplaints(xml, { path: schema }, root);
}
