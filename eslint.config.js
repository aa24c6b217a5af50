import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const appsMayNotImport = [
  '@clinicflow/db',
  '@clinicflow/documents',
  'socket.io',
  'pg',
  'postgres',
  '@electric-sql/pglite',
  'fastify',
];

export default ts.config(
  {
    ignores: ['**/build/', '**/.svelte-kit/', '**/node_modules/', '**/migrations/', 'docs/', 'test-results/'],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['packages/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['@clinicflow/server', '**/apps/**'], message: 'Nothing imports from apps/.' }],
        },
      ],
    },
  },
  // Every string a client sends is checked for control characters and broken Unicode in one place.
  {
    files: ['packages/contracts/src/**'],
    ignores: ['packages/contracts/src/text.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='z'][callee.property.name='string']",
          message: "Use text() from './text' for strings clients send.",
        },
      ],
    },
  },
  // Layers (ARCHITECTURE.md): the domain is pure; apps never reach the database; nothing imports an app.
  {
    files: ['packages/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                '@clinicflow/*',
                'svelte',
                'svelte/*',
                '@sveltejs/*',
                'zod',
                'drizzle-orm*',
                'socket.io*',
                'fs',
                'path',
                'http',
                '**/apps/**',
              ],
              message: 'packages/domain is pure: no I/O, framework or other workspace package.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Time and config are inputs to the domain.' },
      ],
    },
  },
  {
    files: [
      'apps/kiosk/**',
      'apps/wallboard/**',
      'apps/console/**',
      'packages/ui/**',
      'packages/realtime-client/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: appsMayNotImport.map((name) => ({
            name,
            message: 'Browser code never imports server-only packages.',
          })),
        },
      ],
    },
  },
);
