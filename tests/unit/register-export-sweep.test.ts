// Export sweep for the register: no situation content (note, birth-derived date) and no name of the correspondence table reaches a shared file, a PDF, the global search or the plaintext of a backup.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, generateDocument } from '../../src/main/documents';
import { renderDpoJournal, renderRegisterStats } from '../../src/main/documents/register';
import { setupDemo } from '../../src/main/services/app';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import * as reg from '../../src/main/services/register';
import { globalSearch } from '../../src/main/services/search';
import * as share from '../../src/main/services/sharing';
import { DEMO_PASSPHRASE } from '../../src/main/services/vault';
import { Store } from '../../src/main/store/store';
import { Vault } from '../../src/main/vault';
import { pdfText, sweepSharedFiles, zipText } from '../helpers/export-sweep';

const SECRET = 'NOTE-SITUATION-XQ7 suivi particulier';
const FIRST = 'Zéphyrine';
const LAST = 'QUALMORTIER';
const NAME = `${FIRST} ${LAST}`;
let dir = '';
let store: Store;
let ctx: ServiceContext;
let vault: Vault;
let refs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-regsweep-'));
  store = Store.open(dir, { owner: 'test' });
  ctx = createContext(store, {}, () => new Date('2026-12-07T09:00:00Z'));
  // The real encrypted store, so that backups and the data folder hold what the app would write.
  vault = new Vault(dir);
  ctx.vault = vault;
  await setupDemo(ctx);
  expect(vault.state).toBe('unlocked');
  const cell = store.data.instances.find((i) => reg.canFollowSituations(i))!.id;
  const s = await reg.createSituation(ctx, { openedAt: '2026-11-02', instanceIds: [cell], origin: 'school', reason: 'harassment', ageBracket: '15_17', birthYear: 2010, orientations: ['mediation'], note: SECRET });
  await reg.updateRegisterOptions(ctx, { correspondenceEnabled: true });
  const view = await reg.revealCorrespondence(ctx, { id: s.id, passphrase: DEMO_PASSPHRASE });
  await reg.setCorrespondence(ctx, { id: s.id, token: view.token, name: NAME });
  refs = vault.read().situations.map((x) => x.reference);
}, 120_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const clean = (text: string, what: string) => {
  expect(text, `${what} contains the situation's note`).not.toContain(SECRET);
  // The only situation-derived date is the legal end date (1 January of the 25th year): never printed.
  expect(text, `${what} contains the legal end date`).not.toMatch(/2035-01-01|01\/01\/2035|1er janvier 2035/);
  expect(text, `${what} contains the name of the correspondence table`).not.toContain(LAST);
  expect(text.normalize('NFC'), `${what} contains the first name of the correspondence table`).not.toContain(FIRST);
};

describe('no situation content and no name of the correspondence table in any shared file', () => {
  it('the name is in the protected store (control: the sweep looks for something that exists)', () => {
    expect(vault.read().correspondence.map((c) => c.name)).toContain(NAME);
  });

  it('tables (CSV, XLSX), calendars, e-mail drafts, DOCX minutes, update packs, the JSON backup', async () => {
    const meetings = store.data.meetings;
    const pilots = new Set(store.data.actions.map((a) => a.pilot.organisationId).filter((x): x is string => Boolean(x)));
    await sweepSharedFiles(
      ctx,
      {
        dir,
        includeConfidential: true,
        meetingIds: meetings.map((m) => m.id),
        docxMeetingIds: meetings.filter((m) => m.status === 'held' || m.status === 'validated').map((m) => m.id),
        instanceIds: store.data.instances.map((i) => i.id),
        pilotIds: [...pilots].slice(0, 5),
        isConfidential: (id) => meetings.find((m) => m.id === id)?.confidentiality === 'confidential',
        jsonBackup: true,
      },
      clean,
    );
  }, 120_000);

  it('every PDF document (minutes of the cellules included), the DPO journal, and the statistics PDF shows counts only', async () => {
    const confidentialMeetings = store.data.meetings.filter((m) => m.confidentiality === 'confidential' && (m.status === 'held' || m.status === 'validated'));
    for (const m of confidentialMeetings.slice(0, 4)) clean(pdfText((await generateDocument('minutes', store.data, { meetingId: m.id })).bytes, dir), `minutes ${m.id}`);
    for (const kind of DOCUMENT_KINDS.filter((k) => k === 'plan' || k === 'dashboard' || k === 'members')) {
      clean(pdfText((await generateDocument(kind, store.data, { includeConfidential: true, year: 2026 })).bytes, dir), kind);
    }
    const plenary = new Set(store.data.instances.filter((i) => i.kind === 'plenary').map((i) => i.id));
    const next = store.data.meetings.find((m) => plenary.has(m.instanceId) && m.status !== 'held' && m.status !== 'validated');
    expect(next, 'an upcoming plenary in the demo').toBeDefined();
    clean(pdfText((await share.exportDossier(ctx, next!.id, { includeConfidential: true })).data, dir), 'dossier de séance');
    const stats = reg.registerStats(store.data, vault.read());
    const text = pdfText((await renderRegisterStats(store.data, stats, undefined)).bytes, dir);
    clean(text, 'statistics');
    for (const r of refs) expect(text).not.toContain(r);
    expect(text).toContain('< 5');
    const journal = pdfText((await renderDpoJournal(store.data, reg.dpoJournal(ctx))).bytes, dir);
    // Control: the journal lists the correspondence displays, without the name.
    expect(journal).toMatch(/table de correspondance/i);
    clean(journal, 'DPO journal');
  }, 120_000);

  it('the global search finds nothing by the name, and the CLI listing does not carry it', () => {
    for (const q of [NAME, FIRST, LAST, 'qualmortier', 'zephyrine']) {
      const hits = globalSearch(ctx, q, 100);
      expect(hits, q).toEqual([]);
    }
    // The coordinator's own listing carries notes by design, never a name.
    expect(JSON.stringify(reg.situationsForCli(ctx, 'contrôle'))).not.toContain(LAST);
  });

  it('no byte of the data folder holds the name or the note in clear, complete backups included', async () => {
    await store.flush();
    expect(store.backup('manual')).toBeTruthy();
    const files: string[] = [];
    const walk = (d: string): void => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(p);
      }
    };
    walk(dir);
    expect(files.some((f) => f.includes('backups'))).toBe(true);
    for (const f of files) {
      if (f.endsWith('.pdf')) continue; // scratch files of this test, already read above
      const bytes = readFileSync(f);
      for (const text of [bytes.toString('utf8'), bytes.toString('utf16le'), bytes.toString('latin1'), bytes.readUInt32LE(0) === 0x04034b50 ? zipText(bytes) : '']) {
        expect(text, f).not.toContain(LAST);
        expect(text, f).not.toContain(SECRET);
      }
    }
  });
});
