// Crash test: a writer process is killed with SIGKILL at random moments; every acknowledged write must survive.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_DIR, listBackups } from '../../src/main/store/backups';
import { readBackupFile } from '../../src/main/store/backupFormat';
import { DATA_FILE, inspectFile, inspectText, Store } from '../../src/main/store/store';
import { loadArchive } from '../../src/main/store/archives';
import { ARCHIVE_EVERY, IMPORT_EVERY, WINDOW } from '../helpers/crash-protocol';

const KILLS_PER_LANE = Number(process.env.CRASH_KILLS_PER_LANE ?? 110);
const LANES = 2; // two folders killed in parallel: the machine has two cores
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 2 ** 31);
/** CI keeps about 200 kills; `npm run crash -- --kills 1000` sets CRASH_KILLS_PER_LANE for long runs. */
const MIN_KILLS = Math.min(200, KILLS_PER_LANE * LANES);
const TIMEOUT_MS = Math.max(180_000, KILLS_PER_LANE * LANES * 3_000);

/** Small seeded generator so a failing run can be replayed with CRASH_SEED. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RunResult {
  acked: number[];
  maxStarted: number;
  ready: boolean;
  inFlight: boolean;
  killedByUs: boolean;
  stderr: string;
  /** Operations begun and not ended when the process died (backup, archive, import). */
  open: Set<string>;
}

/** Spawns the writer, kills it with SIGKILL after `delayMs` (from spawn, or from its `ready` line). */
function runOnce(writer: string[], dir: string, delayMs: number, fromReady: boolean): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...writer, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const res: RunResult = { acked: [], maxStarted: 0, ready: false, inFlight: false, killedByUs: false, stderr: '', open: new Set() };
    let buf = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => {
      res.killedByUs = true;
      child.kill('SIGKILL');
    };
    if (!fromReady) timer = setTimeout(kill, delayMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const l = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        const [kind, value, num] = l.split(' ');
        const n = Number(value);
        if (kind === 'begin') res.open.add(`${value} ${num}`);
        else if (kind === 'end') res.open.delete(`${value} ${num}`);
        if (kind === 'ready') {
          res.ready = true;
          if (fromReady) timer = setTimeout(kill, delayMs);
        } else if (kind === 'start') res.maxStarted = Math.max(res.maxStarted, n);
        else if (kind === 'ack') res.acked.push(n);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => (res.stderr += c));
    child.on('error', reject);
    // 'close' comes after the process is gone and its stdout is drained: every ack it printed is in `res`.
    child.on('close', () => {
      if (timer) clearTimeout(timer);
      const lastAck = res.acked.length ? Math.max(...res.acked) : 0;
      res.inFlight = res.maxStarted > lastAck;
      resolvePromise(res);
    });
  });
}

interface LaneStats {
  kills: number;
  killsBeforeReady: number;
  killsWithWriteInFlight: number;
  writesAcknowledged: number;
  finalCounter: number;
  /** Kills that interrupted each kind of operation. */
  during: Record<'backup' | 'archive' | 'import', number>;
}

/** Checks the datastore after a kill: it loads, holds every acknowledged write and is never a mix of two writes. */
function verify(dir: string, maxAck: number, maxStarted: number, context: string): number {
  const file = join(dir, DATA_FILE);
  if (!existsSync(file)) {
    expect(maxAck, `${context}: no file although writes were acknowledged`).toBe(0);
    return 0;
  }
  const r = inspectFile(file);
  if (!r.ok) throw new Error(`${context}: the datastore does not load: ${r.message}`);
  const counter = Number(r.data.settings.address);
  expect(Number.isInteger(counter), context).toBe(true);
  expect(counter, `${context}: acknowledged write lost`).toBeGreaterThanOrEqual(maxAck);
  expect(counter, `${context}: a write that was never issued is on disk`).toBeLessThanOrEqual(Math.max(maxStarted, maxAck));
  const expected: string[] = [];
  const imported: string[] = [];
  for (let k = Math.max(1, counter - WINDOW + 1); k <= counter; k++) {
    expected.push(`w-${k}`);
    if (k % IMPORT_EVERY === 0) for (let i = 0; i < 5; i++) imported.push(`i-${k}-${i}`);
  }
  const ids = r.data.organisations.map((o) => o.id);
  expect(
    ids.filter((id) => id.startsWith('w-')),
    `${context}: the document mixes two writes`,
  ).toEqual(expected);
  // Imports: each one whole (its five partners) or absent, never half.
  expect(ids.filter((id) => id.startsWith('i-')).sort(), `${context}: an import is half applied`).toEqual(imported.sort());
  // Period archives: one per acknowledged closing, each referenced archive on disk and valid.
  const closed = r.data.periods.filter((p) => p.archiveFile);
  expect(closed.length, `${context}: a closed period is lost or doubled`).toBe(Math.floor(counter / ARCHIVE_EVERY));
  for (const p of closed) {
    const a = loadArchive(dir, p);
    if (!a.ok) throw new Error(`${context}: archive ${p.archiveFile} is ${a.problem}`);
  }
  // Backups are written like the datastore: the newest one (the likeliest to be cut) always restores.
  const newest = listBackups(dir)[0];
  if (newest) expect(() => readBackupFile(newest.file, (t, l) => inspectText(t, l)), `${context}: ${newest.name}`).not.toThrow();
  return counter;
}

async function lane(writer: string[], dir: string, rand: () => number, laneNo: number): Promise<LaneStats> {
  const stats: LaneStats = { kills: 0, killsBeforeReady: 0, killsWithWriteInFlight: 0, writesAcknowledged: 0, finalCounter: 0, during: { backup: 0, archive: 0, import: 0 } };
  let maxAck = 0;
  let maxStarted = 0;
  for (let i = 0; i < KILLS_PER_LANE; i++) {
    // Mostly while writing; one in five from spawn, to hit opening, lock take-over, temp clean-up and backups.
    const fromReady = rand() >= 0.2;
    // One kill in four after ready waits longer, so backups, archives and imports are under way when it falls.
    const delay = fromReady ? Math.floor(rand() * (rand() < 0.25 ? 300 : 50)) : Math.floor(rand() * 260);
    const r = await runOnce(writer, dir, delay, fromReady);
    const context = `lane ${laneNo}, kill ${i + 1} (${fromReady ? 'after ready' : 'from spawn'} +${delay} ms, seed ${SEED})`;
    if (!r.killedByUs) throw new Error(`${context}: the writer stopped by itself: ${r.stderr}`);
    stats.kills++;
    if (!r.ready) stats.killsBeforeReady++;
    if (r.inFlight) stats.killsWithWriteInFlight++;
    for (const op of r.open) stats.during[op.split(' ')[0] as keyof LaneStats['during']]++;
    stats.writesAcknowledged += r.acked.length;
    // Acks of one run come in increasing order, and must exceed everything acknowledged before.
    for (let k = 1; k < r.acked.length; k++) expect(r.acked[k]).toBeGreaterThan(r.acked[k - 1]);
    if (r.acked.length) expect(r.acked[0]).toBeGreaterThan(maxAck);
    maxAck = Math.max(maxAck, ...r.acked);
    maxStarted = Math.max(maxStarted, r.maxStarted);
    stats.finalCounter = verify(dir, maxAck, maxStarted, context);
  }
  return stats;
}

describe('crash safety under SIGKILL', () => {
  let work: string;
  /** Node arguments that run the writer (before its DIR argument). */
  let writer: string[];
  let how = '';

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'clspd-crash-'));
    const source = resolve(__dirname, '../helpers/crash-writer.ts');
    // CRASH_WRITER_BUNDLE: a prebuilt writer (e.g. with a deliberately broken store) to check this test can fail.
    if (process.env.CRASH_WRITER_BUNDLE) {
      writer = [process.env.CRASH_WRITER_BUNDLE];
      how = 'given bundle';
      return;
    }
    try {
      // Bundled once so each of the hundreds of children starts in ~0.15 s (tsx would add its own start-up).
      // esbuild comes with vite and tsx; if it is missing, fall back to the tsx loader.
      const { build } = await import('esbuild');
      const out = join(work, 'crash-writer.cjs');
      // Minified: about a fifth less start-up per child.
      await build({ entryPoints: [source], bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'error' });
      writer = [out];
      how = 'esbuild bundle';
    } catch {
      writer = ['--import', 'tsx', source];
      how = 'tsx loader';
    }
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write across ${KILLS_PER_LANE * LANES} SIGKILLs`, async () => {
    const started = performance.now();
    const rand = mulberry32(SEED);
    const seeds = Array.from({ length: LANES }, () => Math.floor(rand() * 2 ** 31));
    const dirs = Array.from({ length: LANES }, (_, i) => join(work, `lane-${i}`));
    const results = await Promise.all(dirs.map((d, i) => lane(writer, d, mulberry32(seeds[i]), i + 1)));
    const seconds = (performance.now() - started) / 1000;

    for (const [i, dir] of dirs.entries()) {
      // The next writer (here: this process) takes over the dead writer's lock and removes its temp files.
      const store = Store.open(dir, { owner: 'test' });
      try {
        expect(store.state.status).toBe('ok');
        expect(Number(store.data.settings.address)).toBe(results[i].finalCounter);
        await store.update((d) => {
          d.settings.address = String(results[i].finalCounter + 1);
        });
      } finally {
        await store.close();
      }
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      expect(readdirSync(join(dir, BACKUP_DIR)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      expect(existsSync(join(dir, 'clspd.lock'))).toBe(false);
      // Backups are written like the datastore: none may be truncated.
      for (const b of listBackups(dir)) expect(() => readBackupFile(b.file, (t, l) => inspectText(t, l)), b.name).not.toThrow();
    }

    const total = results.reduce(
      (a, r) => ({
        kills: a.kills + r.kills,
        killsBeforeReady: a.killsBeforeReady + r.killsBeforeReady,
        killsWithWriteInFlight: a.killsWithWriteInFlight + r.killsWithWriteInFlight,
        writesAcknowledged: a.writesAcknowledged + r.writesAcknowledged,
      }),
      { kills: 0, killsBeforeReady: 0, killsWithWriteInFlight: 0, writesAcknowledged: 0 },
    );
    const during = (k: keyof LaneStats['during']) => results.reduce((a, r) => a + r.during[k], 0);
    console.log(
      `crash test: ${total.kills} SIGKILLs (${total.killsBeforeReady} during start-up, ${total.killsWithWriteInFlight} with a write in flight, ` +
        `${during('backup')} during a backup, ${during('archive')} during a period archive, ${during('import')} during an import), ` +
        `${total.writesAcknowledged} acknowledged writes all verified, final counters ${results.map((r) => r.finalCounter).join(' / ')}, ` +
        `${seconds.toFixed(1)} s, seed ${SEED}, writer via ${how}`,
    );
    expect(total.kills).toBeGreaterThanOrEqual(MIN_KILLS);
    // Each kind of operation was really interrupted (they are begun every few writes).
    if (total.kills >= 200) for (const k of ['backup', 'archive', 'import'] as const) expect(during(k), `kills during ${k}`).toBeGreaterThan(0);
    // The writer now also makes backups, closes periods and imports between writes: fewer writes per run. How many
    // get acknowledged between kills depends on the machine's load (37 for 220 kills seen at load 14, 55+ when quiet):
    // the floor only proves that writes were really verified, not a speed.
    expect(total.writesAcknowledged).toBeGreaterThan(total.kills / 10);
    expect(total.killsWithWriteInFlight).toBeGreaterThan(total.kills / 4);
  }, TIMEOUT_MS);
});
