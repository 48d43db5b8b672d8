// Writes typed tables to XLSX (exceljs) and to CSV for French Excel, neutralising formula injection everywhere.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { CONFIDENTIAL_BANNER, neutralise } from './common';
import { sharing } from '../../../shared/i18n/sharing';
import type { CellValue, Column, Sheet, TableExport } from './tables';

/** `YYYY-MM-DD` → Date at UTC midnight (exceljs writes it as an exact date serial). */
export function isoToDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** An ISO timestamp → Date shifted so that Excel (which has no time zone) shows Paris wall-clock time. */
const PARIS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function timestampForExcel(iso: string): Date {
  const parts = PARIS.formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '00';
  return new Date(`${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:00Z`);
}

const NUM_FMT: Partial<Record<Column['type'], string>> = {
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
  money: '#,##0.00 "€"',
};

function xlsxValue(c: Column, v: CellValue): ExcelJS.CellValue {
  if (v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v ? sharing.yes : sharing.no;
  if (typeof v === 'number') return v;
  if (c.type === 'date' && /^\d{4}-\d{2}-\d{2}/.test(v)) return isoToDate(v);
  if (c.type === 'datetime' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return timestampForExcel(v);
  return neutralise(v);
}

/** Writes one table as a worksheet: optional confidential banner, bold frozen header, widths, typed cells. */
function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: Sheet, confidential: boolean): void {
  const headerRow = confidential ? 2 : 1;
  const ws = wb.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }] });
  ws.columns = sheet.columns.map((c) => ({ key: c.key, width: c.width }));
  if (confidential) {
    const banner = ws.getRow(1);
    banner.getCell(1).value = CONFIDENTIAL_BANNER;
    banner.getCell(1).font = { bold: true, color: { argb: 'FFFFFFFF' } };
    banner.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFB00020' } };
    if (sheet.columns.length > 1) ws.mergeCells(1, 1, 1, Math.min(sheet.columns.length, 12));
    banner.commit();
  }
  const header = ws.getRow(headerRow);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
  });
  header.commit();
  if (sheet.rows.length) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: sheet.columns.length } };
  // One style object per column shared by all its cells: exceljs caches a style by object identity, so a
  // shared object is looked up once instead of once per cell (the main cost on ten years of data).
  const shared: Partial<ExcelJS.Style>[] = sheet.columns.map((c) => (NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {}));
  const n = sheet.columns.length;
  for (const r of sheet.rows) {
    const row = ws.addRow(sheet.columns.map((c) => xlsxValue(c, r[c.key])));
    for (let i = 0; i < n; i++) row.getCell(i + 1).style = shared[i];
    row.commit();
  }
  ws.commit();
}

/** The tables as one workbook, written with exceljs' streaming writer (several times faster on big tables). */
export async function tableToXlsx(t: TableExport): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Coordination CLSPD';
  wb.title = t.confidential ? `${CONFIDENTIAL_BANNER} — ${t.title}` : t.title;
  for (const s of t.sheets) writeSheet(wb, s, t.confidential);
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

/** French Excel number: decimal comma, no thousands separator (Excel reads it back as a number). */
export function frenchNumber(n: number): string {
  return String(Math.round(n * 1e6) / 1e6).replace('.', ',');
}

export function frenchDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

function frenchDateTime(iso: string): string {
  const d = timestampForExcel(iso).toISOString();
  return `${frenchDate(d)} ${d.slice(11, 16)}`;
}

function csvText(c: Column, v: CellValue): string {
  if (v === undefined) return '';
  if (typeof v === 'boolean') return v ? sharing.yes : sharing.no;
  if (typeof v === 'number') return frenchNumber(v);
  if (c.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return frenchDate(v);
  if (c.type === 'datetime' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return frenchDateTime(v);
  return neutralise(v);
}

function csvField(s: string): string {
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV for French Excel: UTF-8 with BOM, `;`, decimal comma, JJ/MM/AAAA, CRLF; confidential banner first. */
export function tableToCsv(t: TableExport): Buffer {
  const lines: string[] = [];
  if (t.confidential) lines.push(csvField(CONFIDENTIAL_BANNER));
  lines.push(t.csv.columns.map((c) => csvField(neutralise(c.header))).join(';'));
  for (const r of t.csv.rows) lines.push(t.csv.columns.map((c) => csvField(csvText(c, r[c.key]))).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
