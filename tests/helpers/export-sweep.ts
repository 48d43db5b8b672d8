// Shared export sweep of the confidentiality tests: readers for every shared file format and one walk over every file the sharing features produce.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { expect } from 'vitest';
import type { ServiceContext } from '../../src/main/services/context';
import * as share from '../../src/main/services/sharing';

/** Text of a PDF through pdftotext (written to `dir` first). */
export function pdfText(buf: Buffer, dir: string): string {
  const file = join(dir, `x-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, buf);
  const r = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stdout;
}

/** Every entry of a zip (DOCX, complete backup) inflated, concatenated; read through the central directory, so entries
 * written in streaming mode (sizes in a data descriptor after the data) are read too. */
export function zipText(zip: Buffer): string {
  return Object.values(unzipSync(new Uint8Array(zip.buffer, zip.byteOffset, zip.byteLength)))
    .map((bytes) => Buffer.from(bytes).toString('utf8'))
    .join('\n');
}

/** Every cell value of a workbook. */
export async function xlsxText(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => out.push(JSON.stringify(c.value)))));
  return out.join('\n');
}

/** The e-mail text with its base64 parts decoded (a PDF part through pdftotext). */
export function emlText(eml: string, dir: string): string {
  const out = [eml];
  for (const m of eml.matchAll(/Content-Type: ([^;\r\n]+)[^]*?Content-Transfer-Encoding: base64[^]*?\r\n\r\n([A-Za-z0-9+/=\r\n]+)/g)) {
    const data = Buffer.from(m[2]!.replace(/\r\n/g, ''), 'base64');
    out.push(m[1] === 'application/pdf' ? pdfText(data, dir) : data.toString('utf8'));
  }
  return out.join('\n');
}

export interface SweepScope {
  /** Scratch folder for pdftotext. */
  dir: string;
  includeConfidential: boolean;
  /** Meetings whose invitation (ICS) and e-mail draft are exported; a confidential one must be refused without the explicit choice. */
  meetingIds: string[];
  /** Meetings whose DOCX minutes are exported. */
  docxMeetingIds: string[];
  /** Instances whose calendar is exported. */
  instanceIds: string[];
  /** Pilot institutions whose update pack is exported. */
  pilotIds: string[];
  isConfidential(meetingId: string): boolean;
  /** Also the JSON backup (only where confidential texts live in the protected store). */
  jsonBackup: boolean;
}

/**
 * Produces every shared file the sharing features can write — tables (CSV, XLSX), invitations, e-mail drafts,
 * DOCX minutes, update packs, optionally the JSON backup — and hands each one's text to `check` with a label.
 */
export async function sweepSharedFiles(ctx: ServiceContext, scope: SweepScope, check: (text: string, what: string) => void): Promise<void> {
  const opts = { includeConfidential: scope.includeConfidential };
  for (const kind of share.TABLE_KINDS) {
    check((await share.exportTable(ctx, kind, 'csv', opts)).data.toString('utf8'), `${kind}.csv`);
    check(await xlsxText((await share.exportTable(ctx, kind, 'xlsx', opts)).data), `${kind}.xlsx`);
  }
  for (const id of scope.meetingIds) {
    if (scope.isConfidential(id) && !scope.includeConfidential) {
      expect(() => share.exportIcs(ctx, { meetingId: id }, opts)).toThrow(/confidentiel/);
      await expect(share.exportEml(ctx, id, opts)).rejects.toThrow(/confidentiel/);
      continue;
    }
    check(share.exportIcs(ctx, { meetingId: id }, opts).data.toString('utf8'), `${id}.ics`);
    check(emlText((await share.exportEml(ctx, id, opts)).data.toString('utf8'), scope.dir), `${id}.eml`);
  }
  for (const id of scope.docxMeetingIds) check(zipText((await share.exportMinutesDocx(ctx, id)).data), `${id}.docx`);
  for (const instanceId of scope.instanceIds) check(share.exportIcs(ctx, { instanceId }, opts).data.toString('utf8'), `${instanceId}.ics`);
  for (const pilot of scope.pilotIds) check(await xlsxText((await share.exportUpdatePack(ctx, pilot, opts)).data), `update pack ${pilot}`);
  if (scope.jsonBackup) check((await share.exportJsonBackup(ctx)).data.toString('utf8'), 'JSON backup');
}
