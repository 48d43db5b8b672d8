// The benchmark harness (tests/bench/harness.ts): statistics, targets, table and merge into the results file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'clspd-bench-test-'));
const results = join(dir, 'bench-results.json');
const report = join(dir, 'report.jsonl');
type Harness = typeof import('../bench/harness');
let h: Harness;

beforeAll(async () => {
  vi.stubEnv('CLSPD_BENCH_RESULTS', results);
  vi.stubEnv('CLSPD_BENCH_REPORT', report);
  writeFileSync(results, JSON.stringify({ 'other.bench': { median_ms: 1, p95_ms: 2, runs: 3 } }));
  h = await import('../bench/harness');
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterAll(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('bench harness', () => {
  it('times the runs after the warm-up, calls the hooks, and merges into the results file', async () => {
    const calls: string[] = [];
    let i = 0;
    const r = await h.bench('unit.sleep', {
      setup: () => {
        calls.push('setup');
        return { n: 0 };
      },
      beforeEach: (s) => void (s.n += 1),
      run: async () => {
        // 1 ms for the first runs, then 10 ms: the median must ignore the warm-up.
        await new Promise((res) => setTimeout(res, i++ < 2 ? 1 : 10));
      },
      teardown: (s) => void calls.push(`teardown ${s.n}`),
      runs: 5,
      warmup: 2,
      target_ms: 1000,
    });
    expect(calls).toEqual(['setup', 'teardown 7']);
    expect(r).toMatchObject({ name: 'unit.sleep', runs: 5, target_ms: 1000, metric: 'median', met: true });
    expect(r!.median_ms).toBeGreaterThanOrEqual(9);
    expect(r!.p95_ms).toBeGreaterThanOrEqual(r!.median_ms);
    const file = JSON.parse(readFileSync(results, 'utf8'));
    expect(file['other.bench']).toEqual({ median_ms: 1, p95_ms: 2, runs: 3 });
    expect(file['unit.sleep']).toEqual({ median_ms: r!.median_ms, p95_ms: r!.p95_ms, runs: 5 });
    const lines = readFileSync(report, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ name: 'unit.sleep', met: true });
  });

  it('judges the target on p95 when asked, and reports a miss without failing', async () => {
    const r = await h.bench('unit.p95', { run: () => new Promise((res) => setTimeout(res, 5)), runs: 4, warmup: 0, target_ms: 1, metric: 'p95' });
    expect(r).toMatchObject({ metric: 'p95', met: false, runs: 4 });
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('reports a benchmark that throws without stopping the others', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = h.bench('unit.throws', { run: () => { throw new Error('boom'); }, runs: 2 });
    const after = h.bench('unit.after', { run: () => undefined, runs: 3, warmup: 0 });
    expect(await failing).toBeUndefined();
    expect(await after).toMatchObject({ name: 'unit.after', runs: 3 });
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
  });

  it('prints a table with the target and ✓ / ✗', () => {
    const table = h.formatTable([
      { name: 'a.ok', median_ms: 1.5, p95_ms: 2, runs: 10, target_ms: 5, metric: 'median', met: true },
      { name: 'b.miss', median_ms: 12, p95_ms: 30, runs: 10, target_ms: 20, metric: 'p95', met: false },
      { name: 'c.none', median_ms: 3, p95_ms: 4, runs: 10, metric: 'median' },
    ]);
    expect(table).toMatch(/a\.ok\s+1\.50\s+2\.00\s+10\s+≤ 5 \(médiane\)\s+✓/);
    expect(table).toMatch(/b\.miss\s+12\.00\s+30\.00\s+10\s+≤ 20 \(p95\)\s+✗/);
    expect(table).toMatch(/c\.none\s+3\.00\s+4\.00\s+10\s+—/);
  });
});
