// Full JSON backup export and restore (same versioned format as the datastore file); a backup is not a share.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { sharing } from '../../../shared/i18n/sharing';
import type { Datastore } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import { inspectFile } from '../../store/store';
import type { DataStore } from '../context';

/** Backups may be large (ten years of a council), but not absurdly so. */
export const MAX_BACKUP_BYTES = 300 * 1024 * 1024;

export interface BackupExport {
  text: string;
  counts: BackupCounts;
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

export function countsOf(d: Datastore): BackupCounts {
  return { partners: d.organisations.length, people: d.people.length, instances: d.instances.length, meetings: d.meetings.length, actions: d.actions.length };
}

/** The whole datastore in its own versioned format, confidential content included. */
export async function exportBackup(store: DataStore): Promise<BackupExport> {
  await store.flush();
  const d = store.data;
  return { text: JSON.stringify(d), counts: countsOf(d), notice: sharing.backupIsNotAShare };
}

export interface BackupPreview {
  counts: BackupCounts;
  migrated: boolean;
  communeName: string;
  notice: string;
}

/** Validates a backup file without touching anything: size, JSON, version (migrated if older), model. */
export function inspectBackup(file: string): BackupPreview {
  if (!existsSync(file)) throw new DomainError('not_found', `Le fichier ${file} est introuvable.`);
  const size = statSync(file).size;
  if (size === 0) throw new DomainError('invalid_input', sharing.import.emptyFile);
  if (size > MAX_BACKUP_BYTES) throw new DomainError('invalid_input', sharing.import.tooLarge(Math.round(size / 1048576), MAX_BACKUP_BYTES / 1048576));
  const head = readFileSync(file).subarray(0, 4);
  if (head[0] === 0x50 && head[1] === 0x4b) {
    throw new DomainError('invalid_input', 'Ce fichier est un classeur ou une archive, pas une sauvegarde complète (.json) de Coordination CLSPD.');
  }
  const r = inspectFile(file);
  if (!r.ok) {
    if (r.problem === 'newer') throw new DomainError('invalid_input', `${sharing.import.backupNewer} (${r.message})`);
    throw new DomainError('invalid_input', `${r.message} Rien n’a été modifié.`);
  }
  return { counts: countsOf(r.data), migrated: r.migrated, communeName: r.data.settings.communeName, notice: sharing.backupIsNotAShare };
}

/** Restores a backup: validated first, the current datastore moved aside into backups/. */
export async function restoreBackupFile(store: DataStore, file: string): Promise<BackupPreview & { movedAside?: string }> {
  const preview = inspectBackup(file);
  const r = await store.restoreFrom(file);
  return { ...preview, movedAside: r.movedAside };
}
