// Sharing exports: XLSX/CSV tables, formula injection, confidentiality, ICS (checked with ical.js), EML, DOCX, JSON backup.
import { SCHEMA_VERSION } from '../../src/shared/model';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import * as share from '../../src/main/services/sharing';
import { neutralise } from '../../src/main/services/sharing/common';
import { foldLine } from '../../src/main/services/sharing/ics';
import { buildTable } from '../../src/main/services/sharing/tables';
import { DATA_FILE, Store } from '../../src/main/store/store';
import { sharing } from '../../src/shared/i18n/sharing';
import { buildSharingDataset, INJECTION, NOW, SECRET_AGENDA, SECRET_DECISION, SECRET_NOTE } from '../fixtures/sharing/dataset';

let dir: string;
let store: Store;
let ctx: ServiceContext;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-share-'));
  store = Store.open(dir, { owner: 'test', now: () => NOW });
  await store.initialise(buildSharingDataset());
  ctx = createContext(store, {}, () => NOW);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function loadXlsx(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function allText(wb: ExcelJS.Workbook): string {
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => out.push(String(c.value instanceof Date ? c.value.toISOString() : JSON.stringify(c.value))))));
  return out.join('\n');
}

/** Extracts one entry of a zip file (enough for DOCX checks: stored or deflated entries). */
function unzipEntry(zip: Buffer, name: string): string | undefined {
  let off = 0;
  while (off < zip.length - 30 && zip.readUInt32LE(off) === 0x04034b50) {
    const method = zip.readUInt16LE(off + 8);
    let size = zip.readUInt32LE(off + 18);
    const nameLen = zip.readUInt16LE(off + 26);
    const extraLen = zip.readUInt16LE(off + 28);
    const flags = zip.readUInt16LE(off + 6);
    const entryName = zip.subarray(off + 30, off + 30 + nameLen).toString('utf8');
    const start = off + 30 + nameLen + extraLen;
    if (flags & 0x08 && size === 0) {
      // Size in the central directory: find it.
      const cd = zip.lastIndexOf(Buffer.from(entryName), zip.length);
      size = zip.readUInt32LE(cd - 46 + 20);
    }
    const data = zip.subarray(start, start + size);
    if (entryName === name) return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    off = start + size + (flags & 0x08 ? 16 : 0);
  }
  return undefined;
}

describe('formula injection', () => {
  it('prefixes = + - @ tab and CR with a quote, leaves the rest alone', () => {
    for (const s of ['=1+1', '+33 6', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ['Bonjour', '1+1', "'=déjà", '']) expect(neutralise(s)).toBe(s);
  });

  it('neutralises every text cell of XLSX and CSV exports', async () => {
    for (const kind of share.TABLE_KINDS) {
      const x = await share.exportTable(ctx, kind, 'xlsx', { includeConfidential: true });
      const wb = await loadXlsx(x.data);
      wb.eachSheet((ws) =>
        ws.eachRow((r) =>
          r.eachCell((c) => {
            if (typeof c.value === 'string') expect(c.value).not.toMatch(/^[=+\-@\t\r]/);
            expect(c.formula ?? undefined).toBeUndefined();
          }),
        ),
      );
      const csv = (await share.exportTable(ctx, kind, 'csv', { includeConfidential: true })).data.toString('utf8');
      for (const line of csv.split('\r\n')) for (const f of line.split(';')) expect(f.replace(/^"/, '')).not.toMatch(/^[=+\-@\t]/);
    }
    const actions = (await share.exportTable(ctx, 'actions', 'csv', {})).data.toString('utf8');
    expect(actions).toContain(`"'${INJECTION.replace(/"/g, '""')}"`);
    const partners = (await share.exportTable(ctx, 'partners', 'csv', {})).data.toString('utf8');
    expect(partners).toContain("'+33 6 12 34 56 78");
  });
});

describe('spreadsheet exports', () => {
  it('writes a typed XLSX: dates as dates, numbers as numbers, frozen bold header, widths, one sheet per table', async () => {
    const f = await share.exportTable(ctx, 'actions', 'xlsx', {});
    expect(f.suggestedName).toBe('plan-d-actions-2026-11-26.xlsx');
    const wb = await loadXlsx(f.data);
    expect(wb.worksheets.map((w) => w.name)).toEqual([sharing.sheets.actions, sharing.sheets.funding, sharing.sheets.milestones]);
    const ws = wb.getWorksheet(sharing.sheets.actions)!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toContain('Date de début');
    const col = (h: string) => headers.indexOf(h) + 1;
    const row = ws.getRow(2);
    expect(row.getCell(col('Code')).value).toBe('A1.1.1');
    expect(row.getCell(col('Date de début')).value).toEqual(new Date('2024-09-01T00:00:00Z'));
    expect(row.getCell(col('Date de début')).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(col('Avancement (%)')).value).toBe(40);
    expect(row.getCell(col('Budget demandé (€)')).value).toBe(12500.5);
    expect(row.getCell(col('État d’avancement')).value).toBe('En cours');
    expect(ws.getColumn(col('Intitulé')).width).toBe(40);
  });

  it('writes CSV for French Excel: BOM, semicolons, decimal comma, JJ/MM/AAAA, CRLF', async () => {
    const f = await share.exportTable(ctx, 'indicators', 'csv', {});
    const buf = f.data;
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8').slice(1);
    expect(text).toContain('\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const lines = text.trim().split('\r\n');
    expect(lines[0].split(';')).toContain('Date de la mesure');
    expect(lines.some((l) => l.includes('31/12/2025;21,5;Premier semestre'))).toBe(true);
  });

  it('exports each table kind in both formats', async () => {
    for (const kind of share.TABLE_KINDS) {
      for (const format of ['xlsx', 'csv'] as const) {
        const f = await share.exportTable(ctx, kind, format, {});
        expect(f.data.length).toBeGreaterThan(100);
        expect(f.suggestedName.endsWith(`.${format}`)).toBe(true);
      }
    }
    const att = buildTable(store.data, 'attendance', {});
    const pol = att.sheets[0].rows.find((r) => r.organisation === 'Commissariat de Valmont')!;
    expect(pol).toMatchObject({ year: 2025, invited: 1, represented: 1, attendanceRate: 100 });
  });
});

describe('confidentiality of shared exports', () => {
  const secrets = [SECRET_NOTE, SECRET_DECISION, SECRET_AGENDA, 'Suivi des situations signalées', 'Cellule de veille harcèlement scolaire'];

  it('leaves confidential instances, meetings, their decisions and actions out by default', async () => {
    for (const kind of share.TABLE_KINDS) {
      for (const format of ['xlsx', 'csv'] as const) {
        const f = await share.exportTable(ctx, kind, format, {});
        const text = format === 'csv' ? f.data.toString('utf8') : allText(await loadXlsx(f.data));
        for (const s of secrets) expect(text, `${kind}.${format}`).not.toContain(s);
        expect(text).not.toContain(sharing.confidentialBanner);
        expect(f.confidential).toBe(false);
        expect(f.suggestedName).not.toContain('CONFIDENTIEL');
      }
    }
    expect((await share.exportTable(ctx, 'decisions', 'csv', {})).excluded).toBe(1);
  });

  it('includes them only on explicit choice, marks the file and its name, and never includes meeting notes', async () => {
    const csv = await share.exportTable(ctx, 'decisions', 'csv', { includeConfidential: true });
    const text = csv.data.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(sharing.confidentialBanner);
    expect(text).toContain(SECRET_DECISION);
    expect(csv.suggestedName).toMatch(/^CONFIDENTIEL-decisions-2026-11-26\.csv$/);
    const x = await share.exportTable(ctx, 'decisions', 'xlsx', { includeConfidential: true });
    const ws = (await loadXlsx(x.data)).worksheets[0];
    expect(ws.getCell('A1').value).toBe(sharing.confidentialBanner);
    expect(ws.getCell('A2').value).toBe('Date de la réunion');
    expect(ws.views[0]).toMatchObject({ ySplit: 2 });
    for (const kind of share.TABLE_KINDS) {
      const f = await share.exportTable(ctx, kind, 'xlsx', { includeConfidential: true });
      expect(allText(await loadXlsx(f.data))).not.toContain(SECRET_NOTE);
      expect((await share.exportTable(ctx, kind, 'csv', { includeConfidential: true })).data.toString('utf8')).not.toContain(SECRET_NOTE);
    }
  });
});

describe('calendar files', () => {
  it('writes a valid RFC 5545 invitation with organiser, attendees, place, agenda, stable UID and VTIMEZONE', () => {
    const f = share.exportIcs(ctx, { meetingId: 'mee_rest' }, {});
    const text = f.data.toString('utf8');
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const comp = new ICAL.Component(ICAL.parse(text));
    expect(comp.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
    const ev = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
    expect(ev.uid).toBe('mee_rest@coordination-clspd');
    expect(ev.location).toBe('Salle Loire');
    expect(ev.description).toContain('Point sur les actions en retard');
    expect(ev.startDate.toString()).toBe('2026-12-10T14:30:00');
    const vevent = comp.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Paris');
    // With the file's own VTIMEZONE, 14 h 30 in Paris in December is 13:30 UTC.
    const tz = new ICAL.Timezone(comp.getFirstSubcomponent('vtimezone')!);
    ICAL.TimezoneService.register(tz, 'Europe/Paris');
    const start = ev.startDate.clone();
    start.zone = tz;
    expect(start.toUnixTime()).toBe(Date.UTC(2026, 11, 10, 13, 30) / 1000);
    expect(String(vevent.getFirstPropertyValue('organizer'))).toBe('mailto:julien.perrin@valmont.fr');
    const attendees = vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue()));
    expect(attendees).toEqual(['mailto:anne.prefete@interieur.gouv.fr', 'mailto:bruno.commissaire@interieur.gouv.fr', 'mailto:elodie@mission-locale.fr']);
    expect(String(vevent.getFirstPropertyValue('url'))).toBe('https://visio.example.fr/clspd-restreinte');
    // Stable: a second export has the same UID.
    expect(share.exportIcs(ctx, { meetingId: 'mee_rest' }, {}).data.toString('utf8')).toContain('UID:mee_rest@coordination-clspd');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const long = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = foldLine(long);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('refuses a confidential meeting without the choice; with it gives date, place and instance only', () => {
    expect(() => share.exportIcs(ctx, { meetingId: 'mee_cell2' }, {})).toThrow(/confidentiel/);
    const f = share.exportIcs(ctx, { meetingId: 'mee_cell2' }, { includeConfidential: true });
    const text = f.data.toString('utf8');
    expect(f.suggestedName).toMatch(/^CONFIDENTIEL-/);
    expect(text).not.toContain('AGENDA-CELLULE');
    expect(text).not.toContain('Cellule harcèlement — décembre');
    const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(ev.summary).toContain('Cellule de veille harcèlement scolaire');
    expect(ev.location).toBe('Collège Jean Moulin');
    expect(ev.description).toContain(sharing.confidentialBanner);
    expect(text).not.toContain('ATTENDEE');
    expect(text).toContain('METHOD:PUBLISH');
  });

  it('puts all upcoming meetings of an instance in one file', () => {
    const f = share.exportIcs(ctx, { instanceId: 'ins_rest' }, {});
    const comp = new ICAL.Component(ICAL.parse(f.data.toString('utf8')));
    expect(comp.getAllSubcomponents('vevent')).toHaveLength(1);
    const plen = share.exportIcs(ctx, { instanceId: 'ins_plen' }, {});
    expect(new ICAL.Component(ICAL.parse(plen.data.toString('utf8'))).getAllSubcomponents('vevent')).toHaveLength(0);
    expect(() => share.exportIcs(ctx, { instanceId: 'ins_cell' }, {})).toThrow(/confidentiel/);
  });
});

describe('e-mail draft', () => {
  function parseEml(text: string) {
    const [head, ...rest] = text.split('\r\n\r\n');
    const body = rest.join('\r\n\r\n');
    const boundary = /boundary="([^"]+)"/.exec(head)![1];
    const parts = body
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((p) => {
        const [h, ...b] = p.replace(/^\r\n/, '').split('\r\n\r\n');
        return { headers: h, content: Buffer.from(b.join('').replace(/\s+/g, ''), 'base64') };
      });
    return { head, parts, boundary, body };
  }
  const decodeWords = (s: string) => s.replace(/=\?UTF-8\?B\?([^?]+)\?=\s*/g, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));

  it('is an unsent multipart message to the invitees with a French body and the .ics attached', async () => {
    const f = await share.exportEml(ctx, 'mee_rest', {});
    const text = f.data.toString('utf8');
    const { head, parts, body } = parseEml(text);
    expect(head).toMatch(/^X-Unsent: 1\r\n/);
    expect(head).toContain('MIME-Version: 1.0');
    expect(head).toMatch(/Content-Type: multipart\/mixed; boundary=/);
    expect(head).toContain('<anne.prefete@interieur.gouv.fr>');
    expect(head).toContain('<elodie@mission-locale.fr>');
    expect([...head].every((ch) => ch.charCodeAt(0) < 128)).toBe(true);
    const subject = decodeWords(/Subject: ((?:.*)(?:\r\n .*)*)/.exec(head)![1].replace(/\r\n /g, ''));
    expect(subject).toBe('CLSPD — Convocation : Formation restreinte du 10 décembre du jeudi 10 décembre 2026');
    expect(body.trim().endsWith('--')).toBe(true);
    expect(parts).toHaveLength(3);
    const plain = parts[0].content.toString('utf8');
    expect(plain).toContain('Madame, Monsieur,');
    expect(plain).toContain('1. Point sur les actions en retard');
    expect(plain).toContain('Pièces jointes : convocation (PDF), invitation d’agenda.');
    expect(parts[1].headers).toContain('Content-Type: application/pdf');
    expect(parts[1].headers).toContain('Content-Disposition: attachment; filename="convocation-2026-12-10.pdf"');
    expect(parts[1].content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(parts[2].headers).toContain('Content-Disposition: attachment');
    expect(parts[2].headers).toContain('text/calendar');
    const ics = parts[2].content.toString('utf8');
    expect(new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!).uid).toBe('mee_rest@coordination-clspd');
    expect(f.notice).toMatch(/avec la convocation \(PDF\)/);
  });

  it('never shows the agenda of a confidential meeting and needs the explicit choice', async () => {
    await expect(share.exportEml(ctx, 'mee_cell2', {})).rejects.toThrow(/confidentiel/);
    const f = await share.exportEml(ctx, 'mee_cell2', { includeConfidential: true });
    const { parts } = parseEml(f.data.toString('utf8'));
    const all = parts.map((p) => p.content.toString('utf8')).join('\n');
    expect(all).not.toContain('AGENDA-CELLULE');
    expect(all).toContain('confidentielle');
    // The convocation PDF carries the agenda: it is not attached to a confidential meeting's draft.
    expect(parts.some((p) => p.headers.includes('application/pdf'))).toBe(false);
    expect(f.notice).toMatch(/Réunion confidentielle/);
  });
});

describe('DOCX minutes', () => {
  it('is a valid zip whose document.xml holds the minutes text', async () => {
    const f = await share.exportMinutesDocx(ctx, 'mee_plen');
    expect(f.data.subarray(0, 2).toString()).toBe('PK');
    const xml = unzipEntry(f.data, 'word/document.xml')!;
    expect(xml).toContain('Compte rendu — Plénière annuelle 2025');
    expect(xml).toContain('Notes publiques de la plénière.');
    expect(xml).toContain('Adoption des orientations 2026');
    expect(xml).toContain('représenté(e) par Lieutenant Martin');
  });

  it('gives a relevé de décisions without notes for a confidential meeting, with the banner', async () => {
    const f = await share.exportMinutesDocx(ctx, 'mee_cell');
    const xml = unzipEntry(f.data, 'word/document.xml')!;
    expect(xml).toContain('Relevé de décisions');
    expect(xml).toContain(SECRET_DECISION);
    expect(xml).toContain(sharing.confidentialBanner);
    expect(xml).not.toContain('SECRET-NOTE');
    expect(f.suggestedName).toMatch(/^CONFIDENTIEL-releve-de-decisions/);
  });
});

describe('dossier de séance', () => {
  it('bundles convocation, last plenary minutes, dashboard and plan in one valid PDF with a bookmark per part', async () => {
    await store.update((d) => {
      d.meetings.push({ ...d.meetings[0], id: 'mee_plen2', title: 'Plénière 2026', date: '2026-12-15', status: 'convened', decisions: [], attendance: [] });
    });
    const f = await share.exportDossier(ctx, 'mee_plen2', {});
    expect(f.suggestedName).toBe('dossier-de-seance-2026-12-15.pdf');
    const file = join(dir, 'dossier.pdf');
    writeFileSync(file, f.data);
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    const outlines = spawnSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8' }).stdout;
    const titles = [...outlines.matchAll(/"title": "([^"]+)"/g)].map((m) => m[1]);
    expect(titles).toEqual(['Convocation et ordre du jour — 15 décembre 2026', 'Compte rendu de la plénière du 9 décembre 2025', 'Tableau de bord 2026', 'Plan d’actions']);
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('Adoption des orientations 2026');
    expect(text).toContain('Interventions en milieu scolaire');
    expect(text).not.toContain('Suivi des situations signalées');
    expect(text).not.toContain('SECRET-NOTE');
  });

  it('is for plenaries only', async () => {
    await expect(share.exportDossier(ctx, 'mee_rest', {})).rejects.toThrow(/formation plénière/);
  });
});

describe('JSON backup', () => {
  it('exports the complete backup (zip), says it is not a share, and restores it', async () => {
    const f = await share.exportJsonBackup(ctx);
    expect(f.notice).toContain(sharing.backupIsNotAShare);
    expect(f.suggestedName).toMatch(/\.zip$/);
    const main = Buffer.from(unzipSync(f.data)['clspd.json']).toString('utf8');
    const doc = JSON.parse(main);
    expect(doc.schemaVersion).toBe(SCHEMA_VERSION);
    expect(main).toContain(SECRET_NOTE);
    const file = join(dir, 'export.zip');
    writeFileSync(file, f.data);
    await store.update((d) => {
      d.organisations = [];
      d.people = [];
    });
    const p = await share.previewImport(ctx, 'backup', file);
    expect(p.notices.join(' ')).toContain('5 partenaires');
    const r = await share.applyImport(ctx, p.token, []);
    expect(r.movedAside).toMatch(/backups/);
    expect(store.data.organisations).toHaveLength(5);
    expect(readFileSync(join(dir, DATA_FILE), 'utf8')).toContain(SECRET_NOTE);
  });

  it('refuses a newer, corrupt or empty backup with a French message and changes nothing', async () => {
    const before = readFileSync(join(dir, DATA_FILE));
    const newer = join(dir, 'newer.json');
    writeFileSync(newer, JSON.stringify({ ...buildSharingDataset(), schemaVersion: 99 }));
    await expect(share.previewImport(ctx, 'backup', newer)).rejects.toThrow(/version plus récente/);
    const corrupt = join(dir, 'corrupt.json');
    writeFileSync(corrupt, '{"schemaVersion":1,"settings":');
    await expect(share.previewImport(ctx, 'backup', corrupt)).rejects.toThrow(/endommagé/);
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    await expect(share.previewImport(ctx, 'backup', empty)).rejects.toThrow(/vide/);
    expect(readFileSync(join(dir, DATA_FILE)).equals(before)).toBe(true);
  });
});
