// Datastore tests: durable writes, coalescing, folder lock, validation on load, migrations, backups and restore.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_DIR, createBackup, listBackups, MAX_BACKUPS, MAX_START_BACKUPS, needsDailyBackup, rotateBackups } from '../../src/main/store/backups';
import { removeStaleTemps, renameWithRetry, writeFileDurable } from '../../src/main/store/durable';
import { acquireLock, LOCK_FILE } from '../../src/main/store/lock';
import { migrate, MIGRATIONS, MissingMigrationError, MissingVersionError, NewerVersionError, type Migration } from '../../src/main/store/migrations';
import { SCHEMA_VERSION } from '../../src/shared/model';
import { DATA_FILE, inspectFile, newEmptyDatastore, Store, type OpenOptions } from '../../src/main/store/store';
import { DomainError } from '../../src/shared/result';
import { backupEntry, backupEntryHash, cleanTempDirs, looksFrench, sampleDatastore, sha256, tempDir } from '../helpers/fixtures';

// Pass-through spy on the durable writer, to count the datastore's physical writes.
vi.mock('../../src/main/store/durable', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/main/store/durable')>();
  return { ...real, writeFileDurable: vi.fn(real.writeFileDurable) };
});
const writeSpy = vi.mocked(writeFileDurable);

const open: Store[] = [];
function openStore(dir: string, options: OpenOptions = {}): Store {
  const s = Store.open(dir, { owner: 'test', ...options });
  open.push(s);
  return s;
}

afterEach(async () => {
  for (const s of open.splice(0)) await s.close().catch(() => undefined);
  writeSpy.mockClear();
  cleanTempDirs();
});

async function initialised(options: OpenOptions = {}): Promise<{ dir: string; store: Store }> {
  const dir = tempDir();
  const store = openStore(dir, options);
  await store.initialise(sampleDatastore());
  return { dir, store };
}

function writesTo(file: string): number {
  return writeSpy.mock.calls.filter((c) => c[0] === file).length;
}

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

function dirEntries(dir: string): string[] {
  return readdirSync(dir).sort();
}

describe('writeFileDurable', () => {
  it('writes the full content and leaves no temp file', () => {
    const dir = tempDir();
    const file = join(dir, 'x.json');
    const big = JSON.stringify({ text: 'é'.repeat(300_000) });
    writeFileDurable(file, big);
    expect(readFileSync(file, 'utf8')).toBe(big);
    writeFileDurable(file, 'second');
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(dirEntries(dir)).toEqual(['x.json']);
  });

  it('leaves the old content and no temp file when the rename fails', () => {
    const dir = tempDir();
    const target = join(dir, 'occupied');
    mkdirSync(join(target, 'child'), { recursive: true });
    expect(() => writeFileDurable(target, 'data')).toThrow();
    expect(dirEntries(dir)).toEqual(['occupied']);
    expect(statSync(target).isDirectory()).toBe(true);
  });

  it('retries a rename refused for a moment (EPERM/EBUSY, and EACCES on Windows), then gives up in French', () => {
    const busy = (code: string) => Object.assign(new Error(code), { code });
    let calls = 0;
    const slept: number[] = [];
    const flaky = (code: string) => () => {
      if (++calls < 4) throw busy(code);
    };
    renameWithRetry('a', 'b', flaky('EPERM'), 'win32', (ms) => slept.push(ms));
    expect(calls).toBe(4);
    expect(slept).toEqual([10, 20, 40]);
    calls = 0;
    renameWithRetry('a', 'b', flaky('EBUSY'), 'linux', () => undefined);
    expect(calls).toBe(4);
    // EACCES is a sharing violation only on Windows; elsewhere it is a real permission error: no retry.
    calls = 0;
    renameWithRetry('a', 'b', flaky('EACCES'), 'win32', () => undefined);
    expect(calls).toBe(4);
    calls = 0;
    expect(() => renameWithRetry('a', 'b', flaky('EACCES'), 'linux', () => undefined)).toThrow('EACCES');
    expect(calls).toBe(1);
    expect(() =>
      renameWithRetry('a', 'b', () => {
        throw busy('ENOENT');
      }, 'win32', () => slept.push(-1)),
    ).toThrow('ENOENT');
    expect(slept).not.toContain(-1);
    // It gives up after about two seconds with a French io error naming the cause.
    let waited = 0;
    let e: unknown;
    try {
      renameWithRetry('dir/a', 'dir/clspd.json', () => {
        throw busy('EBUSY');
      }, 'win32', (ms) => (waited += ms));
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('io');
    expect((e as DomainError).message).toMatch(/clspd\.json est resté occupé par un autre programme.*\(EBUSY\)/);
    expect(looksFrench((e as DomainError).message)).toBe(true);
    expect(waited).toBe(2_000);
  });

  it('removes temp files of dead writers only', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.clspd.json.999999.abcdef.tmp'), 'x');
    writeFileSync(join(dir, `.clspd.json.${process.pid}.abcdef.tmp`), 'x');
    writeFileSync(join(dir, '.clspd.json.4242.abcdef.tmp'), 'x');
    writeFileSync(join(dir, 'clspd.json'), '{}');
    const removed = removeStaleTemps(dir, (pid) => pid === 4242);
    expect(removed).toBe(2);
    expect(dirEntries(dir)).toEqual(['.clspd.json.4242.abcdef.tmp', 'clspd.json']);
  });
});

describe('Store basics', () => {
  it('starts empty, refuses to read, then initialises a valid file on disk', async () => {
    const dir = tempDir();
    const store = openStore(dir);
    expect(store.state.status).toBe('empty');
    const e = caught(() => store.data) as DomainError;
    expect(e).toBeInstanceOf(DomainError);
    expect(looksFrench(e.message)).toBe(true);
    await expect(store.update(() => 1)).rejects.toBeInstanceOf(DomainError);
    await store.initialise(sampleDatastore());
    expect(store.state.status).toBe('ok');
    const r = inspectFile(join(dir, DATA_FILE));
    expect(r.ok && r.data.meetings.length).toBe(3);
    expect(dirEntries(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to initialise over existing data', async () => {
    const { dir, store } = await initialised();
    const before = sha256(join(dir, DATA_FILE));
    const e = (await rejection(store.initialise(newEmptyDatastore()))) as DomainError;
    expect(e.code).toBe('conflict');
    expect(looksFrench(e.message)).toBe(true);
    expect(sha256(join(dir, DATA_FILE))).toBe(before);
  });

  it('resolves update only once the change is on disk, and a reopened store reads it', async () => {
    const { dir, store } = await initialised();
    const result = await store.update((d) => {
      d.settings.communeName = 'Nouvelle-Ville';
      return 'done';
    });
    expect(result).toBe('done');
    expect(JSON.parse(readFileSync(join(dir, DATA_FILE), 'utf8')).settings.communeName).toBe('Nouvelle-Ville');
    await store.close();
    const again = openStore(dir);
    expect(again.data.settings.communeName).toBe('Nouvelle-Ville');
  });

  it('coalesces the updates issued in one tick into a single write', async () => {
    const { store } = await initialised();
    writeSpy.mockClear();
    const saving: boolean[] = [];
    store.onSavingChange((s) => saving.push(s));
    const all = Array.from({ length: 25 }, (_, i) =>
      store.update((d) => {
        d.organisations.push({ ...d.organisations[0], id: `org_n${i}`, name: `Structure ${i}` });
        return i;
      }),
    );
    expect(await Promise.all(all)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(writesTo(store.file)).toBe(1);
    expect(saving).toEqual([true, false]);
    const r = inspectFile(store.file);
    expect(r.ok && r.data.organisations.length).toBe(28);
  });

  it('coalesces updates issued while a write is in flight into one more write', async () => {
    const { store } = await initialised();
    writeSpy.mockClear();
    const first = store.update((d) => {
      d.settings.address = 'a';
    });
    // Let the first write start, then pile up more changes before it completes.
    await new Promise<void>((r) => queueMicrotask(r));
    const more = Array.from({ length: 10 }, (_, i) =>
      store.update((d) => {
        d.settings.address = `b${i}`;
      }),
    );
    await Promise.all([first, ...more]);
    expect(writesTo(store.file)).toBe(2);
    expect(JSON.parse(readFileSync(store.file, 'utf8')).settings.address).toBe('b9');
    // flush() with nothing pending resolves at once.
    await store.flush();
    expect(writesTo(store.file)).toBe(2);
  });

  it('leaves data and file unchanged when the mutation throws', async () => {
    const { store } = await initialised();
    const before = sha256(store.file);
    const snapshot = structuredClone(store.data);
    writeSpy.mockClear();
    const e = (await rejection(
      store.update(() => {
        throw new DomainError('invalid_input', 'Nom manquant : la structure n’a pas été créée.');
      }),
    )) as DomainError;
    expect(e.code).toBe('invalid_input');
    expect(store.data).toEqual(snapshot);
    expect(sha256(store.file)).toBe(before);
    expect(writesTo(store.file)).toBe(0);
  });

  it('rejects with a French io error when the disk write fails, and a later update writes everything', async () => {
    const { store } = await initialised();
    writeSpy.mockImplementationOnce(() => {
      throw new Error('ENOSPC: no space left on device');
    });
    const e = (await rejection(
      store.update((d) => {
        d.settings.address = 'lost?';
      }),
    )) as DomainError;
    expect(e.code).toBe('io');
    expect(e.message).toMatch(/L’enregistrement a échoué/);
    await store.update((d) => {
      d.settings.presidentName = 'Later';
    });
    const onDisk = JSON.parse(readFileSync(store.file, 'utf8'));
    expect(onDisk.settings.address).toBe('lost?');
    expect(onDisk.settings.presidentName).toBe('Later');
  });
});

describe('folder lock', () => {
  it('refuses a second open of the same folder with a French locked error, until the first is closed', async () => {
    const { dir, store } = await initialised();
    const e = caught(() => Store.open(dir, { owner: 'test' })) as DomainError;
    expect(e).toBeInstanceOf(DomainError);
    expect(e.code).toBe('locked');
    expect(e.message).toMatch(/déjà ouvertes/);
    expect(e.message).toContain(String(process.pid));
    expect(store.data.settings.communeName).toBe('Valbourg');
    await store.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = openStore(dir);
    expect(again.state.status).toBe('ok');
  });

  it('refuses a folder held by another live process, naming the command line', async () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: other.pid, owner: 'cli', since: new Date().toISOString() }));
      const e = caught(() => Store.open(dir, { owner: 'test' })) as DomainError;
      expect(e.code).toBe('locked');
      expect(e.message).toContain('la ligne de commande');
      expect(e.message).toContain(String(other.pid));
      // The holder's lock is left alone.
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(other.pid);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over a stale lock whose process is gone', () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    expect(deadPid).toBeGreaterThan(0);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid, owner: 'app' }));
    const store = openStore(dir);
    expect(store.state.status).toBe('empty');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
  });

  it('takes over an empty or unreadable lock file, and one with our pid that we do not hold (pid reuse)', () => {
    for (const content of ['', '{"pid":', JSON.stringify({ pid: process.pid, owner: 'app' })]) {
      const dir = tempDir();
      writeFileSync(join(dir, LOCK_FILE), content);
      const lock = acquireLock(dir, 'test');
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, owner: 'test' });
      lock.release();
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
      expect(dirEntries(dir)).toEqual([]);
    }
  });

  it('readOnly skips the lock, refuses writes and makes no backup', async () => {
    const { dir, store } = await initialised();
    const lockBefore = readFileSync(join(dir, LOCK_FILE), 'utf8');
    const backupsBefore = listBackups(dir).length;
    const ro = openStore(dir, { readOnly: true });
    expect(ro.state.status).toBe('ok');
    expect(ro.data.organisations).toHaveLength(3);
    const e = (await rejection(ro.update(() => 1))) as DomainError;
    expect(e.code).toBe('forbidden');
    expect(looksFrench(e.message)).toBe(true);
    await ro.close();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(lockBefore);
    expect(listBackups(dir).length).toBe(backupsBefore);
    expect(store.isReady).toBe(true);
  });
});

describe('validation on load: a bad file is never overwritten', () => {
  const valid = () => JSON.stringify(sampleDatastore());
  const cases: { name: string; content: () => string; problem: string; words: RegExp }[] = [
    { name: 'corrupt JSON', content: () => '{"schemaVersion": 1, "settings": {,,}', problem: 'corrupt', words: /endommagé ou incomplet/ },
    { name: 'truncated file', content: () => valid().slice(0, Math.floor(valid().length / 2)), problem: 'corrupt', words: /endommagé ou incomplet/ },
    { name: 'empty file', content: () => '', problem: 'corrupt', words: /endommagé ou incomplet/ },
    { name: 'JSON array', content: () => '[1,2]', problem: 'corrupt', words: /n’est pas un fichier de données/ },
    {
      name: 'schema-invalid file',
      content: () => {
        const d = JSON.parse(valid());
        d.meetings[0].status = 'finished';
        delete d.organisations[1].name;
        return JSON.stringify(d);
      },
      problem: 'invalid',
      words: /données non conformes/,
    },
    { name: 'newer schemaVersion', content: () => JSON.stringify({ ...JSON.parse(valid()), schemaVersion: 7 }), problem: 'newer', words: /version plus récente.*format 7/ },
    {
      name: 'missing schemaVersion',
      content: () => {
        const d = JSON.parse(valid());
        delete d.schemaVersion;
        return JSON.stringify(d);
      },
      problem: 'invalid',
      words: /n’indique pas sa version/,
    },
    { name: 'schemaVersion as text', content: () => JSON.stringify({ ...JSON.parse(valid()), schemaVersion: '1' }), problem: 'invalid', words: /n’indique pas sa version/ },
    { name: 'older format without migration', content: () => JSON.stringify({ ...JSON.parse(valid()), schemaVersion: 0 }), problem: 'invalid', words: /ancien format \(format 0\)/ },
  ];

  for (const c of cases) {
    it(`${c.name}: state broken with a French message, file byte-for-byte untouched by every call`, async () => {
      const dir = tempDir();
      const file = join(dir, DATA_FILE);
      writeFileSync(file, c.content());
      const hash = sha256(file);
      const mtime = statSync(file).mtimeMs;

      const r = inspectFile(file);
      expect(r.ok).toBe(false);

      const store = openStore(dir);
      expect(store.state.status).toBe('broken');
      if (store.state.status !== 'broken') return;
      expect(store.state.problem).toBe(c.problem);
      expect(store.state.message).toMatch(c.words);
      expect(looksFrench(store.state.message)).toBe(true);
      expect(store.isReady).toBe(false);

      const readErr = caught(() => store.data) as DomainError;
      expect(readErr.message).toBe(store.state.message);
      await expect(store.update((d) => (d.settings.address = 'x'))).rejects.toBeInstanceOf(DomainError);
      await expect(store.initialise(sampleDatastore())).rejects.toMatchObject({ code: 'conflict' });
      expect(store.backup('manual')).toBeUndefined();
      await store.flush();
      await store.close();

      // Opened again (app restart), read-only, and through inspectFile: still untouched.
      const again = openStore(dir);
      expect(again.state.status).toBe('broken');
      await again.close();
      openStore(dir, { readOnly: true });
      expect(sha256(file)).toBe(hash);
      expect(statSync(file).mtimeMs).toBe(mtime);
      expect(listBackups(dir)).toEqual([]);
      expect(dirEntries(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    });
  }
});

describe('migrations', () => {
  const chain: Migration[] = [
    { from: 2, to: 3, up: (d) => ({ ...d, steps: [...(d.steps as string[]), '2→3'] }) },
    { from: 1, to: 2, up: (d) => ({ ...d, steps: [...(d.steps as string[]), '1→2'] }) },
  ];

  it('applies the steps in order up to the target and sets schemaVersion', () => {
    const r = migrate({ schemaVersion: 1, steps: [] }, chain, 3);
    expect(r.migrated).toBe(true);
    expect(r.doc).toEqual({ schemaVersion: 3, steps: ['1→2', '2→3'] });
    const fromTwo = migrate({ schemaVersion: 2, steps: [] }, chain, 3);
    expect(fromTwo.doc.steps).toEqual(['2→3']);
  });

  it('does nothing for a current file', () => {
    const doc = { schemaVersion: 3, steps: [] };
    const r = migrate(doc, chain, 3);
    expect(r.migrated).toBe(false);
    expect(r.doc).toBe(doc);
  });

  it('errors on a missing step, a newer file, a missing version and a step that does not advance', () => {
    expect(() => migrate({ schemaVersion: 1, steps: [] }, [chain[0]], 3)).toThrow(MissingMigrationError);
    expect(() => migrate({ schemaVersion: 4 }, chain, 3)).toThrow(NewerVersionError);
    expect(() => migrate({}, chain, 3)).toThrow(MissingVersionError);
    expect(() => migrate({ schemaVersion: -1 }, chain, 3)).toThrow(MissingVersionError);
    expect(() => migrate({ schemaVersion: 1.5 }, chain, 3)).toThrow(MissingVersionError);
    expect(() => migrate({ schemaVersion: 1 }, [{ from: 1, to: 1, up: (d) => d }], 3)).toThrow(MissingMigrationError);
  });

  /** A "version 0" file: `organizations` (American spelling) and `settings.city` instead of `communeName`. */
  function v0File(dir: string): string {
    const d = JSON.parse(JSON.stringify(sampleDatastore())) as Record<string, unknown> & { settings: Record<string, unknown> };
    d.schemaVersion = 0;
    d.organizations = d.organisations;
    delete d.organisations;
    d.settings.city = d.settings.communeName;
    delete d.settings.communeName;
    const file = join(dir, DATA_FILE);
    writeFileSync(file, JSON.stringify(d, null, 2));
    return file;
  }
  // A pre-release step 0 → 1 followed by the real migrations (1 → 2…).
  const zeroToOne: Migration[] = [
    ...MIGRATIONS,
    {
      from: 0,
      to: 1,
      up: (d) => {
        const { organizations, ...rest } = d as Record<string, unknown> & { settings: Record<string, unknown> };
        const { city, ...settings } = rest.settings as Record<string, unknown>;
        return { ...rest, organisations: organizations, settings: { ...settings, communeName: city } };
      },
    },
  ];

  it('migrates a v0 file on open, after a backup of the original tagged "migration"', () => {
    const dir = tempDir();
    const file = v0File(dir);
    const original = readFileSync(file);
    const store = openStore(dir, { migrations: zeroToOne });
    expect(store.state.status).toBe('ok');
    expect(store.data.settings.communeName).toBe('Valbourg');
    expect(store.data.organisations).toHaveLength(3);
    const onDisk = JSON.parse(readFileSync(file, 'utf8'));
    expect(onDisk.schemaVersion).toBe(SCHEMA_VERSION);
    expect(onDisk.organizations).toBeUndefined();
    const backups = listBackups(dir);
    const mig = backups.filter((b) => b.reason === 'migration');
    expect(mig).toHaveLength(1);
    // A complete backup: the main file as it was before the conversion.
    expect(mig[0].name).toMatch(/-migration\.zip$/);
    expect(backupEntry(mig[0].file, DATA_FILE)!.equals(original)).toBe(true);
    // The backup was taken before the rewrite: the original write is the one after the backup.
    const order = writeSpy.mock.calls.map((c) => c[0]);
    expect(order.indexOf(file)).toBeGreaterThan(order.indexOf(mig[0].file));
  });

  it('migrates in memory only when read-only', () => {
    const dir = tempDir();
    const file = v0File(dir);
    const hash = sha256(file);
    const store = openStore(dir, { migrations: zeroToOne, readOnly: true });
    expect(store.data.settings.communeName).toBe('Valbourg');
    expect(sha256(file)).toBe(hash);
    expect(listBackups(dir)).toEqual([]);
  });

  it('keeps the file untouched when a migration throws or produces invalid data', () => {
    const bad: Migration[][] = [
      [
        {
          from: 0,
          to: 1,
          up: () => {
            throw new Error('boom');
          },
        },
      ],
      [{ from: 0, to: 1, up: (d) => ({ ...d }) }],
    ];
    for (const migrations of bad) {
      const dir = tempDir();
      const file = v0File(dir);
      const hash = sha256(file);
      const store = openStore(dir, { migrations });
      expect(store.state.status).toBe('broken');
      if (store.state.status === 'broken') expect(looksFrench(store.state.message)).toBe(true);
      expect(sha256(file)).toBe(hash);
      expect(listBackups(dir)).toEqual([]);
    }
  });
});

describe('backups', () => {
  it('makes a daily backup at the first open of the day only', async () => {
    const { dir, store } = await initialised({ now: () => new Date('2026-03-03T08:00:00Z') });
    await store.close();
    // Loading the new file made the day's backup; later opens that day make none.
    expect(listBackups(dir).map((b) => [b.reason, b.createdAt])).toEqual([['daily', '2026-03-03T08:00:00Z']]);
    let s = openStore(dir, { now: () => new Date('2026-03-03T09:00:00Z') });
    await s.close();
    expect(listBackups(dir)).toHaveLength(1);
    s = openStore(dir, { now: () => new Date('2026-03-03T18:00:00Z') });
    await s.close();
    expect(listBackups(dir)).toHaveLength(1);
    openStore(dir, { now: () => new Date('2026-03-04T07:00:00Z') });
    expect(listBackups(dir).map((b) => [b.reason, b.createdAt])).toEqual([
      ['daily', '2026-03-04T07:00:00Z'],
      ['daily', '2026-03-03T08:00:00Z'],
    ]);
    expect(needsDailyBackup(dir, new Date('2026-03-04T23:00:00Z'))).toBe(false);
    expect(needsDailyBackup(dir, new Date('2026-03-05T00:00:01Z'))).toBe(true);
  });

  it('opens the data even when the daily backup cannot be written, with a French warning', async () => {
    const { dir, store } = await initialised({ now: () => new Date('2026-03-03T08:00:00Z') });
    await store.close();
    // backups/ replaced by a plain file: no backup can be written there.
    rmSync(join(dir, BACKUP_DIR), { recursive: true });
    writeFileSync(join(dir, BACKUP_DIR), 'not a folder');
    const hash = sha256(join(dir, DATA_FILE));
    const s = openStore(dir, { now: () => new Date('2026-03-04T08:00:00Z') });
    expect(s.state.status).toBe('ok');
    expect(s.backupWarning).toMatch(/La sauvegarde quotidienne n’a pas pu être faite/);
    expect(sha256(join(dir, DATA_FILE))).toBe(hash);
    await s.update((d) => {
      d.settings.address = 'toujours enregistrable';
    });
    expect(JSON.parse(readFileSync(join(dir, DATA_FILE), 'utf8')).settings.address).toBe('toujours enregistrable');
  });

  it('start and manual backups are complete backups (zip) holding a byte copy of the datastore, in backups/', async () => {
    const { dir, store } = await initialised();
    const start = store.backup('start')!;
    const manual = store.backup('manual')!;
    expect(start.startsWith(join(dir, BACKUP_DIR))).toBe(true);
    expect(start).toMatch(/clspd-\d{8}-\d{6}-start\.zip$/);
    expect(manual).toMatch(/-manual\.zip$/);
    expect(backupEntryHash(start, DATA_FILE)).toBe(sha256(store.file));
    expect(backupEntryHash(manual, DATA_FILE)).toBe(sha256(store.file));
    expect(listBackups(dir).map((b) => b.reason).sort()).toEqual(['daily', 'manual', 'start']);
    expect(readdirSync(join(dir, BACKUP_DIR)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it(`rotation keeps the newest ${MAX_BACKUPS} and never deletes a "broken" one`, () => {
    const dir = tempDir();
    const src = join(dir, DATA_FILE);
    writeFileSync(src, JSON.stringify(sampleDatastore()));
    mkdirSync(join(dir, BACKUP_DIR));
    // The oldest of all is a broken file kept aside by a restore.
    writeFileSync(join(dir, BACKUP_DIR, 'clspd-20200101-000000-broken.json'), '{garbage');
    writeFileSync(join(dir, BACKUP_DIR, 'notes.txt'), 'not a backup');
    const base = Date.parse('2026-01-01T00:00:00Z');
    const made: string[] = [];
    for (let i = 0; i < MAX_BACKUPS + 7; i++) made.push(createBackup(dir, src, i % 2 ? 'manual' : 'daily', new Date(base + i * 3_600_000)));
    const kept = listBackups(dir);
    expect(kept.filter((b) => b.reason !== 'broken')).toHaveLength(MAX_BACKUPS);
    expect(kept.some((b) => b.reason === 'broken')).toBe(true);
    const keptFiles = new Set(kept.map((b) => b.file));
    expect(made.slice(7).every((f) => keptFiles.has(f))).toBe(true);
    expect(made.slice(0, 7).some((f) => keptFiles.has(f))).toBe(false);
    expect(existsSync(join(dir, BACKUP_DIR, 'notes.txt'))).toBe(true);
  });

  it(`frequent starts cannot push the daily history out: at most ${MAX_START_BACKUPS} start backups are kept`, () => {
    const dir = tempDir();
    const src = join(dir, DATA_FILE);
    writeFileSync(src, '{}');
    const day = 86_400_000;
    const base = Date.parse('2026-01-01T08:00:00Z');
    // Twelve days, each with a daily backup then five launches of the app.
    for (let d = 0; d < 12; d++) {
      createBackup(dir, src, 'daily', new Date(base + d * day));
      for (let k = 1; k <= 5; k++) createBackup(dir, src, 'start', new Date(base + d * day + k * 60_000));
    }
    const kept = listBackups(dir);
    expect(kept.filter((b) => b.reason === 'daily')).toHaveLength(12);
    expect(kept.filter((b) => b.reason === 'start')).toHaveLength(MAX_START_BACKUPS);
    // The start backups kept are the newest ones.
    expect(kept.filter((b) => b.reason === 'start').every((b) => b.createdAt >= '2026-01-11')).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(MAX_BACKUPS);
  });

  it('orders several backups of the same second by their suffix (-10 is newer than -9)', () => {
    const dir = tempDir();
    const src = join(dir, DATA_FILE);
    writeFileSync(src, '{}');
    const now = new Date('2026-05-05T05:05:05Z');
    const made = Array.from({ length: 12 }, () => createBackup(dir, src, 'manual', now));
    rotateBackups(dir, 5);
    expect(listBackups(dir).map((b) => b.file)).toEqual(made.slice(7).reverse());
  });
});

describe('restoreFrom', () => {
  async function withBackup(): Promise<{ dir: string; store: Store; backup: string; backupHash: string }> {
    const { dir, store } = await initialised();
    const backup = store.backup('manual')!;
    await store.update((d) => {
      d.settings.communeName = 'Après la sauvegarde';
    });
    return { dir, store, backup, backupHash: sha256(backup) };
  }

  it('moves the current file aside into backups/ and puts the validated backup in place', async () => {
    const { dir, store, backup } = await withBackup();
    const currentHash = sha256(store.file);
    const r = await store.restoreFrom(backup);
    expect(r.movedAside).toMatch(/-restore\.zip$/);
    expect(r.movedAside!.startsWith(join(dir, BACKUP_DIR))).toBe(true);
    expect(backupEntryHash(r.movedAside!, DATA_FILE)).toBe(currentHash);
    expect(store.state.status).toBe('ok');
    expect(store.data.settings.communeName).toBe('Valbourg');
    const onDisk = inspectFile(store.file);
    expect(onDisk.ok && onDisk.data.settings.communeName).toBe('Valbourg');
    await store.update((d) => {
      d.settings.address = 'still writable';
    });
  });

  const badCurrents: [string, () => string][] = [
    ['corrupt', () => '{"schemaVersion":1,'],
    ['newer', () => JSON.stringify({ ...sampleDatastore(), schemaVersion: 9 })],
    ['unreadable (a folder in its place)', () => ''],
  ];
  for (const [name, content] of badCurrents) {
    it(`restores over a ${name} datastore, keeping it aside as "broken"`, async () => {
      const { dir, store, backup } = await withBackup();
      await store.close();
      const file = join(dir, DATA_FILE);
      const aside = join(dir, 'aside-backup.json');
      writeFileSync(aside, readFileSync(backup));
      const unreadable = name.startsWith('unreadable');
      // Unreadable: a folder where the file should be (file modes do not stop root, who runs these tests here).
      if (unreadable) {
        rmSync(file);
        mkdirSync(join(file, 'inside'), { recursive: true });
      } else writeFileSync(file, content());
      const brokenHash = unreadable ? '' : sha256(file);
      const s = openStore(dir);
      expect(s.state).toMatchObject({ status: 'broken', problem: unreadable ? 'unreadable' : name });
      const r = await s.restoreFrom(aside);
      // An unreadable main file is renamed as it is; a readable one is kept, byte for byte, in a complete backup.
      expect(r.movedAside).toMatch(unreadable ? /-broken(-\d+)?\.json$/ : /-broken(-\d+)?\.zip$/);
      if (unreadable) expect(existsSync(join(r.movedAside!, 'inside'))).toBe(true);
      else expect(backupEntryHash(r.movedAside!, DATA_FILE)).toBe(brokenHash);
      expect(s.state.status).toBe('ok');
      expect(s.data.settings.communeName).toBe('Valbourg');
      // Broken files set aside survive any rotation.
      for (let i = 0; i < MAX_BACKUPS + 3; i++) s.backup('manual');
      expect(existsSync(r.movedAside!)).toBe(true);
    });
  }

  const badSources: [string, () => string][] = [
    ['corrupt', () => '{"schemaVersion":1,'],
    ['newer', () => JSON.stringify({ ...sampleDatastore(), schemaVersion: SCHEMA_VERSION + 1 })],
    ['schema-invalid', () => JSON.stringify({ ...sampleDatastore(), meetings: [{ id: 'x' }] })],
  ];
  for (const [name, content] of badSources) {
    it(`refuses a ${name} source with a French message and touches nothing`, async () => {
      const { dir, store } = await withBackup();
      const src = join(tempDir(), 'bad.json');
      writeFileSync(src, content());
      const hash = sha256(store.file);
      const backupsBefore = dirEntries(join(dir, BACKUP_DIR));
      const e = (await rejection(store.restoreFrom(src))) as DomainError;
      expect(e.code).toBe('invalid_input');
      expect(e.message).toMatch(/^Restauration impossible/);
      expect(looksFrench(e.message)).toBe(true);
      expect(sha256(store.file)).toBe(hash);
      expect(dirEntries(join(dir, BACKUP_DIR))).toEqual(backupsBefore);
      expect(store.data.settings.communeName).toBe('Après la sauvegarde');
    });
  }

  it('refuses to restore in read-only mode', async () => {
    const { dir, backup } = await withBackup();
    const ro = openStore(dir, { readOnly: true });
    await expect(ro.restoreFrom(backup)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('restores an older-format backup through the migrations, written in the current format', async () => {
    const { dir, store } = await initialised({
      migrations: [...MIGRATIONS, { from: 0, to: 1, up: (d) => ({ ...d, settings: { ...(d.settings as object), communeName: 'Migrée' } }) }],
    });
    const src = join(tempDir(), 'old.json');
    writeFileSync(src, JSON.stringify({ ...sampleDatastore(), schemaVersion: 0 }));
    await store.restoreFrom(src);
    expect(store.data.settings.communeName).toBe('Migrée');
    expect(JSON.parse(readFileSync(join(dir, DATA_FILE), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
  });
});
