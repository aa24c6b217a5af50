import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { layersPlugin } from './.eslint/layers.js';

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
  // Layers (ARCHITECTURE.md): one rule, read from the list of parts in .eslint/layers.js.
  {
    files: ['**/*.ts', '**/*.js', '**/*.svelte'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': 'error' },
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
  {
    files: ['packages/domain/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Time and config are inputs to the domain.' },
      ],
    },
  },
);
