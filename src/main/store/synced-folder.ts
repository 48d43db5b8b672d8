// Detects a data folder inside a synchronised folder (OneDrive, Dropbox, Google Drive, Nextcloud, iCloud…).
import { readdirSync } from 'node:fs';
import { posix, win32 } from 'node:path';

/** The sync services we recognise, by the name the coordinator knows them under. */
export type SyncProvider = 'OneDrive' | 'Dropbox' | 'Google Drive' | 'Nextcloud' | 'iCloud Drive' | 'pCloud' | 'MEGA' | 'Synology Drive';

export interface SyncDetection {
  provider: SyncProvider;
  /** The synchronised folder that contains the data folder. */
  root: string;
}

export interface SyncProbe {
  env: NodeJS.ProcessEnv;
  /** Names in a folder (empty when it cannot be read): sync clients leave marker files at their root. */
  list(dir: string): string[];
  platform: NodeJS.Platform;
}

const defaultProbe: SyncProbe = {
  env: process.env,
  list: (dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
  platform: process.platform,
};

/** Environment variables naming a sync root (set by the OneDrive client on Windows). */
const ENV_ROOTS = ['OneDrive', 'OneDriveCommercial', 'OneDriveConsumer'];

/** Folder names sync clients give their root (Windows, macOS ~/Library/CloudStorage/…, Linux). */
const SEGMENTS: [RegExp, SyncProvider][] = [
  [/^onedrive( - .+|-.+)?$/i, 'OneDrive'],
  [/^dropbox( \(.+\))?$/i, 'Dropbox'],
  [/^(google ?drive(-.+)?|my drive|mon drive|drive partagés|shared drives)$/i, 'Google Drive'],
  [/^(nextcloud|owncloud)$/i, 'Nextcloud'],
  [/^(icloud ?drive.*|icloud~.+|com~apple~clouddocs)$/i, 'iCloud Drive'],
  [/^pcloud ?drive$/i, 'pCloud'],
  [/^mega( ?sync)?$/i, 'MEGA'],
  [/^synologydrive(-.+)?$/i, 'Synology Drive'],
];

/** Files a sync client leaves at the root of the folder it synchronises. */
const MARKERS: [RegExp, SyncProvider][] = [
  [/^\.dropbox(\.cache)?$/, 'Dropbox'],
  [/^\._?sync_[0-9a-f]+\.db$/i, 'Nextcloud'], // Nextcloud and ownCloud clients' journal
  [/^\.(owncloud|nextcloud)sync\.log$/i, 'Nextcloud'],
  [/^\.megaignore$/, 'MEGA'],
  [/^\.SynologyWorkingDirectory$/, 'Synology Drive'],
];

/**
 * Says whether `dataDir` lies inside a synchronised folder: a sync root named by the environment, a folder
 * name sync clients use, or a marker file they leave in the data folder or one of its parents.
 */
export function detectSyncedFolder(dataDir: string, probe: Partial<SyncProbe> = {}): SyncDetection | undefined {
  const { env, list, platform } = { ...defaultProbe, ...probe };
  const path = platform === 'win32' ? win32 : posix;
  const dir = path.resolve(dataDir);
  const same = (a: string) => (platform === 'win32' ? a.toLowerCase() : a);
  for (const name of ENV_ROOTS) {
    const root = env[name];
    if (!root) continue;
    const r = same(path.resolve(root)).replace(/[\\/]+$/, '');
    const d = same(dir);
    if (d === r || d.startsWith(r + path.sep)) return { provider: 'OneDrive', root: path.resolve(root) };
  }
  // From the data folder up: the innermost sync root wins.
  for (let current = dir; ; ) {
    const name = path.basename(current);
    const bySegment = SEGMENTS.find(([re]) => re.test(name));
    if (bySegment) return { provider: bySegment[1], root: current };
    const names = list(current);
    const byMarker = MARKERS.find(([re]) => names.some((n) => re.test(n)));
    if (byMarker) return { provider: byMarker[1], root: current };
    const up = path.dirname(current);
    if (up === current) return undefined;
    current = up;
  }
}
