// Test helper: the text of a PDF as pdftotext reads it, whitespace collapsed so sentences wrapped over lines still match.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const work = mkdtempSync(join(tmpdir(), 'clspd-pdftext-'));
let n = 0;

/** Writes the PDF to a temporary file and returns its text, pages separated by « \f ». */
export function pdfPages(bytes: Buffer, name = `doc-${++n}.pdf`): { pages: string[]; file: string } {
  const file = join(work, name);
  writeFileSync(file, bytes);
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = raw
    .split('\f')
    .map((p) => p.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return { pages, file };
}

export async function pdfText(bytes: Buffer): Promise<string> {
  return pdfPages(bytes).pages.join('\n');
}
