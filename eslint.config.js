// One lint config for the whole workspace.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const throughPackageIndex = { group: ['@himal/*/src/*', '**/packages/*/src/*'], message: 'Import a package through its index.' };
const neverGeneratedCode = {
  group: ['**/generated/control/*', '**/generated/tenant/*', '**/db/generated/**'],
  message: 'Reach tenant and control data through @himal/db (tenantDb, withTenant, controlDb), never generated code.',
};

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
          patterns: [throughPackageIndex, neverGeneratedCode],
        },
      ],
    },
  },
  {
    // packages/db owns the generated Prisma clients.
    files: ['packages/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@himal/*/src/*'], message: 'Import a package through its index.' }] },
      ],
    },
  },
  {
    // @himal/ui is React components and theme tokens, rendered on either side: nothing server-side.
    files: ['packages/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            throughPackageIndex,
            neverGeneratedCode,
            {
              group: ['@himal/*', 'next/server', 'next/headers', 'node:*'],
              message: '@himal/ui depends on nothing server-side; request plumbing lives in @himal/http.',
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
