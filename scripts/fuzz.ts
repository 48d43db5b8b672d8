// `npm run fuzz -- --calls N [--seed S] [--run-size R]`: long fuzz runs of every IPC channel (same code as the suite's fuzz test).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatReport } from '../tests/fuzz/report';
import { runFuzz } from '../tests/fuzz/run';
import { demoTemplate } from '../tests/fuzz/world';

function flag(name: string): number | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const n = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(n) || n < 0) {
    console.error(`--${name} attend un nombre entier positif.`);
    process.exit(2);
  }
  return n;
}

/** `--path P`: replays the run fast-check reported (its « path ») with the same seed. */
function pathFlag(): string | undefined {
  const i = process.argv.indexOf('--path');
  return i < 0 ? undefined : process.argv[i + 1];
}

if (process.argv.includes('--help')) {
  console.log('Utilisation : npm run fuzz -- [--calls N] [--seed S] [--run-size R] [--path P]\nAppelle chaque canal IPC avec des données aléatoires sur la commune de démonstration et vérifie les propriétés (voir tests/fuzz/).');
  process.exit(0);
}

// The fuzz worlds' coffres use the test key-derivation cost (as under vitest), so that each world unlocks in milliseconds.
process.env.NODE_ENV = 'test';
process.env.CLSPD_TEST_FAST_KDF = '1';
const calls = flag('calls') ?? 20_000;
const seed = flag('seed') ?? Date.now() % 2 ** 31;
const runSize = flag('run-size') ?? 200;
const docs = mkdtempSync(join(tmpdir(), 'clspd-fuzz-docs-'));
process.env.CLSPD_DOCUMENTS_TMP = docs;

console.log(`Fuzz : ${calls} appels, graine ${seed} (rejouer : npm run fuzz -- --calls ${calls} --seed ${seed})`);
let last = 0;
async function main(): Promise<void> {
try {
  const report = await runFuzz({
    calls,
    seed,
    runSize,
    path: pathFlag(),
    template: await demoTemplate(),
    onRun: (done) => {
      if (done - last >= 2_000) {
        last = done;
        console.log(`  … ${done} appels`);
      }
    },
  });
  console.log(formatReport(report));
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  rmSync(docs, { recursive: true, force: true });
}
}

void main();
