// Warns when the data folder lies inside a synchronised folder (conflict copies); detected once per folder.
import { store as t } from '../../shared/i18n/store';
import { detectSyncedFolder, type SyncDetection } from '../store/synced-folder';

const cache = new Map<string, SyncDetection | null>();

/** The French warning for `dataDir`, or undefined when it is not synchronised. Looked up once per folder. */
export function syncedFolderWarning(dataDir: string): { provider: string; message: string } | undefined {
  let found = cache.get(dataDir);
  if (found === undefined) {
    found = detectSyncedFolder(dataDir) ?? null;
    cache.set(dataDir, found);
  }
  return found ? { provider: found.provider, message: t.syncedFolder.message(found.provider) } : undefined;
}
