// A purge reaches the vault copies inside complete backups (zip): old keys gone from every byte, the backup still valid and restorable.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { readBackupFile } from '../../../src/main/store/backupFormat';
import { createBackup } from '../../../src/main/store/backups';
import { inspectText, Store } from '../../../src/main/store/store';
import { parseEnvelope } from '../../../src/main/vault/envelope';
import { purgeProtected, Vault, vaultPath } from '../../../src/main/vault';
import { cleanTempDirs, sampleDatastore, tempDir } from '../../helpers/fixtures';

afterEach(() => cleanTempDirs());

describe('purge and complete backups', () => {
  it('rewrites the vault inside each complete backup under the new data key; the backup still restores', async () => {
    const dir = tempDir();
    const store = Store.open(dir, { owner: 'test' });
    await store.initialise(sampleDatastore());
    const v = new Vault(dir);
    await v.create('valmont-demo');
    const texts = (meetingId: string, notes: string, date: string) => ({ meetingId, generalNotes: notes, agendaNotes: {}, decisionTexts: {}, meetingDate: date, updatedAt: `${date}T10:00:00.000Z` });
    await v.update((d) => {
      d.meetingTexts.push(texts('mtg_old', 'Texte purgé', '2019-02-01'), texts('mtg_new', 'Texte conservé', '2026-02-01'));
    });
    const old = parseEnvelope(readFileSync(vaultPath(dir), 'utf8'));
    if (!old.ok) throw new Error('envelope');
    const backup = createBackup(dir, store.file, 'manual', new Date('2026-03-01T10:00:00Z'));
    expect(readFileSync(backup).includes(Buffer.from(old.envelope.dataKey.wrapped.data))).toBe(true);

    const report = await purgeProtected(v, (d) => {
      d.meetingTexts = d.meetingTexts.filter((m) => m.meetingId !== 'mtg_old');
    });
    expect(report.rewritten).toBeGreaterThanOrEqual(1);
    const bytes = readFileSync(backup);
    expect(bytes.includes(Buffer.from(old.envelope.dataKey.id))).toBe(false);
    expect(bytes.includes(Buffer.from(old.envelope.dataKey.wrapped.data))).toBe(false);
    // Still a valid complete backup (manifest recomputed), and restoring it gives the purged vault.
    expect(() => readBackupFile(backup, (t, l) => inspectText(t, l))).not.toThrow();
    await store.restoreFrom(backup);
    await store.close();
    const again = new Vault(dir);
    await again.unlock('valmont-demo');
    expect(again.read().meetingTexts.map((m) => m.meetingId)).toEqual(['mtg_new']);
  });
});
