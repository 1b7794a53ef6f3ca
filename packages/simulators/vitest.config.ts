import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'simulators',
    include: ['src/**/*.test.ts'],
    globalSetup: ['../db/src/testing/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
