// Confidentiality review: what was said in a confidential meeting (item notes, chair notes, general notes, a decision journalled on a public action) reaches no shared file, with or without the explicit choice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import * as share from '../../src/main/services/sharing';
import { Store } from '../../src/main/store/store';
import { buildSharingDataset, NOW, SECRET_NOTE } from '../fixtures/sharing/dataset';
import { emlText, pdfText, sweepSharedFiles, xlsxText, zipText } from '../helpers/export-sweep';

/** Said in the cellule about a public action, and journalled on it as the live capture does (meetingId set). */
const SECRET_ON_PUBLIC_ACTION = 'JOURNAL-CELLULE famille suivie rue des Lilas';
const CHAIR_NOTE = 'CHAIR-NOTE-CELLULE ne pas citer le nom';

let dir: string;
let store: Store;
let ctx: ServiceContext;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-sweep-'));
  store = Store.open(dir, { owner: 'test', now: () => NOW });
  const d = buildSharingDataset();
  for (const m of d.meetings) {
    if (m.instanceId !== 'ins_cell') continue;
    for (const item of m.agenda) {
      item.notes = SECRET_NOTE;
      item.chairNotes = CHAIR_NOTE;
    }
    m.generalNotes = SECRET_NOTE;
  }
  const pub = d.actions.find((a) => a.id === 'act_1')!;
  pub.journal.push({ id: 'jou_cell', at: '2026-11-05T10:00:00.000Z', field: 'progress', from: '40', to: '50', comment: SECRET_ON_PUBLIC_ACTION, meetingId: 'mee_cell' });
  // A plenary to come, for the dossier de séance.
  const plen = d.meetings.find((m) => m.id === 'mee_plen')!;
  d.meetings.push({ ...plen, id: 'mee_plen2', title: 'Plénière 2026', date: '2026-12-15', status: 'convened', decisions: [], attendance: [] });
  await store.initialise(d);
  ctx = createContext(store, {}, () => NOW);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function expectClean(text: string, what: string): void {
  for (const s of [SECRET_NOTE, CHAIR_NOTE, SECRET_ON_PUBLIC_ACTION]) expect(text, `${what} contains « ${s} »`).not.toContain(s);
}

describe('no note of a confidential meeting in a shared file', () => {
  it('the readers below do see the text of the files (controls)', async () => {
    expect(zipText((await share.exportMinutesDocx(ctx, 'mee_plen')).data)).toContain('Notes publiques de la plénière.');
    const eml = emlText((await share.exportEml(ctx, 'mee_rest', {})).data.toString('utf8'), dir);
    expect(eml).toContain('BEGIN:VCALENDAR');
    expect(eml).toMatch(/Point sur les actions en\s+retard/);
    expect(await xlsxText((await share.exportTable(ctx, 'actions', 'xlsx', {})).data)).toContain('A1.1.1');
  });

  for (const includeConfidential of [false, true]) {
    it(`tables, invitations, e-mails, minutes, update packs (includeConfidential: ${includeConfidential})`, async () => {
      const meetings = ['mee_plen', 'mee_rest', 'mee_cell', 'mee_cell2'];
      await sweepSharedFiles(
        ctx,
        {
          dir,
          includeConfidential,
          meetingIds: meetings,
          // DOCX minutes of a confidential meeting: relevé de décisions only.
          docxMeetingIds: meetings,
          instanceIds: ['ins_plen', 'ins_rest', ...(includeConfidential ? ['ins_cell'] : [])],
          pilotIds: ['org_col', 'org_pol'],
          isConfidential: (id) => id.startsWith('mee_cell'),
          jsonBackup: false,
        },
        expectClean,
      );
    }, 60_000);
  }

  it('dossier de séance, with and without the explicit choice', async () => {
    for (const includeConfidential of [false, true]) {
      expectClean(pdfText((await share.exportDossier(ctx, 'mee_plen2', { includeConfidential })).data, dir), `dossier (${includeConfidential})`);
    }
  }, 60_000);
});

describe('addresses in e-mail drafts and invitations', () => {
  it('an address with a line break (old data, hand-edited file) never reaches a header or an ATTENDEE line', async () => {
    await store.update((d) => {
      const m = d.meetings.find((x) => x.id === 'mee_rest')!;
      m.invitees.push({ id: 'inv_bad', guestName: 'Intrus', guestEmail: 'x@y.fr\r\nBcc: fuite@evil.example' });
      d.settings.coordinatorEmail = 'coord@ville.fr\r\nBcc: fuite@evil.example';
    });
    const eml = (await share.exportEml(ctx, 'mee_rest', {})).data.toString('utf8');
    const ics = share.exportIcs(ctx, { meetingId: 'mee_rest' }, {}).data.toString('utf8');
    for (const text of [eml, ics]) expect(text).not.toMatch(/^Bcc:/im);
    expect(eml).not.toContain('evil.example');
    expect(ics).not.toContain('evil.example');
  });
});
