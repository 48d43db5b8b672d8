// Crash-safe file writes: unique temp file, fsync, rename over the target, fsync of the folder.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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

const TRANSIENT_RENAME_ERRORS = new Set(['EPERM', 'EACCES', 'EBUSY']);

/**
 * Renames, retrying for about a second on Windows when the target is briefly held open (antivirus, indexer,
 * backup tools): there, such a rename fails with EPERM/EACCES/EBUSY although it would succeed a moment later.
 */
export function renameWithRetry(
  from: string,
  to: string,
  rename: (a: string, b: string) => void = renameSync,
  platform: NodeJS.Platform = process.platform,
  sleep: (ms: number) => void = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms),
): void {
  let waited = 0;
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    try {
      rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (platform !== 'win32' || !TRANSIENT_RENAME_ERRORS.has(code) || waited >= 1_000) throw e;
      sleep(delay);
      waited += delay;
    }
  }
}

/** Writes `data` to `file` so that after return the new content survives a crash or a power cut. */
export function writeFileDurable(file: string, data: string | Uint8Array): void {
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
    renameWithRetry(tmp, file);
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
