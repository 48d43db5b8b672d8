// The folder lock (src/main/store/lock.ts): a reused pid or a reboot cannot fake a holder, takeover is atomic between processes.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../src/shared/result';
import { acquireLock, HEARTBEAT_MS, judgeHolder, LOCK_FILE, SILENT_AFTER_MS, TAKEOVER_FILE, type LockInfo } from '../../src/main/store/lock';
import { systemProbe, systemStartMark, type ProcessIdentity } from '../../src/main/store/process-identity';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'clspd-lock-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const me: ProcessIdentity = { pid: 1000, host: 'PC-MAIRIE', bootId: 'boot-a', bootTime: 1_700_000_000_000, startMark: 'ticks:500' };
const alive = (marks: Record<number, string> = {}) => ({ isAlive: (pid: number) => pid in marks || pid === 2000, startMarkOf: (pid: number) => marks[pid] });
const holder = (over: Partial<LockInfo> = {}): LockInfo => ({ pid: 2000, owner: 'app', host: 'PC-MAIRIE', bootId: 'boot-a', bootTime: me.bootTime, startMark: 'ticks:900', nonce: 'n', ...over });

function caught(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a throw');
}

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('judging the holder of a lock', () => {
  it('a live process of this boot with the recorded start is alive', () => {
    expect(judgeHolder(holder(), 1000, me, alive({ 2000: 'ticks:900' }), false)).toEqual({ kind: 'alive' });
  });

  it('a reused pid cannot fake the holder: another boot, another start, or our own pid not held here is stale', () => {
    // After a reboot the pid belongs to some other program (Linux boot id, or boot time elsewhere).
    expect(judgeHolder(holder({ bootId: 'boot-b' }), 1000, me, alive(), false)).toEqual({ kind: 'stale', reason: 'reboot' });
    expect(judgeHolder(holder({ bootId: undefined, bootTime: me.bootTime - 3_600_000 }), 1000, { ...me, bootId: undefined }, alive(), false)).toEqual({ kind: 'stale', reason: 'reboot' });
    // Same boot (Windows fast start-up keeps it), pid alive but started at another moment: not our holder.
    expect(judgeHolder(holder(), 1000, me, alive({ 2000: 'ticks:12345' }), false)).toEqual({ kind: 'stale', reason: 'pid-reused' });
    expect(judgeHolder(holder({ pid: me.pid }), 1000, me, alive(), false)).toEqual({ kind: 'stale', reason: 'own-pid' });
    expect(judgeHolder(holder({ pid: me.pid }), 1000, me, alive(), true)).toEqual({ kind: 'held-here' });
    expect(judgeHolder(holder({ pid: 3000 }), 1000, me, alive(), false)).toEqual({ kind: 'stale', reason: 'dead' });
  });

  it('a lock whose heartbeat stopped long ago is stale even if its pid runs (fast start-up, no start time on Windows)', () => {
    const probe = { isAlive: () => true, startMarkOf: () => undefined };
    expect(judgeHolder(holder({ startMark: undefined }), HEARTBEAT_MS * 2, me, probe, false)).toEqual({ kind: 'alive' });
    expect(judgeHolder(holder({ startMark: undefined }), SILENT_AFTER_MS + 1, me, probe, false)).toEqual({ kind: 'stale', reason: 'silent' });
  });

  it('another computer (network share) holds it until it has been silent for ten minutes', () => {
    expect(judgeHolder(holder({ host: 'PC-ACCUEIL' }), 5_000, me, alive(), false)).toEqual({ kind: 'remote' });
    expect(judgeHolder(holder({ host: 'PC-ACCUEIL' }), SILENT_AFTER_MS + 1, me, alive(), false)).toEqual({ kind: 'stale', reason: 'silent' });
  });

  it('locks of earlier versions (pid only) are judged by their pid; unreadable ones are stale', () => {
    expect(judgeHolder({ pid: 2000, owner: 'cli' }, SILENT_AFTER_MS * 10, me, alive(), false)).toEqual({ kind: 'alive' });
    expect(judgeHolder({ pid: 3000, owner: 'cli' }, 0, me, alive(), false)).toEqual({ kind: 'stale', reason: 'dead' });
    expect(judgeHolder(null, 0, me, alive(), false)).toEqual({ kind: 'stale', reason: 'unreadable' });
  });

  it('this system reports a start mark for a running process, stable over time, different for another process', () => {
    if (process.platform !== 'linux' && process.platform !== 'darwin') return;
    const mine = systemStartMark(process.pid);
    expect(mine).toBeDefined();
    expect(systemStartMark(process.pid)).toBe(mine);
    expect(systemStartMark(process.ppid)).not.toBe(mine);
    expect(systemStartMark(deadPid())).toBeUndefined();
  });
});

describe('acquiring the lock', () => {
  it('records pid, machine, boot and process start', () => {
    const dir = tempDir();
    const lock = acquireLock(dir, 'app');
    const info = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockInfo;
    const self = systemProbe.self();
    expect(info).toMatchObject({ pid: process.pid, owner: 'app', host: self.host, bootTime: self.bootTime });
    if (process.platform === 'linux') expect(info.bootId).toMatch(/\w/);
    if (process.platform === 'linux') expect(info.startMark).toMatch(/^ticks:\d+$/);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock left by this app before a reboot even though its pid now belongs to a live process', () => {
    const dir = tempDir();
    const self = systemProbe.self();
    // process.ppid is alive: with pid-only judgement (the old lock) this folder could never be opened again.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, owner: 'app', host: self.host, bootId: 'an-earlier-boot', bootTime: self.bootTime - 86_400_000 }));
    const lock = acquireLock(dir, 'app');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a folder held from another computer, saying in French what to do', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 4242, owner: 'app', host: 'PC-ACCUEIL', bootTime: 0, nonce: 'x' }));
    const e = caught(() => acquireLock(dir, 'app'));
    expect(e.code).toBe('locked');
    expect(e.message).toContain('« PC-ACCUEIL »');
    expect(e.message).toContain('Fermez-la sur cet ordinateur');
    expect(e.message).toContain('10 minutes');
    // Ten minutes without a heartbeat later, the folder is free.
    const old = new Date(Date.now() - SILENT_AFTER_MS - 60_000);
    utimesSync(join(dir, LOCK_FILE), old, old);
    acquireLock(dir, 'app').release();
  });

  it('release leaves alone a lock that is no longer ours', () => {
    const dir = tempDir();
    const lock = acquireLock(dir, 'app');
    const other = JSON.stringify({ pid: process.ppid, owner: 'cli', nonce: 'someone-else' });
    writeFileSync(join(dir, LOCK_FILE), other);
    lock.release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(other);
  });

  it('the holder refreshes its lock (heartbeat), so a live app is never judged silent', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const dir = tempDir();
    const lock = acquireLock(dir, 'app');
    const old = new Date(Date.now() - SILENT_AFTER_MS);
    utimesSync(join(dir, LOCK_FILE), old, old);
    vi.advanceTimersByTime(HEARTBEAT_MS);
    expect(Date.now() - statSync(join(dir, LOCK_FILE)).mtimeMs).toBeLessThan(5_000);
    lock.release();
  });

  it('a takeover re-checks under its takeover file: if another process replaced the stale lock meanwhile, it does not overwrite it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), owner: 'app' }));
    const winner = JSON.stringify({ pid: process.ppid, owner: 'cli', nonce: 'winner' });
    let calls = 0;
    const e = caught(() =>
      acquireLock(dir, 'app', {
        duringTakeover: () => {
          calls++;
          writeFileSync(join(dir, LOCK_FILE), winner); // the other process finished its takeover first
        },
      }),
    );
    expect(calls).toBe(1);
    expect(e.code).toBe('locked');
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(winner);
    expect(existsSync(join(dir, TAKEOVER_FILE))).toBe(false);
  });

  it('waits while another process holds the takeover file, and clears one abandoned by a killed process', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), owner: 'app' }));
    const self = systemProbe.self();
    writeFileSync(join(dir, TAKEOVER_FILE), JSON.stringify({ ...self, pid: deadPid(), owner: 'app' }));
    const lock = acquireLock(dir, 'app');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    expect(readdirSync(dir).sort()).toEqual([LOCK_FILE]);
    lock.release();
    // A live taker (here: our parent process) is waited for, then the attempt gives up with a French message.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), owner: 'app' }));
    writeFileSync(join(dir, TAKEOVER_FILE), JSON.stringify({ ...self, pid: process.ppid, startMark: systemStartMark(process.ppid), owner: 'app' }));
    const e = caught(() => acquireLock(dir, 'app'));
    expect(e.code).toBe('locked');
    expect(e.message).toContain('Réessayez dans un instant');
  });
});

describe('two processes taking over the same stale lock at the same instant', () => {
  const source = resolve(__dirname, '../helpers/lock-contender.ts');
  /** Node arguments that run a contender: bundled once (a child then starts in a fraction of tsx's time). */
  let contender: string[] = ['--import', 'tsx', source];
  beforeAll(async () => {
    try {
      const { build } = await import('esbuild');
      const out = join(tempDir(), 'lock-contender.cjs');
      await build({ entryPoints: [source], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'error' });
      contender = [out];
    } catch {
      // esbuild missing: the tsx loader works, only slower.
    }
  });
  /** Starts a contender and resolves once it is loaded and waiting for « go ». */
  const start = (dir: string) =>
    new Promise<{ child: ChildProcessWithoutNullStreams; next: () => Promise<string> }>((ready, fail) => {
      const child = spawn(process.execPath, [...contender, dir]);
      const lines: string[] = [];
      let waiting: ((l: string) => void) | undefined;
      let buf = '';
      child.stdout.on('data', (c: Buffer) => {
        buf += c.toString();
        for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (line === 'ready') ready({ child, next });
          else if (waiting) waiting(line);
          else lines.push(line);
        }
      });
      const next = () => new Promise<string>((r) => (lines.length ? r(lines.shift()!) : (waiting = r)));
      child.on('error', fail);
    });

  it('exactly one of them gets it, every time', async () => {
    for (let round = 0; round < 8; round++) {
      const dir = mkdtempSync(join(tmpdir(), 'clspd-lock-race-'));
      dirs.push(dir);
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), owner: 'app', since: new Date(0).toISOString() }));
      const contenders = await Promise.all([start(dir), start(dir)]);
      // Both are loaded; « go » reaches them within a millisecond, and the winner keeps the lock until both have
      // answered: two winners would be two holders at once.
      for (const c of contenders) c.child.stdin.write('go\n');
      const results = await Promise.all(contenders.map((c) => c.next()));
      const closed = contenders.map((c) => new Promise((r) => c.child.on('close', r)));
      for (const c of contenders) c.child.stdin.write('release\n');
      await Promise.all(closed);
      expect(results.filter((r) => r === 'acquired'), results.join(' / ')).toHaveLength(1);
      expect(results.find((r) => r !== 'acquired')).toMatch(/^refused locked .*déjà ouvertes/);
      expect(readdirSync(dir)).toEqual([]);
    }
  }, 120_000);
});
