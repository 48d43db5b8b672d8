// `npm run preview` and the browser E2E server: serves the built renderer (out/renderer) with the app's exact security headers.
import { defineConfig } from 'vite';
import { SECURITY_HEADERS } from './src/main/app/csp';

export default defineConfig({
  root: __dirname,
  build: { outDir: 'out/renderer' },
  preview: { host: '127.0.0.1', headers: { ...SECURITY_HEADERS } },
});
