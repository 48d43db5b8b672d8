// Restoring a validated backup into a data folder: the current state moved aside first, then every file of the backup written, the main file last.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { backup as t } from '../../shared/i18n/backup';
import { SCHEMA_VERSION } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { BACKUP_DIR, createBackup } from './backups';
import { readState, type DecodedBackup, type StateFile } from './backupFormat';
import { fsyncDir, writeFileDurable, type DurableIo } from './durable';
import { listStateFiles, MAIN_FILE, statePathOnDisk } from './layout';

export interface RestoreOutcome {
  /** The complete backup of the state as it was before the restore (in backups/), when there was one. */
  movedAside?: string;
  kind: DecodedBackup['kind'];
  /** French remarks for the coordinator (e.g. archives an old backup does not hold). */
  warnings: string[];
}

/**
 * Replaces the folder's state by the decoded backup. The backup must already be validated (decodeBackup): this
 * only writes. Order: the current state is saved whole into backups/ (`-restore.zip`, or `-broken.zip` when it
 * could not be read); then the backup's archives and protected files are written (each atomically), then the
 * main file, which is the commit point (before it, the previous main file still opens with its own archives);
 * then state files the backup does not have are removed. A backup from an earlier version holds only the main
 * file: it replaces that file and leaves archives and the protected store in place.
 */
export function applyBackup(dataDir: string, b: DecodedBackup, opts: { now: Date; broken: boolean; io?: Partial<DurableIo> }): RestoreOutcome {
  const main = join(dataDir, MAIN_FILE);
  let movedAside: string | undefined;
  let unreadableMoved: string | undefined;
  if (existsSync(main) && !isReadableFile(main)) {
    // A main file that cannot even be read (a folder in its place, no permission) is kept as it is, renamed.
    movedAside = unreadableMoved = keepUnreadable(dataDir, main, opts.now);
  }
  const before = listStateFiles(dataDir);
  if (before.length) {
    const zip = createBackup(dataDir, existsSync(main) ? main : undefined, opts.broken ? 'broken' : 'restore', opts.now);
    movedAside ??= zip;
  }
  // Kept in memory too, so that a failure part way puts the folder back exactly as it was (never half restored).
  const previous = readState(dataDir);
  const dirs = new Set<string>([dataDir]);
  try {
    writeRestored(dataDir, b, dirs, before, opts.io);
  } catch (e) {
    putBack(dataDir, previous, unreadableMoved, opts.io);
    throw new DomainError('io', t.restoreFailed((e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e))));
  }
  const warnings: string[] = [];
  if (b.kind !== 'complete') {
    const missing = b.data.periods.filter((p) => p.archiveFile && !existsSync(join(dataDir, p.archiveFile))).map((p) => p.archiveFile!);
    if (missing.length) warnings.push(t.legacyMissingArchives(missing));
  }
  for (const d of dirs) if (existsSync(d)) fsyncDir(d);
  return { movedAside, kind: b.kind, warnings };
}

/** The writes of a restore: archives and protected files, the main file (commit point), then files the backup lacks removed. */
function writeRestored(dataDir: string, b: DecodedBackup, dirs: Set<string>, before: string[], io?: Partial<DurableIo>): void {
  for (const f of b.files) {
    if (f.path === MAIN_FILE) continue;
    const file = statePathOnDisk(dataDir, f.path);
    mkdirSync(dirname(file), { recursive: true });
    dirs.add(dirname(file));
    writeFileDurable(file, f.data, io);
  }
  // The validated (and, if older, migrated) document, exactly as the store will read it.
  writeFileDurable(join(dataDir, MAIN_FILE), JSON.stringify({ ...b.data, schemaVersion: SCHEMA_VERSION }), io);
  if (b.kind !== 'complete') return;
  const kept = new Set(b.files.map((f) => f.path));
  for (const rel of before) {
    if (kept.has(rel)) continue;
    const file = statePathOnDisk(dataDir, rel);
    rmSync(file, { force: true });
    dirs.add(dirname(file));
  }
}

/** A restore failed part way: every state file back as it was, files it added removed (best effort; the zip in backups/ holds the same). */
function putBack(dataDir: string, previous: StateFile[], unreadableMoved: string | undefined, io?: Partial<DurableIo>): void {
  const had = new Set(previous.map((f) => f.path));
  for (const rel of listStateFiles(dataDir)) if (!had.has(rel)) rmSync(statePathOnDisk(dataDir, rel), { force: true });
  for (const f of previous) {
    try {
      writeFileDurable(statePathOnDisk(dataDir, f.path), f.data, io);
    } catch {
      // Still in the -restore.zip saved first.
    }
  }
  if (unreadableMoved && !existsSync(join(dataDir, MAIN_FILE))) renameSync(unreadableMoved, join(dataDir, MAIN_FILE));
}

function isReadableFile(file: string): boolean {
  try {
    readFileSync(file);
    return true;
  } catch {
    return false;
  }
}

function keepUnreadable(dataDir: string, main: string, now: Date): string {
  const dir = join(dataDir, BACKUP_DIR);
  mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..+$/, '').replace('T', '-');
  let target = join(dir, `clspd-${stamp}-broken.json`);
  for (let i = 2; existsSync(target); i++) target = join(dir, `clspd-${stamp}-broken-${i}.json`);
  renameSync(main, target);
  fsyncDir(dir);
  return target;
}

/** What a restore hook learns. The store is already reloaded on the restored state when it runs. */
export interface RestoredInfo {
  dataDir: string;
  kind: DecodedBackup['kind'];
  /** When the backup was made (complete backups only). */
  createdAt?: string;
}

/**
 * Called after every restore (CLI, Paramètres, recovery screen, import of a backup), before the restore is
 * reported done. Issue 9 plugs its retention engine in here so that situations whose retention ended since the
 * backup was made are destroyed again at once. A hook that throws makes the restore report a French error (the
 * restored files stay in place; the previous state is in backups/).
 */
export type RestoreHook = (info: RestoredInfo) => void | Promise<void>;

const hooks = new Set<RestoreHook>();

/** Registers a hook run after each restore; returns the function that removes it. */
export function addRestoreHook(hook: RestoreHook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

export async function runRestoreHooks(info: RestoredInfo): Promise<void> {
  for (const hook of hooks) {
    try {
      await hook(info);
    } catch (e) {
      throw new DomainError('io', t.hookFailed(e instanceof Error ? e.message : String(e)));
    }
  }
}
