// Test runner configuration: main-process tests in node, renderer tests in jsdom.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          // Test-only: lowers the vault's key-derivation cost and retry delays (honoured only under a test runner).
          env: { CLSPD_TEST_FAST_KDF: '1' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          // A real PostgreSQL: CLSPD_TEST_DATABASE_URL, or a throwaway cluster started for the run.
          globalSetup: ['tests/helpers/pg-global.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.tsx'],
          setupFiles: ['tests/renderer/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
