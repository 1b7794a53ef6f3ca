import { defineConfig } from 'vitest/config';

// Every package's tests, against the real PostgreSQL that scripts/test.ts prepared (DATABASE_URL).
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'apps/*/vitest.config.ts', 'scripts/vitest.config.ts'],
  },
});
