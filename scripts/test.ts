/**
 * npm test: every test of the workspace against a real PostgreSQL (found as npm start finds it),
 * in a throwaway database made for this run and dropped after it.
 *   npm test            static checks, unit and integration tests (Vitest), browser tests (Playwright)
 *   npm test -- --unit  Vitest only;   npm test -- --e2e  Playwright only
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabaseExists, findDatabaseServer, PROJECT_DIR } from '@himal/db/dev';
import { buildApps } from './lib/build-apps.ts';
import { appEnvironment } from './lib/environment.ts';
import { ensureTestPrerequisites } from './lib/prerequisites.ts';
import { npm, npx, run } from './lib/processes.ts';

const only = process.argv.includes('--unit') ? 'unit' : process.argv.includes('--e2e') ? 'e2e' : 'all';
const reports = mkdtempSync(join(tmpdir(), 'himal-test-'));
const tally = { passed: 0, failed: 0, skipped: 0 };
const failedSteps: string[] = [];

async function step(name: string, command: string[], env: NodeJS.ProcessEnv, count?: (file: string) => void, file?: string) {
  console.log(`\n=== ${name} ===`);
  const code = await run(command[0]!, command.slice(1), { cwd: PROJECT_DIR, env });
  if (count && file) {
    try {
      count(file);
    } catch {
      // no report: the runner died before writing one; its exit code says so
    }
  }
  if (code !== 0) failedSteps.push(`${name} (exit ${code})`);
}

function countVitest(file: string) {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  tally.skipped += report.numPendingTests + report.numTodoTests;
}

function countPlaywright(file: string) {
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  tally.passed += report.stats.expected + report.stats.flaky;
  tally.failed += report.stats.unexpected;
  tally.skipped += report.stats.skipped;
}

const startedAt = performance.now();
const stoppers = ensureTestPrerequisites(only);
if (stoppers.length) {
  for (const line of stoppers) console.error(line);
  process.exit(1);
}

const server = await findDatabaseServer(PROJECT_DIR);
const database = `himal_test_${randomBytes(4).toString('hex')}`;
const databaseUrl = await ensureDatabaseExists(server.adminUrl, database);
console.log(`test database: ${database} on ${server.source}`);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  HIMAL_TEST_DATABASE: '1',
  NEXT_TELEMETRY_DISABLED: '1',
};

try {
  if (only === 'all') {
    await step('typecheck', [npm, 'run', 'typecheck'], env);
    await step('lint', [npx, 'eslint', '.'], env);
  }
  if (only !== 'e2e') {
    const file = join(reports, 'vitest.json');
    await step(
      'unit and integration tests',
      [npx, 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
      env,
      countVitest,
      file,
    );
  }
  if (only !== 'unit') {
    console.log('\n=== building the apps ===');
    await buildApps();
    const file = join(reports, 'playwright.json');
    const e2eEnv = {
      ...appEnvironment(databaseUrl, randomBytes(32).toString('base64url')),
      HIMAL_TEST_DATABASE: '1',
      WEB_PORT: process.env.E2E_WEB_PORT ?? '3200',
      ADMIN_PORT: process.env.E2E_ADMIN_PORT ?? '3201',
      PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    };
    await step('browser tests', [npx, 'playwright', 'test', '--reporter=list,json'], e2eEnv, countPlaywright, file);
  }
} finally {
  await dropDatabase(server.adminUrl, database).catch((error: Error) =>
    console.error(`could not drop ${database}: ${error.message}`),
  );
  await server.stop().catch(() => undefined);
  rmSync(reports, { recursive: true, force: true });
}

if (failedSteps.length) console.error(`\nfailed: ${failedSteps.join(', ')}`);
const took = Math.round((performance.now() - startedAt) / 1000);
console.log(`\nnpm test took ${Math.floor(took / 60)}m${String(took % 60).padStart(2, '0')}s`);
console.log(`\n${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`);
process.exit(failedSteps.length || tally.failed ? 1 : 0);
