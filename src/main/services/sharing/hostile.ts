// Limits on imported files: a workbook or document that inflates far beyond its size is refused before parsing, tables are bounded in rows.
import { constants, inflateRawSync } from 'node:zlib';
import { hostile } from '../../../shared/i18n/backup';
import { DomainError } from '../../../shared/result';
import { checkZipDeclared, findLyingEntry, readZipDirectory, type ZipEntryInfo } from '../../store/zipGuard';

/** At most this many data rows in one import: a directory or a plan holds a few hundred; ten years of the demo, 3,000 actions. */
export const MAX_IMPORT_ROWS = 5_000;
/** What an imported workbook may inflate to (5,000 rows of an Excel sheet are a few MB of XML). */
export const MAX_IMPORT_INFLATED_BYTES = 64 * 1024 * 1024;
const MAX_IMPORT_ENTRIES = 2_000;

const fail = (message: string): never => {
  throw new DomainError('invalid_input', message);
};

function kindOf(entries: ZipEntryInfo[]): string {
  return entries.some((e) => e.name === 'word/document.xml') ? hostile.document : hostile.workbook;
}

/**
 * The number of the last row a worksheet declares (`<dimension ref="A1:K600000"/>`, written by Excel at the top of
 * the sheet), read by inflating only the first kilobytes of the entry; undefined when absent.
 */
function declaredLastRow(buf: Buffer, e: ZipEntryInfo): number | undefined {
  if (e.method !== 8 && e.method !== 0) return undefined;
  const p = e.localHeaderOffset;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const slice = buf.subarray(start, Math.min(start + e.compressedSize, start + 16_384, buf.length));
  let head: string;
  try {
    head = (e.method === 0 ? slice : inflateRawSync(slice, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: 64 * 1024 })).toString('utf8');
  } catch {
    return undefined;
  }
  const m = /<dimension\s+ref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head);
  return m ? Number(m[1]) : undefined;
}

/**
 * Checks an imported zip (xlsx, or a docx given by mistake) before any parser sees it: the sizes its central
 * directory declares, each entry proved to inflate to no more than it declares, and the rows its sheets declare.
 */
export function guardZipImport(buf: Buffer): void {
  const declared = checkZipDeclared(buf, { maxEntries: MAX_IMPORT_ENTRIES, maxTotalBytes: MAX_IMPORT_INFLATED_BYTES });
  if (!declared.ok) {
    const p = declared.problem;
    if (p.kind === 'inflatesTooMuch') {
      fail(`${hostile.zipBomb(kindOf(readZipDirectory(buf) ?? []), p.fileBytes, p.declaredBytes, p.maxBytes)} ${hostile.nothingImported}`);
    }
    if (p.kind === 'tooManyEntries') fail(`${hostile.tooManyEntries(hostile.workbook, p.entries, p.max)} ${hostile.nothingImported}`);
    return; // not a readable zip: the workbook reader says it is damaged
  }
  const entries = declared.entries;
  const what = kindOf(entries);
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    const last = declaredLastRow(buf, e);
    if (last !== undefined && last > MAX_IMPORT_ROWS + 20) fail(hostile.tooManyRows(last - 1, MAX_IMPORT_ROWS));
  }
  if (findLyingEntry(buf, entries)) fail(`${hostile.lyingSizes(what)} ${hostile.nothingImported}`);
}

/** Refuses a table with more data rows than an import accepts. */
export function assertRowCount(dataRows: number): void {
  if (dataRows > MAX_IMPORT_ROWS) fail(hostile.tooManyRows(dataRows, MAX_IMPORT_ROWS));
}
