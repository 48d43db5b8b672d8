// Protected store file format 2: format-1 files still open, changes as appended records, torn tails, compaction, row deltas.
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDelta, diff, type SectionName } from '../../../src/main/vault/delta';
import { parseEnvelope } from '../../../src/main/vault/envelope';
import { MAX_RECORDS } from '../../../src/main/vault/writer';
import { Vault, vaultPath } from '../../../src/main/vault';
import type { ProtectedData } from '../../../src/shared/protected-model';
import { cleanTempDirs, tempDir } from '../../helpers/fixtures';

afterEach(() => cleanTempDirs());

/** A vault.json written by the format-1 code (before this change), passphrase valmont-demo. */
const FORMAT1 = join(__dirname, '..', '..', 'fixtures', 'vault', 'vault-format1.json');
/** A vault file of protected schema 1 (format 2: snapshot + two change records) written before schema 2, same passphrase. */
const SCHEMA1 = join(__dirname, '..', '..', 'fixtures', 'vault', 'vault-schema1.txt');
const SCHEMA1_RECOVERY = '567H-CF45-CD8N-ZVR5-ZFSG-JYW9-FJ5A-68MM-BVG4-A7Z7-N3NE-EDFK-4AW0';
const FORMAT1_RECOVERY = 'Y2ZS-MGYH-KW8E-BBJN-8VQW-GNZ0-P5BV-5H20-9EF4-RVQK-6D7A-RV5Z-S970';

function format1Folder(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'protected'));
  copyFileSync(FORMAT1, vaultPath(dir));
  return dir;
}

const texts = (meetingId: string, generalNotes: string) => ({ meetingId, generalNotes, agendaNotes: {}, decisionTexts: {}, meetingDate: '2026-03-02', updatedAt: '2026-03-02T10:00:00.000Z' });
const lineCount = (dir: string) => readFileSync(vaultPath(dir), 'utf8').split('\n').length;

describe('vault file format', () => {
  it('opens a format-1 file written by the previous version, then rewrites it in format 2 at the first change', async () => {
    const dir = format1Folder();
    const env = parseEnvelope(readFileSync(vaultPath(dir), 'utf8'));
    expect(env.ok && env.envelope.version).toBe(1);
    const v = new Vault(dir);
    await v.unlock('valmont-demo');
    expect(v.read().meetingTexts).toEqual([expect.objectContaining({ meetingId: 'mtg_v1', generalNotes: 'Notes générales format 1', decisionTexts: { dec_v1: 'Décision format 1' } })]);
    await v.update((d) => void (d.meetingTexts[0].agendaNotes.itm_v1 = 'Note modifiée'));
    const now = parseEnvelope(readFileSync(vaultPath(dir), 'utf8'));
    expect(now.ok && now.envelope.version).toBe(2);
    v.lock();
    const again = new Vault(dir);
    await again.unlock('valmont-demo');
    expect(again.read().meetingTexts[0]).toMatchObject({ generalNotes: 'Notes générales format 1', agendaNotes: { itm_v1: 'Note modifiée' } });
    // The recovery key printed for the format-1 file still works.
    const recovered = new Vault(format1Folder());
    await recovered.recover(FORMAT1_RECOVERY, 'nouvelle phrase de passe');
    expect(recovered.read().meetingTexts[0].meetingId).toBe('mtg_v1');
  });

  it('opens a protected-schema-1 file (format 2 with change records, written before schema 2) and keeps everything through new writes', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'protected'));
    copyFileSync(SCHEMA1, vaultPath(dir));
    const env = parseEnvelope(readFileSync(vaultPath(dir), 'utf8'));
    expect(env.ok && env.envelope.version === 2 && env.envelope.header.schema).toBe(1);
    const v = new Vault(dir);
    await v.unlock('valmont-demo');
    const read = v.read();
    expect(read.schemaVersion).toBe(2);
    expect(read.meetingTexts).toEqual([
      expect.objectContaining({ meetingId: 'mtg_s1', generalNotes: 'Notes générales schéma 1', agendaNotes: { itm_s1: 'Note du point schéma 1' }, decisionTexts: { dec_s1: 'Décision schéma 1' } }),
      expect.objectContaining({ meetingId: 'mtg_s1b', decisionTexts: { dec_s1b: 'Seconde décision schéma 1' } }),
    ]);
    expect(read.meetingTexts[0].chairNotes).toBeUndefined();
    expect(read.correspondence).toEqual([{ reference: '2026-001', name: 'Nom Schéma Un' }]);
    // Schema-2 fields written into the old file: appended as a record, then folded into a schema-2 snapshot at the lock.
    await v.update((d) => {
      d.meetingTexts[0].chairNotes = { itm_s1: 'Note pour le président' };
      d.meetingTexts[0].followUpComments = { dec_old: 'Commentaire de suivi' };
      d.meetingTexts[0].actionTitles = { act_1: 'Titre de l’action' };
    });
    v.lock();
    const after = parseEnvelope(readFileSync(vaultPath(dir), 'utf8'));
    expect(after.ok && after.envelope.version === 2 && after.envelope.header.schema).toBe(2);
    const again = new Vault(dir);
    await again.unlock('valmont-demo');
    expect(again.read().meetingTexts[0]).toMatchObject({
      generalNotes: 'Notes générales schéma 1',
      decisionTexts: { dec_s1: 'Décision schéma 1' },
      chairNotes: { itm_s1: 'Note pour le président' },
      followUpComments: { dec_old: 'Commentaire de suivi' },
      actionTitles: { act_1: 'Titre de l’action' },
    });
    expect(again.read().meetingTexts[1].decisionTexts).toEqual({ dec_s1b: 'Seconde décision schéma 1' });
    // The recovery key printed for the schema-1 file still works.
    const recoveredDir = tempDir();
    mkdirSync(join(recoveredDir, 'protected'));
    copyFileSync(SCHEMA1, vaultPath(recoveredDir));
    const recovered = new Vault(recoveredDir);
    await recovered.recover(SCHEMA1_RECOVERY, 'nouvelle phrase de passe');
    expect(recovered.read().meetingTexts.map((m) => m.meetingId)).toEqual(['mtg_s1', 'mtg_s1b']);
  });

  it('a change is one record appended (the rest of the file untouched) and a new process reads it', async () => {
    const dir = tempDir();
    const v = new Vault(dir);
    await v.create('valmont-demo', { schemaVersion: 2, meetingTexts: [texts('mtg_0', 'a'.repeat(50_000)), texts('mtg_1', 'court')], situations: [], accessLog: [], postponements: [], correspondence: [] });
    const before = readFileSync(vaultPath(dir));
    await v.update((d) => void (d.meetingTexts[1].agendaNotes.itm_1 = 'note du point'));
    const after = readFileSync(vaultPath(dir));
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.length - before.length).toBeLessThan(1_000);
    expect(after.includes(Buffer.from('note du point'))).toBe(false);
    const other = new Vault(dir);
    await other.unlock('valmont-demo');
    expect(other.read().meetingTexts[1].agendaNotes).toEqual({ itm_1: 'note du point' });
    expect(other.read().meetingTexts[0].generalNotes).toHaveLength(50_000);
    expect(parseEnvelope(after.toString('utf8')).ok).toBe(true);
  });

  it('ignores a torn last record (a crash mid-write, never acknowledged) and cuts it at the next write', async () => {
    const dir = tempDir();
    const v = new Vault(dir);
    await v.create('valmont-demo');
    await v.update((d) => void d.meetingTexts.push(texts('mtg_1', 'premier')));
    const whole = readFileSync(vaultPath(dir), 'utf8');
    await v.update((d) => void (d.meetingTexts[0].generalNotes = 'second'));
    const full = readFileSync(vaultPath(dir), 'utf8');
    writeFileSync(vaultPath(dir), full.slice(0, whole.length + Math.floor((full.length - whole.length) / 2)));
    expect(parseEnvelope(readFileSync(vaultPath(dir), 'utf8')).ok).toBe(true);
    const other = new Vault(dir);
    await other.unlock('valmont-demo');
    expect(other.read().meetingTexts[0].generalNotes).toBe('premier');
    await other.update((d) => void (d.meetingTexts[0].generalNotes = 'troisième'));
    const third = new Vault(dir);
    await third.unlock('valmont-demo');
    expect(third.read().meetingTexts[0].generalNotes).toBe('troisième');
    expect(lineCount(dir)).toBe(1 + 5 + 2);
  });

  it('folds the records into one snapshot after many changes and at lock; rewrites a file replaced under it', async () => {
    const dir = tempDir();
    const v = new Vault(dir);
    await v.create('valmont-demo');
    await v.update((d) => void d.meetingTexts.push(texts('mtg_1', '0')));
    for (let i = 1; i <= MAX_RECORDS; i++) await v.update((d) => void (d.meetingTexts[0].generalNotes = String(i)));
    expect(lineCount(dir)).toBeLessThan(1 + 5 + MAX_RECORDS);
    await v.update((d) => void (d.meetingTexts[0].generalNotes = 'avant verrouillage'));
    expect(lineCount(dir)).toBeGreaterThan(6);
    v.lock();
    expect(lineCount(dir)).toBe(6);
    // Another writer replaced the file (a restore): the next change rewrites it whole rather than appending to it.
    await v.unlock('valmont-demo');
    const other = new Vault(dir);
    await other.unlock('valmont-demo');
    await other.update((d) => void (d.meetingTexts[0].generalNotes = 'autre'));
    other.lock();
    await v.update((d) => void (d.meetingTexts[0].agendaNotes.itm_9 = 'ici'));
    const last = new Vault(dir);
    await last.unlock('valmont-demo');
    expect(last.read().meetingTexts[0]).toMatchObject({ generalNotes: 'avant verrouillage', agendaNotes: { itm_9: 'ici' } });
    expect(statSync(vaultPath(dir)).size).toBeGreaterThan(0);
  });

  it('a failed append leaves memory and file as they were', async () => {
    const dir = tempDir();
    const v = new Vault(dir);
    await v.create('valmont-demo');
    await v.update((d) => void d.meetingTexts.push(texts('mtg_1', 'gardé')));
    const before = readFileSync(vaultPath(dir));
    // A directory where the file was: the append cannot open it.
    const { renameSync, rmSync } = await import('node:fs');
    renameSync(vaultPath(dir), `${vaultPath(dir)}.moved`);
    mkdirSync(vaultPath(dir));
    await expect(v.update((d) => void (d.meetingTexts[0].generalNotes = 'perdu'))).rejects.toThrow(/enregistr/);
    expect(v.read().meetingTexts[0].generalNotes).toBe('gardé');
    rmSync(vaultPath(dir), { recursive: true });
    renameSync(`${vaultPath(dir)}.moved`, vaultPath(dir));
    expect(readFileSync(vaultPath(dir)).equals(before)).toBe(true);
    appendFileSync(vaultPath(dir), ''); // unchanged, still opens
    const other = new Vault(dir);
    await other.unlock('valmont-demo');
    expect(other.read().meetingTexts[0].generalNotes).toBe('gardé');
  });
});

describe('row deltas', () => {
  const doc = (rows: Array<{ meetingId: string; generalNotes: string }>): ProtectedData =>
    ({ schemaVersion: 1, meetingTexts: rows, situations: [], accessLog: [], postponements: [], correspondence: [] }) as unknown as ProtectedData;

  it('replaying the delta of any change gives the new document', () => {
    const row = fc.record({ meetingId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'), generalNotes: fc.string({ maxLength: 4 }) });
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => r.meetingId, maxLength: 10 }), fc.array(fc.nat(4), { maxLength: 12 }), fc.uniqueArray(row, { selector: (r) => r.meetingId, maxLength: 10 }), (base, ops, fresh) => {
        const before = doc(base);
        // Derive `after` from `before` the way services do: keep most rows as they are (same objects).
        let rows = [...base];
        ops.forEach((op, i) => {
          if (op === 0 && rows.length) rows.splice(i % rows.length, 1);
          else if (op === 1 && rows.length) rows[i % rows.length] = { ...rows[i % rows.length], generalNotes: `x${i}` };
          else if (op === 2 && fresh.length) {
            const f = fresh.shift()!;
            if (!rows.some((r) => r.meetingId === f.meetingId)) rows.push(f);
          } else if (op === 3) rows = [...rows].reverse();
        });
        const after = doc(rows);
        const { delta } = diff(before, after);
        const replay = JSON.parse(JSON.stringify({ meetingTexts: base })) as Record<SectionName, unknown[]>;
        applyDelta(replay, JSON.parse(JSON.stringify(delta)));
        expect(replay.meetingTexts).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('records only the rows that changed', () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ meetingId: `m${i}`, generalNotes: 'x' }));
    const next = rows.map((r, i) => (i === 7 ? { ...r, generalNotes: 'y' } : r));
    const { delta, changedRows } = diff(doc(rows), doc([...next, { meetingId: 'm40', generalNotes: 'z' }].filter((r) => r.meetingId !== 'm3')));
    expect(delta).toEqual({ meetingTexts: { upsert: [{ meetingId: 'm7', generalNotes: 'y' }, { meetingId: 'm40', generalNotes: 'z' }], remove: ['m3'] } });
    expect(changedRows[0].rows).toHaveLength(2);
  });
});
