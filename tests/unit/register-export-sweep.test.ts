// Export sweep for the register: no situation content (note, birth-derived date, closed-list record) reaches a table, PDF, DOCX, e-mail draft, calendar, update pack or backup.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, generateDocument } from '../../src/main/documents';
import { renderRegisterStats } from '../../src/main/documents/register';
import { setupDemo } from '../../src/main/services/app';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import { seedDemoRegister } from '../../src/main/services/demo/situations';
import * as reg from '../../src/main/services/register';
import * as share from '../../src/main/services/sharing';
import { Store } from '../../src/main/store/store';
import { MemoryVault } from '../helpers/memory-vault';

const SECRET = 'NOTE-SITUATION-XQ7 suivi particulier';
let dir = '';
let store: Store;
let ctx: ServiceContext;
let refs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-regsweep-'));
  store = Store.open(dir, { owner: 'test' });
  ctx = createContext(store, {}, () => new Date('2026-12-07T09:00:00Z'));
  await setupDemo(ctx);
  const vault = new MemoryVault();
  ctx.vault = vault;
  await seedDemoRegister(ctx);
  const cell = store.data.instances.find((i) => reg.canFollowSituations(i))!.id;
  await reg.createSituation(ctx, { openedAt: '2026-11-02', instanceIds: [cell], origin: 'school', reason: 'harassment', ageBracket: '15_17', birthYear: 2010, orientations: ['mediation'], note: SECRET });
  refs = vault.read().situations.map((s) => s.reference);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function pdfText(buf: Buffer): string {
  const file = join(dir, `x-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, buf);
  const r = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}
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
async function xlsxText(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => out.push(JSON.stringify(c.value)))));
  return out.join('\n');
}
const clean = (text: string, what: string) => {
  expect(text, `${what} contains the situation's note`).not.toContain(SECRET);
  // The only situation-derived date is the legal end date (1 January of the 25th year): never printed.
  expect(text, `${what} contains the legal end date`).not.toMatch(/2035-01-01|01\/01\/2035|1er janvier 2035/);
};

describe('no situation content in any shared file', () => {
  it('tables (CSV, XLSX), calendars, e-mail drafts, DOCX minutes, update packs, the JSON backup', async () => {
    const opts = { includeConfidential: true };
    for (const kind of share.TABLE_KINDS) {
      clean((await share.exportTable(ctx, kind, 'csv', opts)).data.toString('utf8'), `${kind}.csv`);
      clean(await xlsxText((await share.exportTable(ctx, kind, 'xlsx', opts)).data), `${kind}.xlsx`);
    }
    for (const m of store.data.meetings) {
      if (m.confidentiality !== 'confidential') {
        clean(share.exportIcs(ctx, { meetingId: m.id }, opts).data.toString('utf8'), `${m.id}.ics`);
        clean((await share.exportEml(ctx, m.id, opts)).data.toString('utf8'), `${m.id}.eml`);
      }
      if (m.status === 'held' || m.status === 'validated') clean(zipText((await share.exportMinutesDocx(ctx, m.id)).data), `${m.id}.docx`);
    }
    const pilots = new Set(store.data.actions.map((a) => a.pilot.organisationId).filter((x): x is string => Boolean(x)));
    for (const p of [...pilots].slice(0, 5)) clean(await xlsxText((await share.exportUpdatePack(ctx, p, opts)).data), `update pack ${p}`);
    clean((await share.exportJsonBackup(ctx)).data.toString('utf8'), 'JSON backup');
  });

  it('every PDF document (minutes of the cellules included), and the statistics PDF shows counts only', async () => {
    const confidentialMeetings = store.data.meetings.filter((m) => m.confidentiality === 'confidential' && (m.status === 'held' || m.status === 'validated'));
    for (const m of confidentialMeetings.slice(0, 4)) clean(pdfText((await generateDocument('minutes', store.data, { meetingId: m.id })).bytes), `minutes ${m.id}`);
    for (const kind of DOCUMENT_KINDS.filter((k) => k === 'plan' || k === 'dashboard' || k === 'members')) {
      clean(pdfText((await generateDocument(kind, store.data, { includeConfidential: true, year: 2026 })).bytes), kind);
    }
    const stats = reg.registerStats(store.data, ctx.vault!.read());
    const text = pdfText((await renderRegisterStats(store.data, stats, undefined)).bytes);
    clean(text, 'statistics');
    for (const r of refs) expect(text).not.toContain(r);
    expect(text).toContain('< 5');
  });
});
