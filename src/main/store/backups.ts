// Rotating complete backups of the data folder's state (see backupFormat.ts) in its `backups/` subfolder.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { encodeBackup, readState } from './backupFormat';
import { writeFileDurable } from './durable';

export const BACKUP_DIR = 'backups';
export const MAX_BACKUPS = 30;

export type BackupReason = 'start' | 'daily' | 'migration' | 'restore' | 'manual' | 'import' | 'broken';

export interface BackupInfo {
  file: string;
  name: string;
  reason: string;
  createdAt: string;
  size: number;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '').replace('T', '-');
}

/**
 * Writes a complete backup of `dataDir` (main file, archives, protected store) to `target`, atomically: a crash
 * leaves either the previous file or the whole new one at that exact path. `main` replaces the main file's bytes.
 * Returns the number of state files and the size written.
 */
export function writeBackupFile(dataDir: string, target: string, reason: string | undefined, now = new Date(), main?: Uint8Array): { files: number; bytes: number } {
  const files = readState(dataDir, main);
  const data = encodeBackup(files, { createdAt: now, reason });
  writeFileDurable(target, data);
  return { files: files.length, bytes: data.length };
}

/**
 * Backs the folder's whole state up into backups/ with a dated name (`clspd-<stamp>-<reason>.zip`); returns its
 * path. `source` is the main file to copy (by default the folder's own; a migration passes the file as it was).
 * Keeps at most MAX_BACKUPS.
 */
export function createBackup(dataDir: string, source: string | undefined, reason: BackupReason, now = new Date()): string {
  const dir = join(dataDir, BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  let target = join(dir, `clspd-${stamp(now)}-${reason}.zip`);
  for (let i = 2; existsSync(target) || existsSync(target.replace(/\.zip$/, '.json')); i++) target = join(dir, `clspd-${stamp(now)}-${reason}-${i}.zip`);
  writeBackupFile(dataDir, target, reason, now, source && existsSync(source) ? readFileSync(source) : undefined);
  rotateBackups(dataDir);
  return target;
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = join(dataDir, BACKUP_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    // .zip: complete backups; .json: the main file alone, made by earlier versions (still restorable).
    .filter((n) => /^clspd-\d{8}-\d{6}-[a-z]+(-\d+)?\.(json|zip)$/.test(n))
    .map((name) => {
      const file = join(dir, name);
      const st = statSync(file);
      const m = /^clspd-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-([a-z]+)(?:-(\d+))?\.(?:json|zip)$/.exec(name)!;
      return {
        file,
        name,
        reason: m[7],
        createdAt: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`,
        size: st.size,
        seq: m[8] ? Number(m[8]) : 1,
      };
    })
    // Newest first: by stamp, then by the -N suffix given to several backups in the same second (-10 after -9).
    .sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : b.seq - a.seq || (a.name < b.name ? 1 : -1)))
    .map(({ file, name, reason, createdAt, size }) => ({ file, name, reason, createdAt, size }));
}

/** At most this many backups made at start are kept, so frequent restarts cannot push the daily history out. */
export const MAX_START_BACKUPS = 10;

/**
 * Deletes the oldest backups beyond MAX_BACKUPS, never a "broken" one (it may be the only copy of lost data).
 * Start backups beyond MAX_START_BACKUPS go first: ten launches a day must not leave only one day of history.
 */
export function rotateBackups(dataDir: string, max = MAX_BACKUPS, maxStart = MAX_START_BACKUPS): void {
  const all = listBackups(dataDir).filter((b) => b.reason !== 'broken');
  const starts = all.filter((b) => b.reason === 'start');
  const extraStarts = new Set(starts.slice(maxStart).map((b) => b.file));
  const kept = all.filter((b) => !extraStarts.has(b.file));
  for (const file of extraStarts) rmSync(file, { force: true });
  for (const b of kept.slice(max)) rmSync(b.file, { force: true });
}

/** True when no backup was made today (UTC date, as in the backup names). */
export function needsDailyBackup(dataDir: string, now = new Date()): boolean {
  const today = now.toISOString().slice(0, 10);
  return !listBackups(dataDir).some((b) => b.createdAt.slice(0, 10) === today);
}
