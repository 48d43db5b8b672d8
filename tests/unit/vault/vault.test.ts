// Protected store: encryption round trip, tampering refused, wrong passphrase and its growing delay, recovery key, idle lock.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatRecoveryKey, newRecoverySecret, parseRecoveryKey, testFastMode } from '../../../src/main/vault/crypto';
import { parseEnvelope } from '../../../src/main/vault/envelope';
import { failureDelayMs, Vault, vaultPath } from '../../../src/main/vault';
import { DomainError } from '../../../src/shared/result';
import { cleanTempDirs, looksFrench, sha256, tempDir } from '../../helpers/fixtures';

afterEach(() => cleanTempDirs());

const SECRET = 'Situation 2026-014 : texte confidentiel de test';

async function created(): Promise<{ dir: string; v: Vault; recoveryKey: string }> {
  const dir = tempDir();
  const v = new Vault(dir);
  const { recoveryKey } = await v.create('valmont-demo');
  await v.update((d) => {
    d.meetingTexts.push({ meetingId: 'mtg_1', generalNotes: SECRET, agendaNotes: { itm_1: 'note du point' }, decisionTexts: { dec_1: 'décision' }, meetingDate: '2026-03-02', updatedAt: '2026-03-02T10:00:00.000Z' });
  });
  return { dir, v, recoveryKey };
}

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe('vault', () => {
  it('runs with the test-only fast key derivation', () => {
    expect(testFastMode()).toBe(true);
  });

  it('round-trips: the file holds no plaintext, a new process unlocks it with the passphrase', async () => {
    const { dir, v } = await created();
    expect(v.state).toBe('unlocked');
    const bytes = readFileSync(vaultPath(dir));
    expect(bytes.includes(Buffer.from('2026-014'))).toBe(false);
    expect(bytes.includes(Buffer.from('décision'))).toBe(false);
    v.lock();
    expect(v.state).toBe('locked');
    expect(() => v.read()).toThrow(/verrouillé/);
    const other = new Vault(dir);
    expect(other.state).toBe('locked');
    await other.unlock('valmont-demo');
    expect(other.read().meetingTexts[0].generalNotes).toBe(SECRET);
  });

  it('refuses a wrong passphrase in French, writes nothing and makes the next try wait longer', async () => {
    const { dir } = await created();
    const v = new Vault(dir, { failureDelayBaseMs: 400 });
    const before = sha256(vaultPath(dir));
    const listing = readdirSync(join(dir, 'protected'));
    const e1 = await refusal(v.unlock('mauvaise phrase'));
    expect(e1.code).toBe('forbidden');
    expect(looksFrench(e1.message)).toBe(true);
    expect(e1.message).not.toContain('mauvaise');
    // Immediately again: refused without even trying, with the delay in the message.
    const e2 = await refusal(v.unlock('valmont-demo'));
    expect(e2.message).toMatch(/patientez/);
    expect(v.state).toBe('locked');
    await new Promise((r) => setTimeout(r, v.retryInMs + 5));
    await refusal(v.unlock('encore faux'));
    expect(v.retryInMs).toBeGreaterThan(400);
    expect(failureDelayMs(3)).toBeGreaterThan(failureDelayMs(2));
    expect(sha256(vaultPath(dir))).toBe(before);
    expect(readdirSync(join(dir, 'protected'))).toEqual(listing);
    await new Promise((r) => setTimeout(r, v.retryInMs + 5));
    await v.unlock('valmont-demo');
    expect(v.state).toBe('unlocked');
  });

  it('refuses a tampered file (any changed byte of a section, a record, the keys or the header)', async () => {
    const { dir, v } = await created();
    await v.update((d) => void (d.meetingTexts[0].agendaNotes.itm_2 = 'note ajoutée'));
    const file = vaultPath(dir);
    const original = readFileSync(file, 'utf8');
    const lines = original.split('\n');
    expect(lines).toHaveLength(1 + 5 + 2); // header, five sections, two change records
    const { createHash } = await import('node:crypto');
    const sha = (s: string) => createHash('sha256').update(s).digest('hex');
    const flip = (b64: string) => {
      const b = Buffer.from(b64, 'base64');
      b[b.length - 1] ^= 1;
      return b.toString('base64');
    };
    /** Re-signs the header (section digests and checksum) so that only the keys can see the change. */
    const resign = (ls: string[]) => {
      const { sha256: _drop, ...head } = JSON.parse(ls[0]) as Record<string, unknown> & { sections: { name: string; sha256: string }[] };
      head.sections = head.sections.map((s, i) => ({ ...s, sha256: sha(ls[1 + i]) }));
      return [JSON.stringify({ ...head, sha256: sha(JSON.stringify(head)) }), ...ls.slice(1)].join('\n');
    };
    const unlockFails = async (text: string) => {
      writeFileSync(file, text);
      const e = await refusal(new Vault(dir).unlock('valmont-demo'));
      expect(e.message).toMatch(/modifié ou endommagé/);
      expect(e.message).not.toContain('2026-014');
    };
    v.lock(); // folds the record into the file
    const folded = readFileSync(file, 'utf8').split('\n');
    expect(folded).toHaveLength(6);
    // 1. a flipped byte of a section with every checksum recomputed: only the keys can see it.
    const section = JSON.parse(folded[1]) as { data: string };
    await unlockFails(resign([folded[0], JSON.stringify({ ...section, data: flip(section.data) }), ...folded.slice(2)]));
    // 2. a changed byte without re-signing: refused before any key is tried, by the key-free check too.
    writeFileSync(file, folded.join('\n').replace('"writtenAt":"2', '"writtenAt":"1'));
    expect(parseEnvelope(readFileSync(file, 'utf8')).ok).toBe(false);
    await unlockFails(readFileSync(file, 'utf8'));
    // 3. the wrapped data key altered.
    const head = JSON.parse(folded[0]) as { dataKey: { id: string; wrapped: { data: string } } };
    const { sha256: _s, ...unsigned } = { ...head, dataKey: { ...head.dataKey, wrapped: { ...head.dataKey.wrapped, data: flip(head.dataKey.wrapped.data) } } } as Record<string, unknown>;
    await unlockFails(JSON.stringify({ ...unsigned, sha256: sha(JSON.stringify(unsigned)) }) + '\n' + folded.slice(1).join('\n'));
    // 4. a section of the older snapshot (same keys) put back: the data key's wrap lists the sections it goes with.
    await unlockFails(resign([folded[0], lines[1], ...folded.slice(2)]));
    // 5. a change record altered (its own checksum recomputed) or moved under another snapshot.
    const rec = JSON.parse(lines[7]) as { record: number; iv: string; tag: string; data: string };
    const data = flip(rec.data);
    const forged = JSON.stringify({ ...rec, data, sha256: sha(`${rec.record}.${rec.iv}.${rec.tag}.${data}`) });
    await unlockFails([...lines.slice(0, 7), forged, lines[7]].join('\n'));
    await unlockFails([...folded, lines[6]].join('\n'));
    writeFileSync(file, original);
    const again = new Vault(dir);
    await again.unlock('valmont-demo');
    expect(again.read().meetingTexts[0].agendaNotes.itm_2).toBe('note ajoutée');
  });

  it('a throwing update changes neither memory nor disk; an invalid one is refused', async () => {
    const { dir, v } = await created();
    const before = sha256(vaultPath(dir));
    await expect(
      v.update((d) => {
        d.meetingTexts[0].generalNotes = 'changé';
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(v.read().meetingTexts[0].generalNotes).toBe(SECRET);
    await expect(
      v.update((d) => {
        (d.meetingTexts[0] as { meetingDate: string }).meetingDate = 'pas une date';
      }),
    ).rejects.toThrow(DomainError);
    expect(sha256(vaultPath(dir))).toBe(before);
    expect(() => {
      (v.read().meetingTexts[0] as { generalNotes: string }).generalNotes = 'hors transaction';
    }).toThrow();
  });

  it('recovery key: formats and parses, opens the vault and sets a new passphrase', async () => {
    const secret = newRecoverySecret();
    const text = formatRecoveryKey(secret);
    expect(text).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
    expect(parseRecoveryKey(text.toLowerCase().replace(/-/g, ' '))?.equals(secret)).toBe(true);
    expect(parseRecoveryKey(text.slice(0, -2))).toBeUndefined();
    expect(parseRecoveryKey(`U${text.slice(1)}`)).toBeUndefined();
    expect(parseRecoveryKey(`${text[0] === 'A' ? 'B' : 'A'}${text.slice(1)}`)?.equals(secret)).toBe(false);
    const { dir, v, recoveryKey } = await created();
    v.lock();
    const w = new Vault(dir);
    await refusal(w.recover(formatRecoveryKey(newRecoverySecret()), 'nouvelle phrase'));
    await new Promise((r) => setTimeout(r, w.retryInMs + 5));
    await w.recover(recoveryKey, 'nouvelle phrase');
    expect(w.read().meetingTexts).toHaveLength(1);
    const x = new Vault(dir);
    await refusal(x.unlock('valmont-demo'));
    await new Promise((r) => setTimeout(r, x.retryInMs + 5));
    await x.unlock('nouvelle phrase');
    expect(x.read().meetingTexts[0].generalNotes).toBe(SECRET);
  });

  it('changes the passphrase; the old one no longer opens the live file nor the copies in backups/', async () => {
    const { dir, v } = await created();
    mkdirSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'backups', 'vault-copy.json'), readFileSync(vaultPath(dir)));
    // The wrong current passphrase is named after the channel's own field, so the form shows it under « current ».
    expect((await refusal(v.changePassphrase('pas la bonne', 'autre phrase de passe'))).field).toBe('current');
    await new Promise((r) => setTimeout(r, v.retryInMs + 5));
    await v.changePassphrase('valmont-demo', 'autre phrase de passe');
    for (const file of [vaultPath(dir), join(dir, 'backups', 'vault-copy.json')]) {
      const copy = join(tempDir(), 'x');
      mkdirSync(join(copy, 'protected'), { recursive: true });
      writeFileSync(vaultPath(copy), readFileSync(file));
      const old = new Vault(copy);
      await refusal(old.unlock('valmont-demo'));
      const fresh = new Vault(copy);
      await fresh.unlock('autre phrase de passe');
      expect(fresh.read().meetingTexts[0].generalNotes).toBe(SECRET);
    }
  });

  it('create refuses a short passphrase and an existing vault', async () => {
    const dir = tempDir();
    const v = new Vault(dir);
    expect((await refusal(v.create('court'))).field).toBe('passphrase');
    expect(existsSync(vaultPath(dir))).toBe(false);
    await v.create('assez longue');
    expect((await refusal(new Vault(dir).create('assez longue'))).code).toBe('conflict');
  });

  it('locks after the idle delay', async () => {
    const { v } = await created();
    expect(v.lockIfIdle(10, Date.now() + 9 * 60_000)).toBe(false);
    expect(v.lockIfIdle(10, Date.now() + 11 * 60_000)).toBe(true);
    expect(v.state).toBe('locked');
  });
});
