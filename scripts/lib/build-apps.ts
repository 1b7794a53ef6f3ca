import { PROJECT_DIR } from '@himal/db/dev';
import { npx, run } from './processes.ts';

/** Builds both apps through Turborepo, which replays its cache when nothing changed. */
export async function buildApps(): Promise<void> {
  const code = await run(
    npx,
    ['turbo', 'run', 'build', '--filter=@himal/web', '--filter=@himal/admin', '--output-logs=errors-only'],
    {
      cwd: PROJECT_DIR,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TURBO_TELEMETRY_DISABLED: '1' },
    },
  );
  if (code !== 0) throw new Error(`building the apps failed (exit ${code})`);
}
