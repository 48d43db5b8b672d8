// Optional timing of the team server's request phases (CLSPD_WRITE_PROFILE=file): per phase count, mean, p50, p95, written every 2 s.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.CLSPD_WRITE_PROFILE;
const samples = new Map<string, number[]>();
const counters = new Map<string, number>();
const loop = file ? monitorEventLoopDelay({ resolution: 5 }) : undefined;
const started = Date.now();
const cpuAtStart = process.cpuUsage();

/** Records one duration of a phase (no-op unless profiling). */
export function phase(name: string, ms: number): void {
  if (!file) return;
  let s = samples.get(name);
  if (!s) samples.set(name, (s = []));
  s.push(ms);
}

/** Counts one event (a retry, a locked write…). */
export function count(name: string): void {
  if (!file) return;
  counters.set(name, (counters.get(name) ?? 0) + 1);
}

export interface PhaseSummary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  sum: number;
}

/** What was recorded so far, with this process's CPU time and event-loop delay. */
export function profileSummary(): { wallS: number; cpuS: number; loopDelayMeanMs: number; counters: Record<string, number>; phases: Record<string, PhaseSummary> } {
  const phases: Record<string, PhaseSummary> = {};
  const round = (x: number) => Math.round(x * 1000) / 1000;
  for (const [k, v] of samples) {
    const sorted = v.slice().sort((a, b) => a - b);
    const sum = v.reduce((a, b) => a + b, 0);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
    phases[k] = { n: v.length, mean: round(sum / v.length), p50: round(at(0.5)), p95: round(at(0.95)), sum: round(sum) };
  }
  const cpu = process.cpuUsage(cpuAtStart);
  return {
    wallS: (Date.now() - started) / 1000,
    cpuS: (cpu.user + cpu.system) / 1e6,
    loopDelayMeanMs: loop ? loop.mean / 1e6 : 0,
    counters: Object.fromEntries(counters),
    phases,
  };
}

if (file) {
  loop!.enable();
  setInterval(() => writeFileSync(`${file}.${process.pid}.json`, JSON.stringify(profileSummary(), null, 1)), 2000).unref();
}
