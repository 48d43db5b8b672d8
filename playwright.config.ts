// Playwright configuration: browser E2E over the built renderer (system Chromium) and Electron E2E where a binary exists.
import { defineConfig } from '@playwright/test';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PORT = Number(process.env.CLSPD_E2E_PORT ?? 4319);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    actionTimeout: 10_000,
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1366, height: 768 },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--lang=fr-FR'],
    },
  },
  projects: [
    { name: 'browser', testDir: 'tests/e2e/browser' },
    { name: 'electron', testDir: 'tests/e2e/electron' },
  ],
  webServer: {
    command: `npx vite preview --config vite.preview.config.ts --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
