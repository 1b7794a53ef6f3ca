import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { OPENTRAVEL_DIR, openTravelAvailable } from '@himal/gds/testing';

/**
 * What `npm test` needs beyond npm packages, checked before anything runs. A missing Debian package
 * is installed when this process may (root, apt-get), in one announced step; otherwise the run stops
 * at once with the one command that fixes it. The OpenTravel schemas live outside the repository:
 * without them the tests about them are skipped (and say so), except under CI, where that fails.
 */
interface SystemTool {
  command: string;
  /** Where Debian puts it when it is not on PATH (pgbouncer lives in /usr/sbin). */
  alsoAt?: string;
  debianPackage: string;
  neededFor: 'unit' | 'e2e';
}

const TOOLS: SystemTool[] = [
  { command: 'pgbouncer', alsoAt: '/usr/sbin/pgbouncer', debianPackage: 'pgbouncer', neededFor: 'unit' },
  { command: 'xmllint', debianPackage: 'libxml2-utils', neededFor: 'unit' },
  { command: 'chromium', alsoAt: '/usr/bin/chromium', debianPackage: 'chromium', neededFor: 'e2e' },
];

function onPath(command: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

function installed(tool: SystemTool): boolean {
  if (onPath(tool.command)) return true;
  if (!tool.alsoAt) return false;
  try {
    accessSync(tool.alsoAt, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function aptGet(args: string[]): boolean {
  const result = spawnSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status === 0;
}

/** Returns the lines that stop the run (empty when everything is there). */
export function ensureTestPrerequisites(only: 'unit' | 'e2e' | 'all'): string[] {
  const missing = TOOLS.filter((tool) => (only === 'all' || tool.neededFor === only) && !installed(tool));
  const problems: string[] = [];
  if (missing.length) {
    const packages = missing.map((tool) => tool.debianPackage);
    const canInstall = process.getuid?.() === 0 && onPath('apt-get');
    if (canInstall) {
      console.log(`installing ${packages.join(', ')} (Debian packages the tests use)`);
      const ok = aptGet(['update', '-qq']) && aptGet(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
      // Debian starts a pgbouncer service on install; the tests start their own.
      if (packages.includes('pgbouncer')) spawnSync('pkill', ['-x', 'pgbouncer']);
      if (!ok || missing.some((tool) => !installed(tool)))
        problems.push(`could not install ${packages.join(', ')}; run: apt-get install -y ${packages.join(' ')}`);
    } else {
      problems.push(`npm test needs ${packages.join(', ')}; install them with: sudo apt-get install -y ${packages.join(' ')}`);
    }
  }
  if (only !== 'e2e' && !openTravelAvailable()) {
    const where = `the OpenTravel 2011B schemas and samples are not at ${OPENTRAVEL_DIR} (put them there, or set OPENTRAVEL_DIR)`;
    if (process.env.CI === 'true') problems.push(`${where}; CI runs every schema test`);
    else console.log(`${where}: the tests that need them are skipped`);
  }
  return problems;
}
