// One lint config for the whole workspace.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/.next/**', '**/generated/**', '**/.data/**', '**/next-env.d.ts', '.turbo/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@himal/*/src/*', '**/packages/*/src/*'], message: 'Import a package through its index.' },
            {
              group: ['**/generated/control/*', '**/generated/tenant/*', '**/db/generated/**'],
              message: 'Reach tenant and control data through @himal/db (tenantDb, withTenant, controlDb), never generated code.',
            },
          ],
        },
      ],
    },
  },
  {
    // packages/db owns the generated Prisma clients, and sits below @himal/auth (which depends on it).
    files: ['packages/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@himal/*/src/*'], message: 'Import a package through its index.' },
            {
              group: ['@himal/auth', '@himal/auth/*'],
              message: '@himal/auth depends on @himal/db; take a password hash from the caller instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // Scratch experiments are never part of the code base.
    ignores: ['**/.scratch/**'],
  },
);
