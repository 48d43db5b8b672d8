// Joins PDFs written by pdfkit (classic xref table) into one file with one bookmark per part: the dossier de séance.
import { sharingServices as ts } from '../../../shared/i18n/sharing-services';
import { DomainError } from '../../../shared/result';

interface PdfObject {
  /** Dictionary or value text (latin1), without `n 0 obj` / `endobj` / stream bytes. */
  head: string;
  stream?: Buffer;
}

interface ParsedPdf {
  objects: Map<number, PdfObject>;
  root: number;
}

const latin1 = (b: Buffer) => b.toString('latin1');

function fail(): never {
  throw new DomainError('internal', ts.dossier.partNotAssembled);
}

/** Reads the classic cross-reference table and every object of a pdfkit PDF. */
export function parsePdf(buf: Buffer): ParsedPdf {
  const tail = latin1(buf.subarray(Math.max(0, buf.length - 1024)));
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!sx) fail();
  let pos = Number(sx[1]);
  const xrefText = latin1(buf.subarray(pos, buf.length));
  if (!xrefText.startsWith('xref')) fail();
  const offsets = new Map<number, number>();
  const lines = xrefText.split(/\r?\n|\r/);
  let i = 1;
  while (i < lines.length && /^\d+ \d+\s*$/.test(lines[i])) {
    const [start, count] = lines[i].trim().split(' ').map(Number);
    for (let k = 0; k < count; k++) {
      const m = /^(\d{10}) (\d{5}) ([nf])/.exec(lines[i + 1 + k] ?? '');
      if (!m) fail();
      if (m[3] === 'n') offsets.set(start + k, Number(m[1]));
    }
    i += 1 + count;
  }
  const trailer = lines.slice(i).join('\n');
  const root = /\/Root (\d+) 0 R/.exec(trailer);
  if (!root) fail();
  const objects = new Map<number, PdfObject>();
  for (const [num, off] of offsets) {
    pos = off;
    const headerEnd = buf.indexOf('obj', pos, 'latin1');
    if (headerEnd < 0) fail();
    const bodyStart = headerEnd + 3;
    const streamAt = buf.indexOf('stream', bodyStart, 'latin1');
    const endObj = buf.indexOf('endobj', bodyStart, 'latin1');
    if (endObj < 0) fail();
    if (streamAt >= 0 && streamAt < endObj) {
      const head = latin1(buf.subarray(bodyStart, streamAt)).trim();
      const len = /\/Length (\d+)(?! \d+ R)/.exec(head);
      let dataStart = streamAt + 6;
      if (buf[dataStart] === 0x0d) dataStart++;
      if (buf[dataStart] === 0x0a) dataStart++;
      const end = len ? dataStart + Number(len[1]) : buf.indexOf('endstream', dataStart, 'latin1');
      objects.set(num, { head, stream: buf.subarray(dataStart, end) });
    } else {
      objects.set(num, { head: latin1(buf.subarray(bodyStart, endObj)).trim() });
    }
  }
  return { objects, root: Number(root[1]) };
}

function refsOf(text: string): number[] {
  return [...text.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
}

/** Page objects of a document, in order (walks the page tree). */
function pageNumbers(pdf: ParsedPdf): { pages: number[]; treeNodes: Set<number> } {
  const catalog = pdf.objects.get(pdf.root)?.head ?? fail();
  const top = /\/Pages (\d+) 0 R/.exec(catalog) ?? fail();
  const pages: number[] = [];
  const treeNodes = new Set<number>();
  const walk = (n: number) => {
    const o = pdf.objects.get(n);
    if (!o) return;
    if (/\/Type\s*\/Pages\b/.test(o.head)) {
      treeNodes.add(n);
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.head);
      for (const k of refsOf(kids?.[1] ?? '')) walk(k);
    } else pages.push(n);
  };
  walk(Number(top[1]));
  return { pages, treeNodes };
}

/** PDF text string in UTF-16BE with BOM (titles with accents). */
function pdfText(s: string): string {
  const b = Buffer.from(s, 'utf16le');
  for (let i = 0; i < b.length; i += 2) {
    const t = b[i];
    b[i] = b[i + 1];
    b[i + 1] = t;
  }
  return `<FEFF${b.toString('hex').toUpperCase()}>`;
}

export interface BundlePart {
  title: string;
  pdf: Buffer;
}

/** One PDF holding every part in order, with a top-level bookmark per part opening at its first page. */
export function bundlePdfs(parts: BundlePart[], info: { title: string; author?: string }): { pdf: Buffer; pages: number } {
  const parsed = parts
    .map((p) => ({ title: p.title, pdf: parsePdf(p.pdf) }))
    .map((p) => ({ ...p, ...pageNumbers(p.pdf) }))
    .filter((p) => p.pages.length > 0);
  // 1 catalog, 2 pages, 3 outlines, 4 info, then one outline item per part, then the parts' objects.
  const out = new Map<number, PdfObject>();
  let next = 5 + parsed.length;
  const allPages: number[] = [];
  const firstPages: number[] = [];
  for (const part of parsed) {
    const { pdf, pages, treeNodes } = part;
    // Only what the pages use is copied; the old catalog, page tree and structure tree (tags) are left behind.
    const skip = new Set<number>([pdf.root, ...treeNodes]);
    for (const [n, o] of pdf.objects) if (/\/Type\s*\/StructTreeRoot\b/.test(o.head)) skip.add(n);
    const keep: number[] = [];
    const seen = new Set<number>();
    const stack = [...pages].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      if (seen.has(n) || skip.has(n) || !pdf.objects.has(n)) continue;
      seen.add(n);
      keep.push(n);
      for (const r of refsOf(pdf.objects.get(n)!.head)) if (!seen.has(r)) stack.push(r);
    }
    const map = new Map<number, number>();
    for (const n of keep) map.set(n, next++);
    const renumber = (text: string) => text.replace(/(\d+) 0 R/g, (_m, n: string) => (map.has(Number(n)) ? `${map.get(Number(n))} 0 R` : 'null'));
    const pageSet = new Set(pages);
    for (const n of keep) {
      const o = pdf.objects.get(n)!;
      let head = o.head;
      if (pageSet.has(n)) head = head.replace(/\/Parent \d+ 0 R/, '/Parent PARENT').replace(/\/StructParents \d+\s*/, '');
      out.set(map.get(n)!, { head: renumber(head).replace('/Parent PARENT', '/Parent 2 0 R'), stream: o.stream });
    }
    firstPages.push(map.get(pages[0])!);
    allPages.push(...pages.map((p) => map.get(p)!));
  }
  const items = parsed.map((_, i) => 5 + i);
  out.set(1, { head: '<<\n/Type /Catalog\n/Pages 2 0 R\n/Outlines 3 0 R\n/PageMode /UseOutlines\n/Lang (fr-FR)\n>>' });
  out.set(2, { head: `<<\n/Type /Pages\n/Count ${allPages.length}\n/Kids [${allPages.map((p) => `${p} 0 R`).join(' ')}]\n>>` });
  out.set(3, { head: items.length ? `<<\n/Type /Outlines\n/First ${items[0]} 0 R\n/Last ${items[items.length - 1]} 0 R\n/Count ${items.length}\n>>` : '<<\n/Type /Outlines\n/Count 0\n>>' });
  out.set(4, { head: `<<\n/Title ${pdfText(info.title)}\n/Producer (Coordination CLSPD)\n${info.author ? `/Author ${pdfText(info.author)}\n` : ''}>>` });
  items.forEach((obj, i) => {
    out.set(obj, {
      head: `<<\n/Title ${pdfText(parsed[i].title)}\n/Parent 3 0 R\n${i > 0 ? `/Prev ${items[i - 1]} 0 R\n` : ''}${i < items.length - 1 ? `/Next ${items[i + 1]} 0 R\n` : ''}/Dest [${firstPages[i]} 0 R /XYZ null null null]\n>>`,
    });
  });

  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xff\xff\xff\xff\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets: number[] = [];
  for (let n = 1; n < next; n++) {
    const o = out.get(n)!;
    offsets[n] = offset;
    const bytes = o.stream
      ? [Buffer.from(`${n} 0 obj\n${o.head}\nstream\n`, 'latin1'), o.stream, Buffer.from('\nendstream\nendobj\n', 'latin1')]
      : [Buffer.from(`${n} 0 obj\n${o.head}\nendobj\n`, 'latin1')];
    for (const c of bytes) {
      chunks.push(c);
      offset += c.length;
    }
  }
  const xref = [`xref\n0 ${next}\n`, '0000000000 65535 f \n'];
  for (let n = 1; n < next; n++) xref.push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  xref.push(`trailer\n<<\n/Size ${next}\n/Root 1 0 R\n/Info 4 0 R\n>>\nstartxref\n${offset}\n%%EOF\n`);
  chunks.push(Buffer.from(xref.join(''), 'latin1'));
  return { pdf: Buffer.concat(chunks), pages: allPages.length };
}
