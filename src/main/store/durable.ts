// Crash-safe file writes: unique temp file, fsync, rename over the target, fsync of the folder.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { store as t } from '../../shared/i18n/store';
import { DomainError } from '../../shared/result';

export function fsyncDir(dir: string): void {
  // Windows cannot open a directory for fsync; the rename is durable enough there.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Rename failures that a moment later would succeed: the target is briefly held open by another program. */
const TRANSIENT_RENAME_ERRORS = new Set(['EPERM', 'EBUSY']);
/** On Windows a sharing violation on the target can also come back as EACCES. */
const TRANSIENT_RENAME_ERRORS_WINDOWS = new Set(['EACCES']);
/** How long a rename is retried before giving up (antivirus scans and sync clients release files within this). */
export const RENAME_RETRY_MS = 2_000;

/** The file-system calls of the durable writer, replaceable in tests to inject failures. */
export interface DurableIo {
  rename(from: string, to: string): void;
  platform: NodeJS.Platform;
  sleep(ms: number): void;
}

const defaultIo: DurableIo = {
  rename: renameSync,
  platform: process.platform,
  sleep: (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms),
};

function isTransient(code: string, platform: NodeJS.Platform): boolean {
  return TRANSIENT_RENAME_ERRORS.has(code) || (platform === 'win32' && TRANSIENT_RENAME_ERRORS_WINDOWS.has(code));
}

/**
 * Renames, retrying with a growing pause for about two seconds when the target is briefly held open
 * (antivirus, indexer, backup or sync client): such a rename fails with EPERM/EBUSY (or EACCES on Windows)
 * although it would succeed a moment later. Gives up with a French io error naming the cause.
 */
export function renameWithRetry(
  from: string,
  to: string,
  rename: (a: string, b: string) => void = defaultIo.rename,
  platform: NodeJS.Platform = defaultIo.platform,
  sleep: (ms: number) => void = defaultIo.sleep,
): void {
  let waited = 0;
  for (let delay = 10; ; delay = Math.min(delay * 2, 250)) {
    try {
      rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (!isTransient(code, platform)) throw e;
      if (waited >= RENAME_RETRY_MS) throw new DomainError('io', t.fileBusy(basename(to), code));
      const pause = Math.min(delay, RENAME_RETRY_MS - waited);
      sleep(pause);
      waited += pause;
    }
  }
}

/** Writes `data` to `file` so that after return the new content survives a crash or a power cut. */
export function writeFileDurable(file: string, data: string | Uint8Array, io: Partial<DurableIo> = {}): void {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameWithRetry(tmp, file, io.rename, io.platform, io.sleep);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDir(dir);
}

const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/;

/**
 * Removes temp files left in `dir` by writers killed mid-write (their pid is gone, or is ours: our own writes
 * are synchronous, so none is in flight). Returns how many were removed.
 */
export function removeStaleTemps(dir: string, isAlive: (pid: number) => boolean): number {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && isAlive(pid)) continue;
    rmSync(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}
