// Confidentiality review: what was said in a confidential meeting (item notes, chair notes, general notes, a decision journalled on a public action) reaches no shared file, with or without the explicit choice.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import * as share from '../../src/main/services/sharing';
import { Store } from '../../src/main/store/store';
import { buildSharingDataset, NOW, SECRET_NOTE } from '../fixtures/sharing/dataset';

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

async function xlsxText(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => out.push(JSON.stringify(c.value)))));
  return out.join('\n');
}

function pdfText(buf: Buffer): string {
  const file = join(dir, `x-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, buf);
  const r = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

/** Every entry of a zip (DOCX) inflated, concatenated. */
function zipText(zip: Buffer): string {
  const out: string[] = [];
  let off = 0;
  while (off < zip.length - 30 && zip.readUInt32LE(off) === 0x04034b50) {
    const method = zip.readUInt16LE(off + 8);
    const size = zip.readUInt32LE(off + 18);
    const nameLen = zip.readUInt16LE(off + 26);
    const start = off + 30 + nameLen + zip.readUInt16LE(off + 28);
    const raw = zip.subarray(start, start + size);
    out.push((method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    off = start + size;
  }
  return out.join('\n');
}

/** The e-mail text with its base64 parts decoded (a PDF part through pdftotext). */
function emlText(eml: string): string {
  const out = [eml];
  for (const m of eml.matchAll(/Content-Type: ([^;\r\n]+)[^]*?Content-Transfer-Encoding: base64[^]*?\r\n\r\n([A-Za-z0-9+/=\r\n]+)/g)) {
    const data = Buffer.from(m[2].replace(/\r\n/g, ''), 'base64');
    out.push(m[1] === 'application/pdf' ? pdfText(data) : data.toString('utf8'));
  }
  return out.join('\n');
}

function expectClean(text: string, what: string): void {
  for (const s of [SECRET_NOTE, CHAIR_NOTE, SECRET_ON_PUBLIC_ACTION]) expect(text, `${what} contains « ${s} »`).not.toContain(s);
}

describe('no note of a confidential meeting in a shared file', () => {
  it('the readers below do see the text of the files (controls)', async () => {
    expect(zipText((await share.exportMinutesDocx(ctx, 'mee_plen')).data)).toContain('Notes publiques de la plénière.');
    const eml = emlText((await share.exportEml(ctx, 'mee_rest', {})).data.toString('utf8'));
    expect(eml).toContain('BEGIN:VCALENDAR');
    expect(eml).toMatch(/Point sur les actions en\s+retard/);
    expect(await xlsxText((await share.exportTable(ctx, 'actions', 'xlsx', {})).data)).toContain('A1.1.1');
  });

  for (const includeConfidential of [false, true]) {
    it(`tables, invitations, e-mails, minutes, update packs (includeConfidential: ${includeConfidential})`, async () => {
      const opts = { includeConfidential };
      for (const kind of share.TABLE_KINDS) {
        expectClean((await share.exportTable(ctx, kind, 'csv', opts)).data.toString('utf8'), `${kind}.csv`);
        expectClean(await xlsxText((await share.exportTable(ctx, kind, 'xlsx', opts)).data), `${kind}.xlsx`);
      }
      const meetings = ['mee_plen', 'mee_rest', 'mee_cell', 'mee_cell2'];
      for (const id of meetings) {
        const confidential = id.startsWith('mee_cell');
        if (confidential && !includeConfidential) {
          expect(() => share.exportIcs(ctx, { meetingId: id }, opts)).toThrow(/confidentiel/);
          await expect(share.exportEml(ctx, id, opts)).rejects.toThrow(/confidentiel/);
        } else {
          expectClean(share.exportIcs(ctx, { meetingId: id }, opts).data.toString('utf8'), `${id}.ics`);
          expectClean(emlText((await share.exportEml(ctx, id, opts)).data.toString('utf8')), `${id}.eml`);
        }
        // DOCX minutes of a confidential meeting: relevé de décisions only.
        expectClean(zipText((await share.exportMinutesDocx(ctx, id)).data), `${id}.docx`);
      }
      for (const instanceId of ['ins_plen', 'ins_rest', ...(includeConfidential ? ['ins_cell'] : [])]) {
        expectClean(share.exportIcs(ctx, { instanceId }, opts).data.toString('utf8'), `${instanceId}.ics`);
      }
      for (const pilot of ['org_col', 'org_pol']) {
        expectClean(await xlsxText((await share.exportUpdatePack(ctx, pilot, opts)).data), `update pack ${pilot}`);
      }
    }, 60_000);
  }

  it('dossier de séance, with and without the explicit choice', async () => {
    for (const includeConfidential of [false, true]) {
      expectClean(pdfText((await share.exportDossier(ctx, 'mee_plen2', { includeConfidential })).data), `dossier (${includeConfidential})`);
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
