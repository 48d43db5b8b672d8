// Purge primitive: after a purge, no byte of the data folder (live file, backups, archives) holds the purged item, and the old ciphertext is out of reach.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDocument, openPayloadWith, parseEnvelope } from '../../../src/main/vault/envelope';
import { purgeProtected, registerCopyFormat, Vault, vaultPath } from '../../../src/main/vault';
import { cleanTempDirs, tempDir } from '../../helpers/fixtures';

afterEach(() => cleanTempDirs());

const PURGED = 'Texte purgé : situation 2019-007';
const KEPT = 'Texte conservé : situation 2026-001';

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? allFiles(p) : [p];
  });
}

/** Every encoding the plaintext could take in a file: UTF-8, UTF-16, base64 and JSON-escaped. */
function needles(text: string): Buffer[] {
  return [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le'), Buffer.from(Buffer.from(text).toString('base64').slice(0, 24)), Buffer.from(JSON.stringify(text).slice(1, 20))];
}

// A container format like a complete backup: a JSON object whose "protected/vault.json" entry is the vault file.
registerCopyFormat({
  name: 'test-container',
  read(file) {
    if (!file.endsWith('.bundle')) return undefined;
    const o = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    return o['protected/vault.json'] ? [o['protected/vault.json']] : [];
  },
  write(_file, bytes, replace) {
    const o = JSON.parse(bytes.toString('utf8')) as Record<string, string>;
    const next = replace(o['protected/vault.json']);
    if (next === null) delete o['protected/vault.json'];
    else o['protected/vault.json'] = next;
    return Buffer.from(JSON.stringify(o));
  },
});

describe('purgeProtected', () => {
  it('removes the item from the live file and every copy, under a new data key', async () => {
    const dir = tempDir();
    const v = new Vault(dir);
    await v.create('valmont-demo');
    const texts = (meetingId: string, generalNotes: string, meetingDate: string) => ({ meetingId, generalNotes, agendaNotes: {}, decisionTexts: { dec_x: generalNotes }, meetingDate, updatedAt: `${meetingDate}T10:00:00.000Z` });
    await v.update((d) => {
      d.meetingTexts.push(texts('mtg_old', PURGED, '2019-02-01'), texts('mtg_new', KEPT, '2026-02-01'));
    });
    // Copies as the backups hold them: a raw copy, one inside a container, one of another vault (cannot be filtered).
    const oldFile = readFileSync(vaultPath(dir), 'utf8');
    const oldEnvelope = parseEnvelope(oldFile);
    if (!oldEnvelope.ok) throw new Error('envelope');
    const oldDataKey = Buffer.from(v.keys.dataKey);
    mkdirSync(join(dir, 'backups', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'backups', 'vault-20260101.json'), oldFile);
    writeFileSync(join(dir, 'backups', 'complete-20260102.bundle'), JSON.stringify({ 'clspd.json': '{}', 'protected/vault.json': oldFile }));
    const stranger = tempDir();
    const sv = new Vault(stranger);
    await sv.create('une autre phrase');
    await sv.update((d) => void d.meetingTexts.push(texts('mtg_old', PURGED, '2019-02-01')));
    writeFileSync(join(dir, 'backups', 'sub', 'other-vault.json'), readFileSync(vaultPath(stranger)));

    const report = await purgeProtected(v, (d) => {
      d.meetingTexts = d.meetingTexts.filter((m) => m.meetingId !== 'mtg_old');
    });
    expect(report).toMatchObject({ rewritten: 3, shredded: 1 });
    expect(v.read().meetingTexts.map((m) => m.meetingId)).toEqual(['mtg_new']);

    // 1. Every byte of the folder: the purged text nowhere, in no encoding; no file wraps the old data key.
    const files = allFiles(dir);
    for (const f of files) {
      const bytes = readFileSync(f);
      for (const n of needles(PURGED)) expect(bytes.includes(n), `${f} holds the purged text`).toBe(false);
      expect(bytes.includes(Buffer.from(oldEnvelope.envelope.dataKey.id)), `${f} names the old data key`).toBe(false);
      expect(bytes.includes(Buffer.from(oldEnvelope.envelope.dataKey.wrapped.data)), `${f} holds the old wrapped key`).toBe(false);
    }
    // 2. The old ciphertext cannot be decrypted with the current keys (the data key changed; the old one is wrapped nowhere).
    expect(report.dataKeyId).not.toBe(oldEnvelope.envelope.dataKey.id);
    expect(openPayloadWith(oldEnvelope.envelope, v.keys.dataKey)).toBeUndefined();
    expect(openPayloadWith(oldEnvelope.envelope, oldDataKey)).toBeDefined();
    // 3. Every copy left in the folder opens with the current keys and no longer holds the item.
    for (const f of files.filter((x) => x.endsWith('.json') || x.endsWith('.bundle'))) {
      const text = f.endsWith('.bundle') ? (JSON.parse(readFileSync(f, 'utf8')) as Record<string, string>)['protected/vault.json'] : readFileSync(f, 'utf8');
      if (!text) continue;
      const env = parseEnvelope(text);
      expect(env.ok).toBe(true);
      if (!env.ok) continue;
      const opened = openDocument(env.envelope, v.keys.masterKey);
      expect(opened.ok).toBe(true);
      if (opened.ok) expect(opened.data.meetingTexts.map((m) => m.meetingId)).toEqual(['mtg_new']);
    }
    // The copy of another vault was removed, not left readable by its own passphrase.
    expect(readdirSync(join(dir, 'backups', 'sub'))).toEqual([]);
    // 4. A new process unlocks the purged vault with the same passphrase.
    v.lock();
    const again = new Vault(dir);
    await again.unlock('valmont-demo');
    expect(again.read().meetingTexts[0].generalNotes).toBe(KEPT);
  });
});
