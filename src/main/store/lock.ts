// One writer per data folder: a lock file holding the owner's pid, shared by the app and the CLI.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../shared/result';

export const LOCK_FILE = 'clspd.lock';

function isAlive(pid: number): boolean {
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

/** Takes the folder's lock or throws a French `locked` error naming the holder. A stale lock is taken over. */
export function acquireLock(dataDir: string, owner: string): FolderLock {
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, owner, since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
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
      if (holder.pid !== undefined && isAlive(holder.pid) && holder.pid !== process.pid) {
        const who = holder.owner === 'cli' ? 'la ligne de commande' : 'l’application Coordination CLSPD';
        throw new DomainError(
          'locked',
          `Ces données sont déjà ouvertes par ${who} (processus ${holder.pid}). Fermez-la puis réessayez.`,
        );
      }
      // Stale lock (its process is gone, or it is ours): remove it and try once more.
      rmSync(file, { force: true });
    }
  }
  throw new DomainError('locked', 'Impossible de réserver le dossier de données. Réessayez dans un instant.');
}
