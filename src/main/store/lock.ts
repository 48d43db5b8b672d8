// One writer per data folder: a lock file naming its holder (pid, machine, boot, process start), shared by the app and the CLI.
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fr } from '../../shared/i18n';
import { DomainError } from '../../shared/result';
import { logWarn } from '../log';
import { systemProbe, type IdentityProbe, type ProcessIdentity } from './process-identity';

export { isAlive } from './process-identity';

export const LOCK_FILE = 'clspd.lock';
/** Taken (exclusive create) by the one process allowed to replace a stale lock; others wait and judge again. */
export const TAKEOVER_FILE = 'clspd.lock.takeover';
/** The holder refreshes its lock's modification time this often… */
export const HEARTBEAT_MS = 30_000;
/** …so a lock silent for this long belongs to nobody (a crashed app on a machine that kept its boot time). */
export const SILENT_AFTER_MS = 10 * 60_000;
const BOOT_TOLERANCE_MS = 60_000;
const TAKEOVER_STALE_MS = 10_000;
const ACQUIRE_PATIENCE_MS = 3_000;

/** What the lock file holds. Files of earlier versions have only pid, owner and since. */
export interface LockInfo {
  pid?: number;
  owner?: string;
  since?: string;
  host?: string;
  bootId?: string;
  bootTime?: number;
  startMark?: string;
  nonce?: string;
}

export type Verdict =
  | { kind: 'held-here' }
  | { kind: 'alive' }
  | { kind: 'remote' }
  | { kind: 'stale'; reason: 'unreadable' | 'reboot' | 'own-pid' | 'dead' | 'pid-reused' | 'silent' };

/** Folders whose lock this process holds now: a lock file with our own pid is stale only if it is not in here. */
const heldHere = new Set<string>();

/**
 * Whether the holder of a lock still runs. `ageMs` is the time since the lock file last changed (the heartbeat).
 * A reused pid cannot fake a live holder: a different boot, or a different process start, makes the lock stale.
 */
export function judgeHolder(holder: LockInfo | null, ageMs: number, me: ProcessIdentity, probe: Pick<IdentityProbe, 'isAlive' | 'startMarkOf'>, heldByThisProcess: boolean): Verdict {
  if (!holder || typeof holder.pid !== 'number') return { kind: 'stale', reason: 'unreadable' };
  const modern = typeof holder.host === 'string';
  if (modern && holder.host !== me.host) return ageMs > SILENT_AFTER_MS ? { kind: 'stale', reason: 'silent' } : { kind: 'remote' };
  if (holder.bootId && me.bootId) {
    if (holder.bootId !== me.bootId) return { kind: 'stale', reason: 'reboot' };
  } else if (typeof holder.bootTime === 'number' && Math.abs(holder.bootTime - me.bootTime) > BOOT_TOLERANCE_MS) {
    return { kind: 'stale', reason: 'reboot' };
  }
  if (holder.pid === me.pid) return heldByThisProcess ? { kind: 'held-here' } : { kind: 'stale', reason: 'own-pid' };
  if (!probe.isAlive(holder.pid)) return { kind: 'stale', reason: 'dead' };
  if (holder.startMark) {
    const now = probe.startMarkOf(holder.pid);
    if (now !== undefined && now !== holder.startMark) return { kind: 'stale', reason: 'pid-reused' };
  }
  if (modern && ageMs > SILENT_AFTER_MS) return { kind: 'stale', reason: 'silent' };
  return { kind: 'alive' };
}

export interface FolderLock {
  release(): void;
}

export interface LockOptions {
  probe?: IdentityProbe;
  /** Test hook: runs inside the takeover, between the re-check and the replacement. */
  duringTakeover?: () => void;
}

/**
 * Creates `file` with `content`, failing with EEXIST if it exists. The content is written to a temp file first
 * and hard-linked into place, so a process killed half-way never leaves an empty lock that others would misread.
 */
function createWithContent(file: string, content: string): void {
  const tmp = tempBeside(file);
  writeFileSync(tmp, content, { mode: 0o600 });
  try {
    linkSync(tmp, file);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw e;
    // File systems without hard links: fall back to an exclusive create.
  } finally {
    rmSync(tmp, { force: true });
  }
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

function tempBeside(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function readLock(file: string): { raw: string; ageMs: number } | undefined {
  try {
    const ageMs = Date.now() - statSync(file).mtimeMs;
    return { raw: readFileSync(file, 'utf8'), ageMs };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function parseLock(raw: string): LockInfo | null {
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as LockInfo) : null;
  } catch {
    return null;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A takeover file left by a process killed during its takeover (a few milliseconds of work) is removed. */
function clearAbandonedTakeover(mutex: string, me: ProcessIdentity, probe: IdentityProbe): void {
  try {
    const current = readLock(mutex);
    if (!current) return;
    const taker = parseLock(current.raw);
    const abandoned = current.ageMs > TAKEOVER_STALE_MS || (taker !== null && judgeHolder(taker, 0, me, probe, false).kind === 'stale');
    if (!abandoned) return;
    const aside = tempBeside(mutex);
    renameSync(mutex, aside); // only one process wins the rename
    rmSync(aside, { force: true });
  } catch {
    // Gone already, or another process cleared it.
  }
}

/**
 * Replaces the stale lock `staleRaw` by ours, atomically: only the process that creates the takeover file may do
 * it, and only if the lock still holds exactly what was judged stale. Returns false when another process got there.
 */
function takeOver(file: string, staleRaw: string, content: string, me: ProcessIdentity, probe: IdentityProbe, options: LockOptions): boolean {
  const mutex = join(dirname(file), TAKEOVER_FILE);
  try {
    createWithContent(mutex, content);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    clearAbandonedTakeover(mutex, me, probe);
    return false;
  }
  try {
    options.duringTakeover?.();
    if (readLock(file)?.raw !== staleRaw) return false;
    const tmp = tempBeside(file);
    writeFileSync(tmp, content, { mode: 0o600 });
    renameSync(tmp, file);
    return true;
  } finally {
    rmSync(mutex, { force: true });
  }
}

function lockedError(holder: LockInfo, verdict: Verdict): DomainError {
  const who = holder.owner === 'cli' ? fr.shell.lock.holderCli : fr.shell.lock.holderApp;
  if (verdict.kind === 'remote') return new DomainError('locked', fr.shell.lock.heldElsewhere(who, String(holder.host), SILENT_AFTER_MS / 60_000));
  return new DomainError('locked', fr.shell.lock.heldHere(who, holder.pid ?? 0));
}

/** Takes the folder's lock or throws a French `locked` error naming the holder. A stale lock is taken over atomically. */
export function acquireLock(dataDir: string, owner: string, options: LockOptions = {}): FolderLock {
  const probe = options.probe ?? systemProbe;
  const file = join(dataDir, LOCK_FILE);
  const key = resolve(dataDir);
  const me = probe.self();
  const nonce = randomBytes(8).toString('hex');
  const content = JSON.stringify({ pid: me.pid, owner, since: new Date().toISOString(), host: me.host, bootId: me.bootId, bootTime: me.bootTime, startMark: me.startMark, nonce } satisfies LockInfo);
  const deadline = Date.now() + ACQUIRE_PATIENCE_MS;
  for (;;) {
    try {
      createWithContent(file, content);
      return holdLock(file, key, nonce);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const current = readLock(file);
    if (current) {
      const holder = parseLock(current.raw);
      const verdict = judgeHolder(holder, current.ageMs, me, probe, heldHere.has(key));
      if (verdict.kind !== 'stale') throw lockedError(holder ?? {}, verdict);
      if (takeOver(file, current.raw, content, me, probe, options)) {
        logWarn('lock.takeover', { reason: verdict.reason, previousOwner: holder?.owner ?? null, ageSeconds: Math.round(current.ageMs / 1000) });
        return holdLock(file, key, nonce);
      }
    }
    if (Date.now() > deadline) throw new DomainError('locked', fr.shell.lock.busy);
    sleep(10 + Math.floor(Math.random() * 20));
  }
}

/** The held lock: refreshed every HEARTBEAT_MS, removed on release only if it is still ours. */
function holdLock(file: string, key: string, nonce: string): FolderLock {
  heldHere.add(key);
  const ours = () => readLock(file)?.raw.includes(`"nonce":"${nonce}"`) === true;
  const beat = setInterval(() => {
    try {
      const now = new Date();
      if (ours()) utimesSync(file, now, now);
    } catch {
      // A missing heartbeat only makes the lock look older; the next beat retries.
    }
  }, HEARTBEAT_MS);
  beat.unref();
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      clearInterval(beat);
      heldHere.delete(key);
      try {
        if (ours()) rmSync(file, { force: true });
      } catch {
        // Unreadable now: leave it; the next opening judges it stale by boot, pid or silence.
      }
    },
  };
}
