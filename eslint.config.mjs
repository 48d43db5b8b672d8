// Lint rules: strict TypeScript, React hooks, `electron` kept to the shell's edges, no import cycles, layers kept apart.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

const electronOnlyHere = ['src/main/index.ts', 'src/main/app/**', 'src/preload/**', 'tests/e2e/electron/**', 'tests/unit/app/**'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/artifacts/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'electron ne s’importe que dans src/main/index.ts, src/main/app/ et src/preload/.' }] },
      ],
    },
  },
  {
    // No import cycles anywhere in the sources, and the layers kept apart: the renderer never reaches the main
    // process, the shared code never reaches a process (it runs in both), services never reach the IPC layer.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/renderer', from: './src/main', message: 'Le rendu ne dépend pas du processus principal : passez par le contrat (src/shared/contract).' },
            { target: './src/renderer', from: './src/preload', message: 'Le rendu ne dépend pas du preload : utilisez api() (src/renderer/src/api.ts).' },
            { target: './src/shared', from: './src/main', message: 'Le code partagé ne dépend d’aucun processus.' },
            { target: './src/shared', from: './src/renderer', message: 'Le code partagé ne dépend d’aucun processus.' },
            { target: './src/shared', from: './src/preload', message: 'Le code partagé ne dépend d’aucun processus.' },
            { target: './src/main/services', from: './src/main/ipc', message: 'Les services ne dépendent pas de la couche IPC : c’est elle qui les appelle.' },
          ],
        },
      ],
    },
  },
  {
    // The shared code runs in the renderer too: no Node built-ins.
    files: ['src/shared/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
  {
    files: electronOnlyHere,
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
