// Reads an imported spreadsheet (XLSX, or CSV with ; or , in UTF-8 or Windows-1252) into raw rows, refusing bad files clearly.
import { readFileSync, statSync, existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { sharing } from '../../../shared/i18n/sharing';
import { DomainError } from '../../../shared/result';
import { CONFIDENTIAL_BANNER } from './common';
import { assertRowCount, guardZipImport, MAX_IMPORT_ROWS } from './hostile';

/** Imported spreadsheets above this size are refused before parsing. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type RawCell = string | number | boolean | Date | null;

export interface RawRow {
  /** Row number as the user sees it in Excel (1 = first line of the file). */
  row: number;
  cells: RawCell[];
}

export interface RawTable {
  format: 'xlsx' | 'csv';
  encoding?: 'utf-8' | 'windows-1252' | 'utf-16le';
  delimiter?: string;
  sheetName?: string;
  headers: string[];
  /** Row number of the header line. */
  headerRow: number;
  rows: RawRow[];
  /** True when the file carries the confidential banner. */
  confidential: boolean;
}

const fail = (message: string): never => {
  throw new DomainError('invalid_input', message);
};

/** Reads the file with the size check done before anything is parsed. */
export function readImportBytes(file: string, maxBytes = MAX_IMPORT_BYTES): Buffer {
  if (!existsSync(file)) fail(`Le fichier ${file} est introuvable.`);
  const size = statSync(file).size;
  if (size === 0) fail(sharing.import.emptyFile);
  if (size > maxBytes) fail(sharing.import.tooLarge(Math.round((size / 1048576) * 10) / 10, Math.round(maxBytes / 1048576)));
  return readFileSync(file);
}

export function isZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

function looksBinary(buf: Buffer): boolean {
  if (buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) return true; // old .xls
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return true;
  if (buf[0] === 0xff && buf[1] === 0xfe) return false; // UTF-16 LE text
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/** Decodes CSV bytes: BOM → UTF-8/UTF-16, valid UTF-8 → UTF-8, else Windows-1252 (Excel's « CSV (séparateur : point-virgule) »). */
export function decodeText(buf: Buffer): { text: string; encoding: RawTable['encoding'] } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf16le'), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'win1252'), encoding: 'windows-1252' };
  }
}

function cellText(v: RawCell): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

function isBannerRow(cells: RawCell[]): boolean {
  const first = cellText(cells[0] ?? null);
  return first.startsWith(CONFIDENTIAL_BANNER.slice(0, 12)) && cells.slice(1).every((c) => cellText(c) === '');
}

function finish(format: RawTable['format'], all: RawRow[], extra: Partial<RawTable>): RawTable {
  let rows = all.filter((r) => r.cells.some((c) => cellText(c) !== ''));
  let confidential = false;
  if (rows.length && isBannerRow(rows[0].cells)) {
    confidential = true;
    rows = rows.slice(1);
  }
  if (!rows.length) fail(sharing.import.emptyFile);
  const [header, ...data] = rows;
  const headers = header.cells.map((c) => cellText(c));
  return { format, headers, headerRow: header.row, rows: data, confidential, ...extra };
}

/** Normalises an exceljs cell value to a raw value. */
export function normaliseCell(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as { result?: unknown }).result;
      if (r === undefined || r === null) return null;
      if (typeof r === 'object' && r !== null && 'error' in r) return String((r as { error: unknown }).error);
      return normaliseCell(r as ExcelJS.CellValue);
    }
    if ('hyperlink' in v && 'text' in v) return normaliseCell((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return String((v as { error: unknown }).error);
  }
  return String(v);
}

export async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  // Zip bombs, lying sizes and oversized sheets are refused from what the archive declares, before exceljs inflates it.
  guardZipImport(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    fail(sharing.import.truncatedXlsx);
  }
  if (!wb.worksheets.length) fail(sharing.import.truncatedXlsx);
  return wb;
}

/** Called with the rows read so far and the rows to read (every PROGRESS_EVERY rows, and at the end). */
export type RowProgress = (done: number, total: number) => void;
const PROGRESS_EVERY = 250;

export function sheetRows(ws: ExcelJS.Worksheet, onRows?: RowProgress): RawRow[] {
  const out: RawRow[] = [];
  const total = ws.actualRowCount;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    const n = row.cellCount;
    for (let c = 1; c <= n; c++) cells.push(normaliseCell(row.getCell(c).value));
    out.push({ row: rowNumber, cells });
    if (onRows && out.length % PROGRESS_EVERY === 0) onRows(out.length, total);
  });
  onRows?.(out.length, total);
  return out;
}

export function xlsxTable(wb: ExcelJS.Workbook, onRows?: RowProgress): RawTable {
  const ws = wb.worksheets.find((w) => w.state === 'visible' && w.rowCount > 0) ?? wb.worksheets[0];
  // A sheet without its declared dimension: counted once loaded (the inflated size is already bounded).
  assertRowCount(ws.actualRowCount - 1);
  return finish('xlsx', sheetRows(ws, onRows), { sheetName: ws.name });
}

/** The separator used in the header line (outside quotes): `;` (French Excel), `,` or tab; `;` on a tie. */
export function guessDelimiter(text: string): string {
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]++;
  }
  let best = ';';
  for (const d of [',', '\t']) if (counts[d] > counts[best]) best = d;
  return best;
}

/** Lines of a text, counted without parsing (quoted line breaks included: only used to word the refusal). */
function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}

export function csvTable(buf: Buffer, onRows?: RowProgress): RawTable {
  const { text: decoded, encoding } = decodeText(buf);
  let text = decoded.replace(/^\uFEFF/, '');
  if (!text.trim()) fail(sharing.import.emptyFile);
  let offset = 0;
  const firstBreak = text.search(/\r?\n/);
  const firstLine = firstBreak < 0 ? text : text.slice(0, firstBreak);
  if (firstLine.replace(/^"|"$/g, '').trim().startsWith(CONFIDENTIAL_BANNER.slice(0, 12)) && !/[;,\t]/.test(firstLine.replace(CONFIDENTIAL_BANNER, ''))) {
    text = firstBreak < 0 ? '' : text.slice(firstBreak).replace(/^\r?\n/, '');
    offset = 1;
  }
  // Parsing stops a little past the row limit: a file of 600,000 lines is refused without reading them all.
  const parsed = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), skipEmptyLines: false, preview: MAX_IMPORT_ROWS + 100 });
  if (parsed.meta.truncated) assertRowCount(Math.max(countLines(text) - 1 - offset, MAX_IMPORT_ROWS + 1));
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) fail(sharing.import.brokenQuote((quoteError.row ?? 0) + 1 + offset));
  const rows: RawRow[] = parsed.data.map((cells, i) => {
    if (onRows && i % PROGRESS_EVERY === 0) onRows(i, parsed.data.length);
    return { row: i + 1 + offset, cells: cells.map((c) => (c === '' ? null : c)) };
  });
  onRows?.(rows.length, rows.length);
  const t = finish('csv', rows, { encoding, delimiter: parsed.meta.delimiter });
  assertRowCount(t.rows.length);
  if (offset) t.confidential = true;
  return t;
}

/** Reads an XLSX or CSV file (type detected from the content, not the extension). */
export async function readTableFile(file: string, maxBytes = MAX_IMPORT_BYTES): Promise<RawTable> {
  const buf = readImportBytes(file, maxBytes);
  return readTableBuffer(buf, file);
}

export async function readTableBuffer(buf: Buffer, name = '', onRows?: RowProgress): Promise<RawTable> {
  if (!buf.length) fail(sharing.import.emptyFile);
  if (isZip(buf)) return xlsxTable(await loadWorkbook(buf), onRows);
  if (/\.xlsx$/i.test(name)) fail(sharing.import.truncatedXlsx);
  if (looksBinary(buf)) fail(sharing.import.wrongType);
  return csvTable(buf, onRows);
}
