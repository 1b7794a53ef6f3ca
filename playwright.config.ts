import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import { ADMIN_PORT, WEB_PORT } from './playwright/hosts.ts';

/**
 * Browser tests of both apps, run against their production builds (`npm run build -w @himal/web
 * -w @himal/admin` first) and the throwaway database in DATABASE_URL, which globalSetup migrates
 * and seeds. Chromium is the system's (/usr/bin/chromium); Playwright never downloads one.
 */
// Set on process.env so test workers (which inherit it) can mint tokens for the realm-claim test.
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString('base64url');

const appEnvironment = {
  // Chromium resolves *.localhost to loopback by itself, so the tests' hosts need no DNS.
  ROOT_DOMAIN: 'localhost',
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET,
  NEXT_TELEMETRY_DISABLED: '1',
  // The tests play several clients from one machine by naming them in X-Forwarded-For, as a load
  // balancer in front of the apps would; the rest share 127.0.0.1, so its search limit is raised.
  TRUSTED_PROXY_HOPS: '1',
  API_CLIENT_SEARCHES_PER_MINUTE: '1000',
};

export default defineConfig({
  testDir: './apps',
  testMatch: '*/e2e/**/*.spec.ts',
  globalSetup: './playwright/global-setup.ts',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: 'npm run start -w @himal/web',
      url: `http://localhost:${WEB_PORT}/api/health`,
      env: { ...appEnvironment, PORT: String(WEB_PORT) },
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: 'npm run start -w @himal/admin',
      url: `http://localhost:${ADMIN_PORT}/api/health`,
      env: { ...appEnvironment, PORT: String(ADMIN_PORT) },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
