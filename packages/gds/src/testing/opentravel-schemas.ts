import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_DIR } from '@himal/db/dev';

/**
 * The official OpenTravel 2011B schemas and published samples, kept beside the repository
 * (`../shared/opentravel/2011B`, or OPENTRAVEL_DIR), not in it.
 */
export const OPENTRAVEL_DIR = process.env.OPENTRAVEL_DIR ?? join(PROJECT_DIR, '..', 'shared', 'opentravel', '2011B');

export function openTravelAvailable(): boolean {
  return existsSync(join(OPENTRAVEL_DIR, 'OTA_AirLowFareSearchRQ.xsd'));
}
