// `npm test`: unit and renderer tests (vitest), build, browser and Electron E2E (Playwright); ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const tmp = join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const run = (args, env = {}) => spawnSync(npx, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

// 1. vitest: main-process (node) and renderer (jsdom) projects.
const vitestJson = join(tmp, 'vitest.json');
rmSync(vitestJson, { force: true });
const vitestStatus = run(['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  if (r.numFailedTestSuites) {
    failed += r.numFailedTestSuites;
    problems.push(`${r.numFailedTestSuites} fichier(s) de test vitest en échec au chargement`);
  }
} else {
  failed += 1;
  problems.push('vitest n’a pas produit de résultat');
}
if (vitestStatus !== 0 && failed === 0) {
  failed += 1;
  problems.push(`vitest a échoué (code ${vitestStatus})`);
}

// 2. build the app (main, preload, renderer, CLI) for the E2E tests.
if (run(['electron-vite', 'build']) !== 0) {
  failed += 1;
  problems.push('la construction (electron-vite build) a échoué');
} else {
  // 3. Playwright: browser E2E over the real handlers, Electron E2E where a binary exists.
  const pwJson = join(tmp, 'playwright.json');
  rmSync(pwJson, { force: true });
  const pwStatus = run(['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats;
    passed += s.expected + (s.flaky ?? 0);
    failed += s.unexpected;
    skipped += s.skipped;
    if (s.unexpected === 0 && pwStatus !== 0) {
      failed += 1;
      problems.push(`Playwright a échoué (code ${pwStatus})`);
    }
  } else {
    failed += 1;
    problems.push('Playwright n’a pas produit de résultat');
  }
}

for (const p of problems) console.log(`Problème : ${p}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
