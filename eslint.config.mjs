// Lint rules: strict TypeScript, React hooks, and `electron` kept to the shell's edges.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
