// One writer per data folder: a lock file holding the owner's pid, shared by the app and the CLI.
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DomainError } from '../../shared/result';

export const LOCK_FILE = 'clspd.lock';

/** Folders whose lock this process holds now: a lock file with our own pid is stale only if it is not in here. */
const heldHere = new Set<string>();

/** True when a process with this pid exists (EPERM: it exists but belongs to another user). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface FolderLock {
  release(): void;
}

/**
 * Creates `file` with `content`, failing with EEXIST if it exists. The content is written to a temp file first
 * and hard-linked into place, so a process killed half-way never leaves an empty lock that others would misread.
 */
function createWithContent(file: string, content: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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

/** Takes the folder's lock or throws a French `locked` error naming the holder. A stale lock is taken over. */
export function acquireLock(dataDir: string, owner: string): FolderLock {
  const file = join(dataDir, LOCK_FILE);
  const key = resolve(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      createWithContent(file, JSON.stringify({ pid: process.pid, owner, since: new Date().toISOString() }));
      heldHere.add(key);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldHere.delete(key);
          rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: { pid?: number; owner?: string };
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as { pid?: number; owner?: string };
      } catch {
        holder = {};
      }
      // Our own pid is either a second open in this process (refused) or a dead process whose pid we reused.
      const heldByUs = holder.pid === process.pid && heldHere.has(key);
      if (heldByUs || (holder.pid !== undefined && holder.pid !== process.pid && isAlive(holder.pid))) {
        const who = holder.owner === 'cli' ? 'la ligne de commande' : 'l’application Coordination CLSPD';
        throw new DomainError(
          'locked',
          `Ces données sont déjà ouvertes par ${who} (processus ${holder.pid}). Fermez-la puis réessayez.`,
        );
      }
      // Stale lock (its process is gone, or a previous process had our pid): remove it and try once more.
      rmSync(file, { force: true });
    }
  }
  throw new DomainError('locked', 'Impossible de réserver le dossier de données. Réessayez dans un instant.');
}
