// Complete backup export and restore through the sharing screens (same file as `clspd backup`); a backup is not a share.
import { backup as t } from '../../../shared/i18n/backup';
import { sharing } from '../../../shared/i18n/sharing';
import { DomainError } from '../../../shared/result';
import { backupCounts, decodeBackup, encodeBackup, readBackupFile, readState, type DecodedBackup } from '../../store/backupFormat';
import { PROTECTED_DIR } from '../../store/layout';
import { inspectText } from '../../store/store';
import type { DataStore } from '../context';


export interface BackupExport {
  data: Uint8Array;
  counts: BackupCounts;
  archives: number;
  protectedFiles: number;
  /** Reminder shown with the file: a backup is not a share. */
  notice: string;
}

export interface BackupCounts {
  partners: number;
  people: number;
  instances: number;
  meetings: number;
  actions: number;
}

/**
 * The folder's whole state (live data, archived periods, protected store still encrypted) in one backup file.
 * `main`: the live document's bytes when they are not a file of the folder (the team server keeps them in PostgreSQL).
 */
export async function exportBackup(store: DataStore, now: Date, main?: Uint8Array): Promise<BackupExport> {
  await store.flush();
  if (!store.isReady) throw new DomainError('io', t.nothingToSave);
  const files = readState(store.dataDir, main);
  const data = encodeBackup(files, { createdAt: now, reason: 'export' });
  // The file is read back with the restore's own checks before it is handed over: what is saved can be restored.
  const decoded = decodeBackup(Buffer.from(data), (text, label) => inspectText(text, label));
  return {
    data,
    counts: backupCounts(decoded),
    archives: decoded.archives.length,
    protectedFiles: files.filter((f) => f.path.startsWith(`${PROTECTED_DIR}/`)).length,
    notice: sharing.backupIsNotAShare,
  };
}

export interface BackupPreview {
  counts: BackupCounts;
  migrated: boolean;
  communeName: string;
  kind: DecodedBackup['kind'];
  archives: number;
  notice: string;
}

/** Validates a backup file entirely without touching anything (see backupFormat.ts: decodeBackup). */
export function inspectBackup(file: string): BackupPreview {
  let b: DecodedBackup;
  try {
    b = readBackupFile(file, (text, label) => inspectText(text, label));
  } catch (e) {
    if (e instanceof DomainError && e.code === 'invalid_input') throw new DomainError('invalid_input', t.refused(e.message));
    throw e;
  }
  return { counts: backupCounts(b), migrated: b.migrated, communeName: b.data.settings.communeName, kind: b.kind, archives: b.archives.length, notice: sharing.backupIsNotAShare };
}

/** Restores a backup: validated whole first, the current state moved aside into backups/. */
export async function restoreBackupFile(store: DataStore, file: string, quiesce?: () => void): Promise<BackupPreview & { movedAside?: string; warnings: string[] }> {
  const preview = inspectBackup(file);
  const r = await store.restoreFrom(file, { quiesce });
  return { ...preview, movedAside: r.movedAside, warnings: r.warnings };
}
