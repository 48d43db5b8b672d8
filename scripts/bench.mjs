// Runs every tests/bench/*.bench.ts (each in its own tsx process), then prints the combined table and the missed targets.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH_DIR = join(ROOT, 'tests', 'bench');
const RESULTS = join(ROOT, 'bench-results.json');
/** The whole suite must finish within 10 minutes: keep a margin for start-up and the summary. */
const SUITE_BUDGET_MS = 9.5 * 60_000;

const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (process.argv.includes('--help')) {
  console.log('Utilisation : npm run bench [-- MOT…]\nLance tests/bench/*.bench.ts (seulement les fichiers dont le nom contient un des MOTS, si donnés).');
  process.exit(0);
}
const files = readdirSync(BENCH_DIR)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filters.length || filters.some((w) => f.includes(w)))
  .sort();
if (!files.length) {
  console.error(filters.length ? `Aucun fichier de benchmark ne correspond à : ${filters.join(', ')}.` : 'Aucun fichier tests/bench/*.bench.ts.');
  process.exit(1);
}

// A full run starts from a clean results file so no stale figure survives; a filtered run merges.
if (!filters.length) writeFileSync(RESULTS, '{}\n');
const work = mkdtempSync(join(tmpdir(), 'clspd-bench-run-'));
const report = join(work, 'report.jsonl');
writeFileSync(report, '');

const tsx = join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');
const started = Date.now();
const failures = [];

function runFile(file, timeoutMs) {
  return new Promise((resolvePromise) => {
    const child = spawn(existsSync(tsx) ? tsx : 'npx', existsSync(tsx) ? [join(BENCH_DIR, file)] : ['tsx', join(BENCH_DIR, file)], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, CLSPD_BENCH_REPORT: report, CLSPD_BENCH_RESULTS: RESULTS, NODE_ENV: process.env.NODE_ENV ?? 'production' },
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, timedOut });
    });
  });
}

for (const file of files) {
  const remaining = SUITE_BUDGET_MS - (Date.now() - started);
  if (remaining <= 5_000) {
    failures.push(`${file} : non lancé, le budget de 10 minutes de la suite est épuisé`);
    continue;
  }
  console.log(`\n══ ${file}`);
  const t0 = Date.now();
  const r = await runFile(file, remaining);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.timedOut) failures.push(`${file} : arrêté après ${secs} s (budget de la suite dépassé)`);
  else if (r.code !== 0) failures.push(`${file} : a échoué (code ${r.code ?? r.signal}) après ${secs} s`);
  else console.log(`(${file} : ${secs} s)`);
}

const results = readFileSync(report, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
rmSync(work, { recursive: true, force: true });

const rows = [
  ['benchmark', 'médiane (ms)', 'p95 (ms)', 'runs', 'cible (ms)', ''],
  ...results.map((r) => [
    r.name,
    r.median_ms.toFixed(2),
    r.p95_ms.toFixed(2),
    String(r.runs),
    r.target_ms === undefined ? '—' : `≤ ${r.target_ms} (${r.metric === 'p95' ? 'p95' : 'médiane'})`,
    r.met === undefined ? '' : r.met ? '✓' : '✗',
  ]),
];
const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
const line = (row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
console.log(`\n══ Résumé (${files.length} fichier(s), ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
console.log(line(rows[0]));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const row of rows.slice(1)) console.log(line(row));

const missed = results.filter((r) => r.met === false);
console.log('');
if (missed.length) {
  console.log(`Cibles manquées (${missed.length}) :`);
  for (const r of missed) console.log(`  ✗ ${r.name} : ${r.metric === 'p95' ? `p95 ${r.p95_ms}` : `médiane ${r.median_ms}`} ms > ${r.target_ms} ms`);
} else if (results.some((r) => r.met !== undefined)) {
  console.log('Toutes les cibles sont atteintes.');
}
if (failures.length) {
  console.log(`\nFichiers en échec (${failures.length}) :`);
  for (const f of failures) console.log(`  ! ${f}`);
}
console.log(`\nRésultats écrits dans ${RESULTS}.`);
// Missed targets are reported, not fatal; a benchmark that could not measure is.
process.exit(failures.length ? 1 : 0);
