// Migration 1 → 2: confidential texts leave clspd.json, the archives and the backups for the protected store; the CLI refuses the folder until then; CLI passphrase rules.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../../src/main/cli/index';
import { runCli } from '../../../src/main/cli/framework';
import { createContext } from '../../../src/main/services/context';
import { createVault, unlockVault, vaultStatus } from '../../../src/main/services/vault';
import { DATA_FILE, Store } from '../../../src/main/store/store';
import { Vault } from '../../../src/main/vault';
import { captureIo, cleanTempDirs, looksFrench, sampleDatastore, sha256, tempDir } from '../../helpers/fixtures';

const SECRET_NOTE = 'Famille suivie rue des Lilas';
const SECRET_DECISION = 'Saisine du PRE pour la situation 2025-031';

beforeEach(() => {
  delete process.env.CLSPD_PASSPHRASE;
});
afterEach(() => {
  delete process.env.CLSPD_PASSPHRASE;
  cleanTempDirs();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = captureIo();
  const code = await runCli(argv, commands, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

/** A folder as version 1 left it: texts in clear in clspd.json, in an archive file and in an old backup. */
function v1Folder(): string {
  const dir = tempDir();
  const doc = JSON.parse(JSON.stringify(sampleDatastore())) as Record<string, unknown> & { meetings: Record<string, unknown>[]; periods: Record<string, unknown>[] };
  doc.schemaVersion = 1;
  const m = doc.meetings.find((x) => x.id === 'mee_3')!;
  m.generalNotes = SECRET_NOTE;
  m.agenda = [{ id: 'itm_1', kind: 'item', title: 'Situations', durationMin: 30, linkedActionIds: [], notes: SECRET_NOTE }];
  m.decisions = [{ id: 'dec_1', kind: 'decision', text: SECRET_DECISION, status: 'open', createdAt: '2026-02-10T10:00:00.000Z' }];
  doc.periods.push({ id: 'per_0', title: 'Stratégie 2019–2022', startYear: 2019, endYear: 2022, status: 'closed', archiveFile: 'archive-per_0.json' });
  const archived = { ...m, id: 'mee_old', date: '2021-05-04', decisions: [{ id: 'dec_old', kind: 'decision', text: `${SECRET_DECISION} (ancienne)`, status: 'done', createdAt: '2021-05-04T10:00:00.000Z' }] };
  const archive = { schemaVersion: 1, archiveOf: 'per_0', period: doc.periods[1], axes: [], objectives: [], actions: [], meetings: [archived] };
  writeFileSync(join(dir, 'archive-per_0.json'), JSON.stringify(archive));
  writeFileSync(join(dir, DATA_FILE), JSON.stringify(doc));
  mkdirSync(join(dir, 'backups'));
  writeFileSync(join(dir, 'backups', 'clspd-20250101-120000-daily.json'), JSON.stringify(doc));
  return dir;
}

/** Every byte of the folder, with the entries of complete backups (zip) inflated: compression hides nothing. */
function everyByte(dir: string): Buffer {
  const parts: Buffer[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const b = readFileSync(p);
        parts.push(b);
        if (b[0] === 0x50 && b[1] === 0x4b) for (const e of Object.values(unzipSync(b))) parts.push(Buffer.from(e));
      }
    }
  };
  walk(dir);
  return Buffer.concat(parts);
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p, `${prefix}${n}/`);
      else out[`${prefix}${n}`] = sha256(p);
    }
  };
  walk(dir, '');
  return out;
}

describe('migration to the protected store', () => {
  it('the CLI refuses a folder waiting for the move (exit 1, French, nothing changed), check and backup still work', async () => {
    const dir = v1Folder();
    const before = snapshot(dir);
    const r = await cli('list', 'meetings', '--data', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/phrase de passe du coffre/);
    expect(looksFrench(r.err)).toBe(true);
    expect(snapshot(dir)).toEqual(before);
    const c = await cli('check', '--data', dir);
    expect(c.code).toBe(0);
    expect(c.out).toMatch(/mise à jour de protection/);
  });

  it('first start: the store migrates, the new passphrase moves every text into the vault and every copy is rewritten', async () => {
    const dir = v1Folder();
    const store = Store.open(dir, { owner: 'test' });
    const ctx = createContext(store);
    ctx.vault = new Vault(dir);
    try {
      expect(vaultStatus(ctx)).toMatchObject({ state: 'absent', migrationPending: true });
      // clspd.json is at format 2 but the texts wait in clear: still refused by the CLI.
      expect((await cli('list', 'meetings', '--data', dir)).code).toBe(1);
      const { recoveryKey } = await createVault(ctx, 'nouvelle phrase');
      expect(recoveryKey).toMatch(/^[0-9A-Z-]+$/);
      expect(vaultStatus(ctx)).toMatchObject({ state: 'unlocked', migrationPending: false });
      await store.flush();
      // The migration's own backup (a complete backup of the v1 state) was rewritten too.
      expect(readdirSync(join(dir, 'backups')).length).toBeGreaterThanOrEqual(2);
      // Every byte of the folder: no text in clear any more (clspd.json, archive, old backup, migration backup).
      const bytes = everyByte(dir);
      expect(bytes.includes(Buffer.from('rue des Lilas'))).toBe(false);
      expect(bytes.includes(Buffer.from('2025-031'))).toBe(false);
      const archive = JSON.parse(readFileSync(join(dir, 'archive-per_0.json'), 'utf8')) as { schemaVersion: number; meetings: { decisions: { text: string }[] }[] };
      expect(archive.schemaVersion).toBe(2);
      expect(archive.meetings[0].decisions[0].text).toBe('');
      const texts = ctx.vault.read().meetingTexts;
      expect(texts.find((t) => t.meetingId === 'mee_3')).toMatchObject({ generalNotes: SECRET_NOTE, agendaNotes: { itm_1: SECRET_NOTE }, decisionTexts: { dec_1: SECRET_DECISION } });
      expect(texts.find((t) => t.meetingId === 'mee_old')?.decisionTexts.dec_old).toContain('ancienne');
    } finally {
      await store.close();
    }
    expect((await cli('list', 'meetings', '--data', dir)).code).toBe(0);
  });

  it('restoring an older backup goes through the same migration at the next unlock', async () => {
    const dir = v1Folder();
    const old = join(tempDir(), 'ancienne.json');
    writeFileSync(old, readFileSync(join(dir, DATA_FILE)));
    let store = Store.open(dir, { owner: 'test' });
    let ctx = createContext(store);
    ctx.vault = new Vault(dir);
    await createVault(ctx, 'nouvelle phrase');
    await store.restoreFrom(old);
    expect(vaultStatus(ctx).migrationPending).toBe(true);
    await store.close();
    expect((await cli('list', 'meetings', '--data', dir)).code).toBe(1);
    store = Store.open(dir, { owner: 'test' });
    ctx = createContext(store);
    ctx.vault = new Vault(dir);
    await unlockVault(ctx, 'nouvelle phrase');
    expect(vaultStatus(ctx).migrationPending).toBe(false);
    await store.close();
    expect(everyByte(dir).includes(Buffer.from('rue des Lilas'))).toBe(false);
  });
});

describe('CLI passphrase', () => {
  it('never from an argument; missing → exit 2; wrong → exit 1; both change nothing; vault passphrase changes it', async () => {
    const dir = tempDir();
    const init = await cli('init', '--data', dir, '--demo');
    expect(init.code).toBe(0);
    expect(init.out).toContain('valmont-demo');
    const meeting = (JSON.parse(readFileSync(join(dir, DATA_FILE), 'utf8')) as { meetings: { id: string; confidentiality: string; decisions: unknown[] }[] }).meetings.find(
      (m) => m.confidentiality === 'confidential' && m.decisions.length,
    )!;
    const before = snapshot(dir);
    const out = join(tempDir(), 'releve.pdf');
    expect((await cli('pdf', 'minutes', '--data', dir, '--meeting', meeting.id, '--out', out, '--passphrase', 'valmont-demo')).code).toBe(2);
    const missing = await cli('pdf', 'minutes', '--data', dir, '--meeting', meeting.id, '--out', out);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/CLSPD_PASSPHRASE/);
    const wrongFile = join(tempDir(), 'faux.txt');
    writeFileSync(wrongFile, 'pas la bonne\n');
    const wrong = await cli('pdf', 'minutes', '--data', dir, '--meeting', meeting.id, '--out', out, '--passphrase-file', wrongFile);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/incorrecte/);
    expect(snapshot(dir)).toEqual(before);
    process.env.CLSPD_PASSPHRASE = 'valmont-demo';
    expect((await cli('pdf', 'minutes', '--data', dir, '--meeting', meeting.id, '--out', out)).code).toBe(0);
    delete process.env.CLSPD_PASSPHRASE;
    const good = join(tempDir(), 'p.txt');
    writeFileSync(good, 'valmont-demo\r\nligne ignorée\n');
    const next = join(tempDir(), 'n.txt');
    writeFileSync(next, 'une nouvelle phrase\n');
    expect((await cli('vault', 'passphrase', '--data', dir, '--passphrase-file', good)).code).toBe(2);
    const changed = await cli('vault', 'passphrase', '--data', dir, '--passphrase-file', good, '--new-passphrase-file', next);
    expect(changed.code).toBe(0);
    expect((await cli('pdf', 'minutes', '--data', dir, '--meeting', meeting.id, '--out', out, '--passphrase-file', good)).code).toBe(1);
    expect((await cli('pdf', 'minutes', '--data', dir, '--meeting', meeting.id, '--out', out, '--passphrase-file', next)).code).toBe(0);
  });
});
