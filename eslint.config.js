// One lint config for the whole workspace.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const WORKSPACE_IMPORT_RULES = [
  { group: ['@himal/*/src/*', '**/packages/*/src/*'], message: 'Import a package through its index.' },
  {
    group: ['**/generated/control/*', '**/generated/tenant/*', '**/db/generated/**'],
    message: 'Reach tenant and control data through @himal/db (tenantDb, withTenant, controlDb), never generated code.',
  },
];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/.next/**', '**/generated/**', '**/.data/**', '**/next-env.d.ts', '.turbo/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: WORKSPACE_IMPORT_RULES }],
    },
  },
  {
    // gds is what production runs; the simulators sit on top of it (packages/simulators), never under it.
    files: ['packages/gds/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...WORKSPACE_IMPORT_RULES,
            {
              group: ['@himal/simulators', '@himal/simulators/*'],
              message: '@himal/simulators depends on @himal/gds: a test that needs a simulator belongs in packages/simulators.',
            },
          ],
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
    // Scratch experiments are never part of the code base.
    ignores: ['**/.scratch/**'],
  },
);
