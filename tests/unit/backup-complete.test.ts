// Complete backups: the whole folder's state (main file, archived periods, protected store) in one file, restored whole or not at all.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/main/cli/index';
import { runCli } from '../../src/main/cli/framework';
import { writeTenYearDataset } from '../../src/main/services/demo/scale';
import { BACKUP_DIR, listBackups } from '../../src/main/store/backups';
import { MANIFEST } from '../../src/main/store/backupFormat';
import { listStateFiles } from '../../src/main/store/layout';
import { addRestoreHook, type RestoredInfo } from '../../src/main/store/restore';
import { DATA_FILE, Store } from '../../src/main/store/store';
import { captureIo, cleanTempDirs, looksFrench, sampleDatastore, sha256, tempDir } from '../helpers/fixtures';

afterEach(() => cleanTempDirs());

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = captureIo();
  const code = await runCli(argv, commands, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

/** Every file under `dir` (backups/ aside unless asked) with its hash: what a refused restore must leave as it was. */
function snapshot(dir: string, withBackups = true): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (!withBackups && prefix === '' && e.name === BACKUP_DIR) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = sha256(p);
    }
  };
  walk(dir, '');
  return out;
}

/** A fake protected store: encrypted-looking bytes the backup must carry untouched. */
function writeProtected(dir: string, files: Record<string, Buffer>): void {
  for (const [rel, data] of Object.entries(files)) {
    const f = join(dir, rel);
    mkdirSync(dirname(f), { recursive: true });
    writeFileSync(f, data);
  }
}

describe('ten years backed up and restored into an empty folder', () => {
  const NOW = new Date('2026-11-30T10:00:00Z');
  let source: string;
  // Generated once for the whole group (afterEach empties the other temporary folders).
  beforeAll(() => {
    source = mkdtempSync(join(tmpdir(), 'clspd-10y-'));
    writeTenYearDataset(source, NOW);
    // Not named vault.json: `clspd check` opens the real vault's envelope, and these are only opaque encrypted-like bytes.
    writeProtected(source, { 'protected/keys.bin': randomBytes(600), 'protected/items/2026/sit-1.enc': randomBytes(4000) });
  }, 120_000);
  afterAll(() => rmSync(source, { recursive: true, force: true }));

  it('gives back identical data, archived periods and protected files included (3,000 actions, not 630)', async () => {
    const out = join(tempDir(), 'ma-sauvegarde.clspd');
    const b = await cli('backup', '--data', source, '--out', out);
    expect(b.code, b.err).toBe(0);
    expect(b.out).toMatch(/Sauvegarde complète écrite/);
    expect(b.out).toMatch(/3 périodes archivées et le coffre des données protégées/);
    expect(readdirSync(dirname(out))).toEqual(['ma-sauvegarde.clspd']);

    const target = join(tempDir(), 'vide', 'donnees');
    const r = await cli('restore', '--data', target, '--from', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('Sauvegarde restaurée.');
    // backups/ of the target holds the daily backup its first opening made: only the state is compared.
    const before = snapshot(source, false);
    const after = snapshot(target, false);
    expect(Object.keys(after).sort(), JSON.stringify([before, after])).toEqual(Object.keys(before).sort());
    for (const rel of listStateFiles(source)) expect(after[rel], rel).toBe(before[rel]);

    const listed = await cli('list', 'actions', '--data', target, '--json');
    expect(JSON.parse(listed.out)).toHaveLength(3000);
    const checked = await cli('check', '--data', target);
    expect(checked.code, checked.err).toBe(0);
    const store = Store.open(target, { readOnly: true });
    expect(store.data.actions).toHaveLength(630);
    await store.close();
  }, 120_000);

  it('the daily backup made at opening is complete too', async () => {
    const copy = join(tempDir(), 'copie');
    const made = await cli('backup', '--data', source, '--out', join(copy, '..', 'b.zip'));
    expect(made.code, made.err).toBe(0);
    expect((await cli('restore', '--data', copy, '--from', join(copy, '..', 'b.zip'))).code).toBe(0);
    const store = Store.open(copy, { owner: 'test', now: () => new Date('2027-01-02T08:00:00Z') });
    await store.close();
    const daily = listBackups(copy).find((x) => x.reason === 'daily')!;
    expect(daily.name).toMatch(/\.zip$/);
    const names = Object.keys(unzipSync(readFileSync(daily.file)));
    expect(names.sort()).toEqual([MANIFEST, ...listStateFiles(copy)].sort());
  }, 120_000);
});

describe('restore of a complete backup', () => {
  async function council(name: string, protectedFiles: Record<string, Buffer> = {}): Promise<string> {
    const dir = tempDir();
    const s = Store.open(dir, { owner: 'test' });
    const doc = sampleDatastore();
    doc.settings.communeName = name;
    await s.initialise(doc);
    await s.close();
    writeProtected(dir, protectedFiles);
    return dir;
  }

  it('replaces the whole state, removes protected files the backup does not have, keeps the previous state aside whole', async () => {
    const a = await council('Avant', { 'protected/vault.json': Buffer.from('A-key'), 'protected/only-in-a.enc': Buffer.from('A') });
    const b = await council('Sauvegardée', { 'protected/vault.json': Buffer.from('B-key') });
    const file = join(tempDir(), 'b.zip');
    expect((await cli('backup', '--data', b, '--out', file)).code).toBe(0);
    const aState = snapshot(a, false);
    const r = await cli('restore', '--data', a, '--from', file);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(a, 'protected/vault.json'), 'utf8')).toBe('B-key');
    expect(existsSync(join(a, 'protected/only-in-a.enc'))).toBe(false);
    const aside = listBackups(a).find((x) => x.reason === 'restore')!;
    const kept = unzipSync(readFileSync(aside.file));
    expect(Buffer.from(kept['protected/only-in-a.enc']).toString()).toBe('A');
    // What was moved aside restores the previous state exactly.
    expect((await cli('restore', '--data', a, '--from', aside.file)).code).toBe(0);
    expect(snapshot(a, false)).toEqual(aState);
  });

  it('runs the restore hooks once the store is reloaded (issue 9 plugs its retention engine here)', async () => {
    const dir = await council('Hook');
    const file = join(tempDir(), 'h.zip');
    expect((await cli('backup', '--data', dir, '--out', file)).code).toBe(0);
    const seen: RestoredInfo[] = [];
    const remove = addRestoreHook((info) => {
      seen.push(info);
    });
    try {
      const s = Store.open(dir, { owner: 'test' });
      await s.restoreFrom(file);
      await s.close();
    } finally {
      remove();
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ dataDir: dir, kind: 'complete' });
  });

  it('restores a backup of an earlier version (clspd.json alone), keeping the archives already in the folder', async () => {
    const dir = await council('Actuelle');
    const old = sampleDatastore();
    old.settings.communeName = 'Ancienne';
    old.periods = old.periods.map((p, i) => (i === 0 ? { ...p, status: 'closed' as const, archiveFile: 'archive-per_old.json' } : p));
    const legacy = join(tempDir(), 'clspd-20240101-000000-daily.json');
    writeFileSync(legacy, JSON.stringify(old));
    const r = await cli('restore', '--data', dir, '--from', legacy);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/version antérieure ne contient pas les périodes archivées \(archive-per_old\.json\)/);
    const s = Store.open(dir, { readOnly: true });
    expect(s.data.settings.communeName).toBe('Ancienne');
    await s.close();
  });

  describe('refuses a damaged or hostile backup with a French message and changes nothing', () => {
    let dir: string;
    let good: Buffer;
    beforeAll(async () => {
      const src = tempDir();
      const s = Store.open(src, { owner: 'test' });
      await s.initialise(sampleDatastore());
      await s.close();
      writeProtected(src, { 'protected/vault.json': randomBytes(300) });
      const f = join(src, 'b.zip');
      expect((await cli('backup', '--data', src, '--out', f)).code).toBe(0);
      good = readFileSync(f);
    });

    const entries = (): Record<string, Uint8Array> => unzipSync(good);
    /** Adds a file and lists it in the manifest with its true size and hash (a well-formed backup otherwise). */
    const withListedFile = (e: Record<string, Uint8Array>, path: string, data: Buffer): Record<string, Uint8Array> => {
      const m = JSON.parse(Buffer.from(e[MANIFEST]).toString());
      m.files.push({ path, size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
      return { ...e, [path]: data, [MANIFEST]: Buffer.from(JSON.stringify(m)) };
    };
    const cases: [string, () => Buffer, RegExp][] = [
      ['truncated', () => good.subarray(0, Math.floor(good.length / 2)), /endommagée ou incomplète/],
      ['empty', () => Buffer.alloc(0), /vide/],
      ['one byte changed in a file', () => {
        const e = entries();
        e['protected/vault.json'][10] ^= 0xff;
        return Buffer.from(zipSync(e));
      }, /« protected\/vault\.json » .* ne correspond pas à son empreinte/],
      ['a file missing', () => {
        const e = entries();
        delete e['protected/vault.json'];
        return Buffer.from(zipSync(e));
      }, /« protected\/vault\.json » annoncé dans son sommaire est absent/],
      ['a path leaving the folder', () => Buffer.from(zipSync({ ...entries(), '../../evil.json': new Uint8Array([1]) })), /fichier inattendu \(« \.\.\/\.\.\/evil\.json »\)/],
      ['an invalid archive', () => Buffer.from(zipSync(withListedFile(entries(), 'archive-per_x.json', Buffer.from('{}')))), /période archivée « archive-per_x\.json » de la sauvegarde n’est pas conforme/],
      ['a listed path leaving the folder', () => Buffer.from(zipSync(withListedFile(entries(), 'protected/../../x', Buffer.from('x')))), /fichier inattendu/],
      ['a newer backup format', () => {
        const e = entries();
        const m = JSON.parse(Buffer.from(e[MANIFEST]).toString());
        e[MANIFEST] = Buffer.from(JSON.stringify({ ...m, version: 7 }));
        return Buffer.from(zipSync(e));
      }, /version plus récente/],
      ['a zip declaring 1.6 GB', () => {
        const z = Buffer.from(good);
        // Central directory: patch the first entry's declared uncompressed size, as a zip bomb declares it.
        const cen = z.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
        z.writeUInt32LE(1_600_000_000, cen + 24);
        return z;
      }, /annonce 1\s?525,9 Mo de contenu une fois décompressé, au-delà de la limite/],
      ['not a backup at all', () => Buffer.from('Bonjour'), /n’est pas une sauvegarde/],
    ];
    for (const [name, make, message] of cases) {
      it(name, async () => {
        dir = await council('Intacte', { 'protected/vault.json': Buffer.from('mine') });
        const before = snapshot(dir);
        const bad = join(tempDir(), 'mauvaise.zip');
        writeFileSync(bad, make());
        const r = await cli('restore', '--data', dir, '--from', bad);
        expect(r.code).not.toBe(0);
        expect(r.err).toMatch(/^Erreur : Restauration impossible/);
        expect(r.err).toMatch(message);
        expect(r.err).toMatch(/Rien n’a été modifié\.$/);
        expect(looksFrench(r.err)).toBe(true);
        expect(snapshot(dir)).toEqual(before);
        expect(existsSync(join(dir, DATA_FILE))).toBe(true);
      });
    }
  });
});
