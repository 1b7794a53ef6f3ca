import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'web',
    include: ['lib/**/*.test.ts'],
    // The API's access and idempotency tests run against a real (throwaway, migrated) database.
    globalSetup: ['../../packages/db/src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
