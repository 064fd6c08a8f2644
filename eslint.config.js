import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The dependency direction of the code, as import zones. Each zone says which folder may not import which; an
// import the resolver cannot follow is an error of its own (import-x/no-unresolved), so no forbidden import slips
// through unresolved. lint/zones.test.ts proves that each forbidden import fails and an allowed one passes.
const features = readdirSync(join(import.meta.dirname, 'src/features'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const zones = [
  {
    target: './src/rules',
    from: ['./src', './server', './test-support'],
    except: ['./rules'],
    message: 'The rules module is pure: it imports only zod and other rules.',
  },
  {
    target: './src/preview',
    from: ['./src', './server', './test-support'],
    except: ['./preview', './rules'],
    message: 'The template engine imports only the rules module and itself.',
  },
  {
    target: './src/response',
    from: ['./src', './server', './test-support'],
    except: ['./response', './preview', './rules'],
    message: 'The response pipeline imports only the rules module, the template engine and itself.',
  },
  {
    target: './src/openapi',
    from: ['./src', './server', './test-support'],
    except: ['./openapi'],
    message: 'The OpenAPI writer is pure: it imports nothing of the project but itself.',
  },
  {
    target: './src/api-mappings',
    from: './src',
    except: ['./api-mappings', './api', './rules', './preview'],
    message:
      "The API mappings module (an API's methods loaded as rows, with their problems) imports only src/api, the rules, the template engine and itself.",
  },
  {
    target: './src/api',
    from: './src',
    except: ['./api', './rules'],
    message: 'src/api imports only the rules module and itself.',
  },
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message:
      'A feature never imports another feature: move what both need into a shared module (src/api, src/components, src/integration-response, ...).',
  })),
  {
    target: [
      './src/features',
      './src/components',
      './src/integration-response',
      './src/deployment',
      './src/simulate',
      './src/api-mappings',
      './src/import-export',
    ],
    from: ['./src/routes', './src/main.tsx', './src/router.tsx', './src/router-app.tsx', './src/first-page.tsx'],
    message: 'Screens do not import the app shell or the routes.',
  },
  {
    target: [
      './src/components',
      './src/integration-response',
      './src/deployment',
      './src/simulate',
      './src/api-mappings',
      './src/import-export',
    ],
    from: './src/features',
    message: 'Shared modules are used by features and import none of them.',
  },
  {
    target: './server',
    from: './src',
    except: ['./rules', './response', './openapi'],
    message:
      'The server imports only the shared pure modules of src: the rules, the response pipeline (which runs the template engine for it) and the OpenAPI writer.',
  },
  {
    target: ['./server', './src', './test-support'],
    from: ['./e2e', './bench'],
    message: 'The end-to-end tests and the benchmark are not imported by the code.',
  },
];

// The app's own code never reaches into the server or the test helpers; tests may (they run the real server).
const codeOnlyZones = [
  {
    target: './src',
    from: ['./server', './test-support'],
    message: 'The browser code does not import the server or test helpers (only tests do).',
  },
  {
    target: './server',
    from: './test-support',
    message: 'The server does not import test helpers (only its tests do).',
  },
];

const testFiles = ['**/*.test.{ts,tsx}', 'server/tests/**', 'test-support/**', 'src/test/**'];

export default tseslint.config(
  {
    ignores: [
      'dist',
      '**/dist',
      'node_modules',
      'src/routeTree.gen.ts',
      'test-results',
      'playwright-report',
      '.data',
      '.tmp',
      '.tanstack',
      '.tmp-*',
      // Deliberately broken: linted only by lint/zones.test.ts, under the paths each one names.
      'lint/fixtures',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      // Without these, import-x reads no TypeScript module's imports and no-cycle sees no cycle.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.app.json', 'tsconfig.node.json', 'tsconfig.e2e.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-unresolved': ['error', { ignore: ['\\?(worker|url|raw|inline)$'] }],
      'import-x/no-restricted-paths': ['error', { zones: [...zones, ...codeOnlyZones] }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    files: testFiles,
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod(/|$)|\\./|@/rules/)',
              message: 'The rules module is pure: it imports only zod and other rules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'src/routes/**/*.{ts,tsx}',
      'src/features/**/*.{ts,tsx}',
      'src/components/**/*.{ts,tsx}',
      'src/api-mappings/**/*.{ts,tsx}',
    ],
    ignores: testFiles,
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Screens never call fetch: use the typed client in src/api.' },
      ],
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].map((object) => ({
          object,
          property: 'fetch',
          message: 'Screens never call fetch: use the typed client in src/api.',
        })),
      ],
    },
  },
);
