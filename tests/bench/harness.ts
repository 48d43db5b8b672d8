// Benchmark harness: times a function over repeated runs, prints a table and merges the figures into bench-results.json.
import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface BenchOptions<S> {
  /** Runs once before the measured runs (not timed); its value is passed to every hook. */
  setup?: () => S | Promise<S>;
  /** The measured operation. */
  run: (state: S, iteration: number) => unknown;
  /** Runs once after the measured runs (not timed), even when a run throws. */
  teardown?: (state: S) => unknown;
  /** Not timed, before / after each run (warm-up runs included). */
  beforeEach?: (state: S, iteration: number) => unknown;
  afterEach?: (state: S, iteration: number) => unknown;
  /** Measured runs (default 15). */
  runs?: number;
  /** Unmeasured runs first, to warm caches and the JIT (default 2). */
  warmup?: number;
  /** The target in milliseconds, compared with `metric`. */
  target_ms?: number;
  /** Which figure the target applies to (default median). */
  metric?: 'median' | 'p95';
  /** Stop early (keeping at least 3 runs) once the measured runs took this long in total (default 60 s). */
  budget_ms?: number;
}

export interface BenchResult {
  name: string;
  median_ms: number;
  p95_ms: number;
  runs: number;
  target_ms?: number;
  metric: 'median' | 'p95';
  /** Undefined when there is no target. */
  met?: boolean;
  /** Other figures of the benchmark (e.g. writes_per_s), written to bench-results.json beside the timings. */
  extra?: Record<string, number>;
}

/** Repository root: tests/bench/.. /.. */
const ROOT = resolve(typeof __dirname === 'string' ? join(__dirname, '..', '..') : process.cwd());
export const RESULTS_FILE = process.env.CLSPD_BENCH_RESULTS ?? join(ROOT, 'bench-results.json');

interface Queued {
  name: string;
  options: BenchOptions<never>;
  resolve: (r: BenchResult | undefined) => void;
}

const queue: Queued[] = [];
let draining = false;
const finished: BenchResult[] = [];

/**
 * Declares a benchmark. Benchmarks of a file run one after the other once the file has been loaded; when
 * they are all done the harness prints the table and merges the figures into bench-results.json.
 * Resolves with the result (undefined if the benchmark threw: the error is printed and the process exit
 * code set to 1).
 */
export function bench<S = undefined>(name: string, options: BenchOptions<S>): Promise<BenchResult | undefined> {
  return new Promise((resolvePromise) => {
    queue.push({ name, options: options as unknown as BenchOptions<never>, resolve: resolvePromise });
    if (!draining) {
      draining = true;
      setImmediate(() => void drain());
    }
  });
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function median(sorted: number[]): number {
  const n = sorted.length;
  if (!n) return NaN;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

const round = (x: number) => Math.round(x * 100) / 100;

async function measure(name: string, o: BenchOptions<never>): Promise<BenchResult> {
  const runs = o.runs ?? 15;
  const warmup = o.warmup ?? 2;
  const budget = o.budget_ms ?? 60_000;
  const state = (o.setup ? await o.setup() : undefined) as never;
  const times: number[] = [];
  try {
    let spent = 0;
    for (let i = 0; i < warmup + runs; i++) {
      if (o.beforeEach) await o.beforeEach(state, i);
      const t0 = performance.now();
      await o.run(state, i);
      const dt = performance.now() - t0;
      if (o.afterEach) await o.afterEach(state, i);
      if (i < warmup) continue;
      times.push(dt);
      spent += dt;
      if (spent > budget && times.length >= 3) break;
    }
  } finally {
    if (o.teardown) await o.teardown(state);
  }
  const sorted = times.slice().sort((a, b) => a - b);
  const metric = o.metric ?? 'median';
  const result: BenchResult = { name, median_ms: round(median(sorted)), p95_ms: round(percentile(sorted, 95)), runs: times.length, metric };
  if (o.target_ms !== undefined) {
    result.target_ms = o.target_ms;
    result.met = (metric === 'p95' ? result.p95_ms : result.median_ms) <= o.target_ms;
  }
  return result;
}

async function drain(): Promise<void> {
  const done: BenchResult[] = [];
  while (queue.length) {
    const q = queue.shift()!;
    process.stdout.write(`▸ ${q.name} … `);
    try {
      const r = await measure(q.name, q.options);
      process.stdout.write(`médiane ${r.median_ms} ms\n`);
      done.push(r);
      q.resolve(r);
    } catch (e) {
      process.stdout.write('ÉCHEC\n');
      console.error(`Le benchmark « ${q.name} » a échoué :`, e);
      process.exitCode = 1;
      q.resolve(undefined);
    }
  }
  draining = false;
  if (!done.length) return;
  finished.push(...done);
  console.log(formatTable(done));
  mergeResults(done);
  const report = process.env.CLSPD_BENCH_REPORT;
  if (report) for (const r of done) appendFileSync(report, `${JSON.stringify(r)}\n`);
}

/**
 * Records a result measured by the benchmark itself (a load test: its own latencies and throughput), printed,
 * merged and reported like the others.
 */
export function recordResult(r: BenchResult): void {
  console.log(formatTable([r]));
  mergeResults([r]);
  const report = process.env.CLSPD_BENCH_REPORT;
  if (report) appendFileSync(report, `${JSON.stringify(r)}\n`);
}

/** A plain-text table: name, median, p95, runs, target, ✓/✗. */
export function formatTable(results: BenchResult[]): string {
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
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return ['', line(rows[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(line), ''].join('\n');
}

/** Merges `{ name: { median_ms, p95_ms, runs } }` into the results file, keeping other names. */
export function mergeResults(results: BenchResult[], file = RESULTS_FILE): void {
  let current: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) current = parsed as Record<string, unknown>;
    } catch {
      current = {};
    }
  }
  for (const r of results) current[r.name] = { median_ms: r.median_ms, p95_ms: r.p95_ms, runs: r.runs, ...(r.extra ?? {}) };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(current, null, 2)}\n`);
  renameSync(tmp, file);
}
