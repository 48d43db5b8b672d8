// Property-based fuzzing of every IPC channel through the real invoker on the demo (tests/fuzz/): 20,000 calls, fixed seed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { formatReport, unreached } from '../fuzz/report';
import { runFuzz } from '../fuzz/run';
import { demoTemplate } from '../fuzz/world';

/** Override with CLSPD_FUZZ_CALLS / CLSPD_FUZZ_SEED; `npm run fuzz -- --calls N --seed S` runs the same code for longer. */
const CALLS = Number(process.env.CLSPD_FUZZ_CALLS ?? 20_000);
const SEED = Number(process.env.CLSPD_FUZZ_SEED ?? 20_261_207);

const docs = mkdtempSync(join(tmpdir(), 'clspd-fuzz-docs-'));
process.env.CLSPD_DOCUMENTS_TMP ??= docs;
afterAll(() => rmSync(docs, { recursive: true, force: true }));

it(`${CALLS} fuzzed calls: never a throw or an internal error, refusals change nothing, results clone, no pollution, the file checks and reopens`, async () => {
  const report = await runFuzz({ calls: CALLS, seed: SEED, template: await demoTemplate() });
  console.log(formatReport(report));
  expect(report.calls).toBeGreaterThanOrEqual(CALLS);
  // Every channel ran past its schema at least once (the handler was reached).
  expect(unreached(report)).toEqual([]);
}, 600_000);
