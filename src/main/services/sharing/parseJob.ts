// The parsing an import needs (table or update pack), with progress: run inside the import worker, never on the main thread.
import type { ImportProgress } from '../../../shared/contract/sharing';
import { loadWorkbook, readTableBuffer, type RawTable } from './readTable';
import { parsePack, type ParsedPack } from './updatePack';

export type ParseKind = 'table' | 'pack';
export type Parsed = RawTable | ParsedPack;

/** Reads `buf` as a table (CSV or XLSX) or as a filled update pack, reporting each phase and the rows read. */
export async function parseImport(kind: ParseKind, buf: Buffer, name: string, progress: (p: ImportProgress) => void): Promise<Parsed> {
  progress({ phase: 'checking', done: 0, total: buf.length });
  if (kind === 'pack') {
    const wb = await loadWorkbook(buf);
    progress({ phase: 'parsing', done: 0, total: wb.worksheets[0]?.actualRowCount ?? 0 });
    return parsePack(wb);
  }
  return readTableBuffer(buf, name, (done, total) => progress({ phase: 'parsing', done, total }));
}
