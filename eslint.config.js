// One lint config for the whole workspace. Beside style, it holds the layers (a violating import
// fails `npm test`, which runs it):
//   apps -> @himal/core -> @himal/gds -> @himal/db;  @himal/auth, @himal/http -> @himal/db;
//   @himal/ui depends on nothing server-side; @himal/db on no other package of ours;
//   production code never imports the simulators or a package's testing entry (tests, e2e specs,
//   benchmarks and the development scripts may).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const throughPackageIndex = { group: ['@himal/*/src/*', '**/packages/*/src/*'], message: 'Import a package through its index.' };
const neverGeneratedCode = {
  group: ['**/generated/control/*', '**/generated/tenant/*', '**/db/generated/**'],
  message: 'Reach tenant and control data through @himal/db (tenantDb, withTenant, controlDb), never generated code.',
};

const neverTestingCode = {
  group: ['@himal/simulators', '@himal/simulators/*', '@himal/*/testing', '**/testing/*', '@himal/*/dev'],
  message:
    'Production code never imports the simulators, testing helpers or development tools; tests, benchmarks and scripts may.',
};
const layer = (names, message) => ({ group: names, message });
const restrict = (...patterns) => [
  'error',
  { patterns: [throughPackageIndex, neverGeneratedCode, neverTestingCode, ...patterns] },
];
/** What apps may not take from @himal/gds: the supplier machinery (they reach suppliers through @himal/core). */
const SUPPLIER_MACHINERY = [
  'AIR_ADAPTERS',
  'HOTEL_ADAPTERS',
  'INSURANCE_ADAPTERS',
  'searchFlights',
  'searchHotels',
  'quoteInsurance',
  'priceOffer',
  'callSupplier',
  'supplierConnectionsFor',
  'upsertSupplierAccount',
  'loadFxTable',
  'recordFxRates',
  'flushSupplierCalls',
  'resetCircuitBreakers',
];
const TESTS = [
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/*.spec.ts',
  '**/e2e/**',
  '**/testing/**',
  'bench/**',
  'scripts/**',
  'playwright/**',
  'packages/simulators/**',
  '**/vitest.config.ts',
  '**/playwright.config.ts',
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
      'no-restricted-imports': restrict(),
    },
  },
  {
    // packages/db owns the generated Prisma clients, and depends on no other package of ours.
    files: ['packages/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@himal/*/src/*'], message: 'Import a package through its index.' },
            neverTestingCode,
            layer(
              ['@himal/*', '!@himal/db', '!@himal/db/*'],
              '@himal/db is the bottom layer: it imports no other package of ours.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['packages/gds/**'],
    rules: {
      'no-restricted-imports': restrict(
        layer(
          [
            '@himal/core',
            '@himal/auth',
            '@himal/http',
            '@himal/http/*',
            '@himal/ui',
            '@himal/web',
            '@himal/admin',
            '@himal/simulators',
            '@himal/simulators/*',
          ],
          '@himal/gds is the supplier layer: it depends on @himal/db only.',
        ),
      ),
    },
  },
  {
    files: ['packages/core/**'],
    rules: {
      'no-restricted-imports': restrict(
        layer(
          [
            '@himal/http',
            '@himal/http/*',
            '@himal/ui',
            '@himal/web',
            '@himal/admin',
            '**/apps/**',
            '@himal/gds/xml',
            '@himal/gds/suppliers/*',
          ],
          '@himal/core is the domain: it never imports an app or request plumbing, nor the insides of @himal/gds.',
        ),
      ),
    },
  },
  {
    files: ['packages/auth/**', 'packages/http/**'],
    rules: {
      'no-restricted-imports': restrict(layer(['@himal/web', '@himal/admin', '**/apps/**'], 'Packages never import an app.')),
    },
  },
  {
    // @himal/ui is React components and theme tokens, rendered on either side: nothing server-side.
    files: ['packages/ui/**'],
    rules: {
      'no-restricted-imports': restrict(
        layer(
          ['@himal/*', 'next/server', 'next/headers', 'node:*'],
          '@himal/ui depends on nothing server-side; request plumbing lives in @himal/http.',
        ),
      ),
    },
  },
  {
    files: ['apps/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@himal/gds',
              importNames: SUPPLIER_MACHINERY,
              message: 'Apps reach suppliers through @himal/core; from @himal/gds they take product contracts and money only.',
            },
          ],
          patterns: [
            throughPackageIndex,
            neverGeneratedCode,
            neverTestingCode,
            layer(['@himal/gds/xml', '@himal/gds/suppliers/*'], 'Apps reach suppliers through @himal/core.'),
          ],
        },
      ],
    },
  },
  {
    // Tests, benchmarks and development scripts may reach what production code may not.
    files: TESTS,
    rules: {
      'no-restricted-imports': ['error', { patterns: [throughPackageIndex, neverGeneratedCode] }],
    },
  },
  {
    // Not even gds's tests may use the simulators: the package sits on top of gds, and a workspace
    // cycle would break Turborepo.
    files: ['packages/gds/**/*.test.ts', 'packages/gds/src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            throughPackageIndex,
            neverGeneratedCode,
            layer(['@himal/simulators', '@himal/simulators/*'], '@himal/simulators sits on top of @himal/gds, never under it.'),
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
