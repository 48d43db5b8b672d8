// `npm test`: unit and renderer tests (vitest), build, browser and Electron E2E (Playwright); ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

// 0. The GitHub workflows (they only run on a connected CI): schema-checked here with action-validator.
const workflowsDir = join(root, '.github', 'workflows');
if (existsSync(workflowsDir)) {
  for (const name of readdirSync(workflowsDir).filter((n) => /\.ya?ml$/.test(n))) {
    if (run(['action-validator', join(workflowsDir, name)]) === 0) passed += 1;
    else {
      failed += 1;
      problems.push(`le workflow ${name} n’est pas valide (action-validator)`);
    }
  }
}

// 1b. The main process runs on the Node that Electron 45 embeds (24.x): run the unit tests on Node 24 too, with an
// npm-distributed Node binary (the `node` package, from the npm registry) when this machine's Node is older.
const major = Number(process.versions.node.split('.')[0]);
if (process.env.CLSPD_SKIP_NODE24 === '1') {
  console.log('Tests unitaires sous Node 24 : ignorés (CLSPD_SKIP_NODE24=1).');
} else {
  let node24 = major === 24 ? process.execPath : undefined;
  if (!node24) {
    const prefix = join(tmp, 'node24');
    const bin = join(prefix, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
    if (!existsSync(bin)) {
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      spawnSync(npm, ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', 'node@24'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    }
    if (existsSync(bin)) node24 = bin;
  }
  if (!node24) {
    failed += 1;
    problems.push('Node 24 introuvable (paquet npm « node@24 ») : tests unitaires non rejoués sous Node 24');
  } else {
    const json24 = join(tmp, 'vitest-node24.json');
    rmSync(json24, { force: true });
    const vitestBin = join(root, 'node_modules', 'vitest', 'vitest.mjs');
    const status = spawnSync(node24, [vitestBin, 'run', '--project', 'unit', '--reporter=dot', '--reporter=json', `--outputFile.json=${json24}`], { cwd: root, stdio: 'inherit' }).status ?? 1;
    if (existsSync(json24)) {
      const r = JSON.parse(readFileSync(json24, 'utf8'));
      passed += r.numPassedTests;
      failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
      skipped += r.numPendingTests + (r.numTodoTests ?? 0);
      console.log(`Node 24 (${node24}) : ${r.numPassedTests} réussis, ${r.numFailedTests} en échec`);
    } else {
      failed += 1;
      problems.push(`vitest sous Node 24 n’a pas produit de résultat (code ${status})`);
    }
  }
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
