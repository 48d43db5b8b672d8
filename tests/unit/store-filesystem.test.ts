// Windows file-system realities: renames refused while another program holds the file, data folders inside a sync client.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appState } from '../../src/main/services/app';
import { createContext } from '../../src/main/services/context';
import { syncedFolderWarning } from '../../src/main/services/synced';
import { writeFileDurable } from '../../src/main/store/durable';
import { Store } from '../../src/main/store/store';
import { detectSyncedFolder } from '../../src/main/store/synced-folder';
import { fr } from '../../src/shared/i18n';
import { DomainError } from '../../src/shared/result';
import { cleanTempDirs, looksFrench, sampleDatastore, sha256, tempDir } from '../helpers/fixtures';

afterEach(() => cleanTempDirs());

const busy = (code: string) => Object.assign(new Error(`${code}: resource busy or locked, rename`), { code });

/** A rename that fails `times` times with `code`, then does the real rename. */
function heldFor(times: number, code: string) {
  const calls: string[] = [];
  const slept: number[] = [];
  let left = times;
  return {
    calls,
    slept,
    io: {
      platform: 'win32' as const,
      sleep: (ms: number) => slept.push(ms),
      rename: (from: string, to: string) => {
        calls.push(code);
        if (left-- > 0) throw busy(code);
        renameSync(from, to);
      },
    },
  };
}

describe('durable writes over a file held by another program', () => {
  it('retries the rename until the file is released, and leaves no temp file', () => {
    const dir = tempDir();
    const file = join(dir, 'clspd.json');
    writeFileSync(file, 'old');
    for (const code of ['EPERM', 'EBUSY', 'EACCES']) {
      const h = heldFor(3, code);
      writeFileDurable(file, `new ${code}`, h.io);
      expect(readFileSync(file, 'utf8')).toBe(`new ${code}`);
      expect(h.calls).toHaveLength(4);
      expect(h.slept).toEqual([10, 20, 40]);
    }
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('gives up after about two seconds with a French error, the file untouched and no temp file left', () => {
    const dir = tempDir();
    const file = join(dir, 'clspd.json');
    writeFileSync(file, 'old');
    const h = heldFor(Infinity, 'EBUSY');
    let e: unknown;
    try {
      writeFileDurable(file, 'new', h.io);
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('io');
    expect(looksFrench((e as DomainError).message)).toBe(true);
    expect(h.slept.reduce((a, b) => a + b, 0)).toBe(2_000);
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['clspd.json']);
  });

  it('a save refused that way is reported in French, and the next save writes everything', async () => {
    const dir = tempDir();
    let held = true;
    const slept: number[] = [];
    const store = Store.open(dir, {
      owner: 'test',
      durableIo: {
        platform: 'win32',
        sleep: (ms) => slept.push(ms),
        rename: (from, to) => {
          if (held) throw busy('EPERM');
          renameSync(from, to);
        },
      },
    });
    try {
      await store.initialise(sampleDatastore());
      const hash = sha256(store.file);
      const e = await store
        .update((d) => {
          d.settings.address = '1 place de la Mairie';
        })
        .then(
          () => undefined,
          (err: unknown) => err as DomainError,
        );
      expect(e?.code).toBe('io');
      expect(e?.message).toMatch(/^L’enregistrement a échoué : le fichier clspd\.json est resté occupé par un autre programme/);
      expect(sha256(store.file)).toBe(hash);
      expect(store.data.settings.address).toBe('1 place de la Mairie'); // kept in memory, saved by the next write
      held = false;
      await store.update((d) => d.settings.address); // even a transaction that changes nothing saves what is pending

      const onDisk = JSON.parse(readFileSync(store.file, 'utf8')) as { settings: { address: string } };
      expect(onDisk.settings.address).toBe('1 place de la Mairie');
    } finally {
      await store.close();
    }
  });
});

describe('data folder inside a synchronised folder', () => {
  const nothing = { env: {}, list: () => [] };

  it('recognises sync roots from the environment (OneDrive), case-insensitively on Windows', () => {
    const env = { OneDriveCommercial: 'C:\\Users\\anne\\OneDrive - Mairie de Valbourg' };
    expect(detectSyncedFolder('c:\\users\\Anne\\onedrive - mairie de valbourg\\CLSPD\\data', { env, list: () => [], platform: 'win32' })).toEqual({
      provider: 'OneDrive',
      root: 'C:\\Users\\anne\\OneDrive - Mairie de Valbourg',
    });
    // A sibling whose name only starts like the root is not inside it.
    const renamed = { OneDrive: 'D:\\Sync' };
    expect(detectSyncedFolder('D:\\Sync2\\clspd', { env: renamed, list: () => [], platform: 'win32' })).toBeUndefined();
  });

  it('recognises the folder names sync clients use', () => {
    const cases: [string, NodeJS.Platform, string][] = [
      ['C:\\Users\\anne\\OneDrive\\Documents\\CLSPD', 'win32', 'OneDrive'],
      ['G:\\Mon Drive\\CLSPD', 'win32', 'Google Drive'],
      ['/Users/anne/Library/CloudStorage/GoogleDrive-anne@valbourg.fr/My Drive/clspd', 'darwin', 'Google Drive'],
      ['/Users/anne/Library/CloudStorage/OneDrive-MairiedeValbourg/clspd', 'darwin', 'OneDrive'],
      ['/Users/anne/Dropbox (Mairie)/CLSPD', 'darwin', 'Dropbox'],
      ['/Users/anne/Library/Mobile Documents/com~apple~CloudDocs/CLSPD', 'darwin', 'iCloud Drive'],
      ['/home/anne/Nextcloud/Travail/clspd', 'linux', 'Nextcloud'],
      ['/home/anne/ownCloud/clspd', 'linux', 'Nextcloud'],
    ];
    for (const [dir, platform, provider] of cases) expect(detectSyncedFolder(dir, { ...nothing, platform })?.provider, dir).toBe(provider);
  });

  it('recognises marker files left at a sync root of any name', () => {
    const at = (root: string, names: string[]) => (dir: string) => (dir === root ? names : []);
    expect(detectSyncedFolder('/srv/partage/clspd/data', { env: {}, platform: 'linux', list: at('/srv/partage', ['.sync_4f2a9c01.db', 'x']) })).toEqual({
      provider: 'Nextcloud',
      root: '/srv/partage',
    });
    expect(detectSyncedFolder('/home/anne/Boulot/clspd', { env: {}, platform: 'linux', list: at('/home/anne/Boulot', ['.dropbox']) })?.provider).toBe('Dropbox');
  });

  it('leaves ordinary folders alone', () => {
    const env = { OneDrive: 'C:\\Users\\anne\\OneDrive' };
    for (const [dir, platform] of [
      ['C:\\Users\\anne\\AppData\\Roaming\\Coordination CLSPD\\data', 'win32'],
      ['/home/anne/.config/Coordination CLSPD/data', 'linux'],
      ['/Users/anne/Documents/Notes Dropbox/clspd', 'darwin'],
      ['/home/anne/drive/clspd', 'linux'],
    ] as const) {
      expect(detectSyncedFolder(dir, { env, list: () => ['desktop.ini', 'clspd.json'], platform }), dir).toBeUndefined();
    }
  });

  it('reaches app:state (French warning) for a real folder holding a Dropbox marker', async () => {
    const root = tempDir();
    writeFileSync(join(root, '.dropbox'), '{}');
    const dataDir = join(root, 'CLSPD');
    mkdirSync(dataDir);
    expect(syncedFolderWarning(dataDir)).toEqual({ provider: 'Dropbox', message: fr.store.syncedFolder.message('Dropbox') });
    const store = Store.open(dataDir, { owner: 'test' });
    try {
      const state = appState(createContext(store));
      expect(state.syncedFolder?.provider).toBe('Dropbox');
      expect(looksFrench(state.syncedFolder!.message)).toBe(true);
      const plain = tempDir();
      expect(appState(createContext(Store.open(plain, { readOnly: true }))).syncedFolder).toBeUndefined();
    } finally {
      await store.close();
    }
  });
});
