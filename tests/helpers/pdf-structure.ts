// Test helper: a small reader of the PDFs pdfkit writes (objects, content streams, structure tree) to check PDF/UA tagging.
import { inflateSync } from 'node:zlib';

export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfValue[] | PdfDict;
export interface PdfName {
  name: string;
}
export interface PdfRef {
  ref: number;
}
export interface PdfString {
  str: string;
}
export interface PdfDict {
  dict: Record<string, PdfValue>;
}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** Decodes a literal string's bytes (UTF-16BE when it starts with a BOM, PDFDocEncoding ≈ Latin-1 otherwise). */
function decodeText(bytes: number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
    return s;
  }
  return String.fromCharCode(...bytes);
}

/** A tokenizer and parser of PDF values over a byte buffer; operators are returned as `{ op }`. */
export class PdfLexer {
  pos = 0;
  constructor(private readonly b: Buffer) {}

  private skip(): void {
    for (;;) {
      while (this.pos < this.b.length && WS.has(this.b[this.pos])) this.pos++;
      if (this.b[this.pos] !== 0x25) return; // %
      while (this.pos < this.b.length && this.b[this.pos] !== 0x0a && this.b[this.pos] !== 0x0d) this.pos++;
    }
  }

  get done(): boolean {
    this.skip();
    return this.pos >= this.b.length;
  }

  private regular(): string {
    const start = this.pos;
    while (this.pos < this.b.length && !WS.has(this.b[this.pos]) && !DELIM.has(this.b[this.pos])) this.pos++;
    return this.b.toString('latin1', start, this.pos);
  }

  private literal(): PdfString {
    this.pos++; // (
    const out: number[] = [];
    let depth = 1;
    while (this.pos < this.b.length) {
      const c = this.b[this.pos++];
      if (c === 0x5c) {
        const n = this.b[this.pos++];
        const map: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (n in map) out.push(map[n]);
        else if (n >= 0x30 && n <= 0x37) {
          let oct = n - 0x30;
          for (let k = 0; k < 2 && this.b[this.pos] >= 0x30 && this.b[this.pos] <= 0x37; k++) oct = oct * 8 + (this.b[this.pos++] - 0x30);
          out.push(oct & 0xff);
        } else if (n === 0x0d || n === 0x0a) {
          if (n === 0x0d && this.b[this.pos] === 0x0a) this.pos++;
        } else out.push(n);
        continue;
      }
      if (c === 0x28) depth++;
      if (c === 0x29 && --depth === 0) break;
      out.push(c);
    }
    return { str: decodeText(out) };
  }

  /** Next token: a value, or an operator / keyword as `{ op }`. */
  next(): PdfValue | { op: string } {
    this.skip();
    const c = this.b[this.pos];
    if (c === 0x2f) {
      this.pos++;
      return { name: this.regular() };
    }
    if (c === 0x28) return this.literal();
    if (c === 0x3c && this.b[this.pos + 1] === 0x3c) {
      this.pos += 2;
      const dict: Record<string, PdfValue> = {};
      for (;;) {
        this.skip();
        if (this.b[this.pos] === 0x3e && this.b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return { dict };
        }
        const key = this.next();
        if (!key || typeof key !== 'object' || !('name' in key)) throw new Error(`dictionary key expected at ${this.pos}`);
        dict[key.name] = this.value();
      }
    }
    if (c === 0x3c) {
      const end = this.b.indexOf(0x3e, this.pos);
      const hex = this.b.toString('latin1', this.pos + 1, end).replace(/\s+/g, '');
      this.pos = end + 1;
      const bytes = (hex.length % 2 ? `${hex}0` : hex).match(/../g)?.map((h) => parseInt(h, 16)) ?? [];
      return { str: decodeText(bytes) };
    }
    if (c === 0x5b) {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skip();
        if (this.b[this.pos] === 0x5d) {
          this.pos++;
          return arr;
        }
        arr.push(this.value());
      }
    }
    if (c === 0x5d || c === 0x29 || c === 0x3e || c === 0x7b || c === 0x7d) {
      this.pos++;
      return { op: String.fromCharCode(c) };
    }
    const word = this.regular();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      // An indirect reference « n g R » inside a value.
      const save = this.pos;
      const m = /^\s+(\d+)\s+R(?=[\s/<>[\]()%]|$)/.exec(this.b.toString('latin1', this.pos, this.pos + 24));
      if (m && /^\d+$/.test(word)) {
        this.pos += m[0].length;
        return { ref: Number(word) };
      }
      this.pos = save;
      return Number(word);
    }
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    if (!word) throw new Error(`unexpected byte ${c} at ${this.pos}`);
    return { op: word };
  }

  /** Next token, which must be a value (not an operator). */
  value(): PdfValue {
    const v = this.next();
    if (v && typeof v === 'object' && 'op' in v) throw new Error(`value expected, found operator ${v.op} at ${this.pos}`);
    return v;
  }
}

export interface PdfObject {
  value: PdfValue;
  /** The decoded stream (inflated when FlateDecode), if the object has one. */
  stream?: Buffer;
}

/** Reads every « n 0 obj … endobj » of a PDF written without object streams (pdfkit's output). */
export function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const objects = new Map<number, PdfObject>();
  const text = pdf.toString('latin1');
  const re = /(?:^|[\r\n])(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const num = Number(m[1]);
    const lx = new PdfLexer(pdf);
    lx.pos = m.index + m[0].length;
    const value = lx.value();
    const after = new PdfLexer(pdf);
    after.pos = lx.pos;
    const kw = after.next();
    let stream: Buffer | undefined;
    if (kw && typeof kw === 'object' && 'op' in kw && kw.op === 'stream') {
      let start = after.pos;
      if (pdf[start] === 0x0d) start++;
      if (pdf[start] === 0x0a) start++;
      const dict = asDict(value);
      const len = dict.Length;
      const end = typeof len === 'number' ? start + len : pdf.indexOf('endstream', start);
      const raw = pdf.subarray(start, end);
      const filter = dict.Filter;
      stream = filter && typeof filter === 'object' && 'name' in filter && filter.name === 'FlateDecode' ? inflateSync(raw) : raw;
      re.lastIndex = end;
    }
    objects.set(num, { value, stream });
  }
  return objects;
}

export function asDict(v: PdfValue | undefined): Record<string, PdfValue> {
  return v && typeof v === 'object' && 'dict' in v ? v.dict : {};
}
export function nameOf(v: PdfValue | undefined): string | undefined {
  return v && typeof v === 'object' && 'name' in v ? v.name : undefined;
}
export function refOf(v: PdfValue | undefined): number | undefined {
  return v && typeof v === 'object' && 'ref' in v ? v.ref : undefined;
}
export function textOf(v: PdfValue | undefined): string | undefined {
  return v && typeof v === 'object' && 'str' in v ? v.str : undefined;
}

/** Operators that put marks on the page: text showing, path painting, shadings, XObjects, inline images. */
const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'BI']);

export interface StructElem {
  num: number;
  type: string;
  parent?: number;
  kids: number[];
  /** Marked-content ids this element owns, with the page object they are on. */
  mcids: { page: number | undefined; mcid: number }[];
  alt?: string;
  scope?: string;
}

export interface TaggingReport {
  pages: number;
  /** Human-readable problems, empty when the document is fully tagged. */
  problems: string[];
  elems: Map<number, StructElem>;
  /** Painting operators counted inside artifacts and inside tagged content. */
  artifactOps: number;
  taggedOps: number;
}

function structElems(objects: Map<number, PdfObject>): Map<number, StructElem> {
  const out = new Map<number, StructElem>();
  for (const [num, o] of objects) {
    const d = asDict(o.value);
    const type = nameOf(d.S);
    if (!type || d.Type && nameOf(d.Type) !== 'StructElem') continue;
    const page = refOf(d.Pg);
    const kids: number[] = [];
    const mcids: StructElem['mcids'] = [];
    const k = d.K;
    for (const kid of Array.isArray(k) ? k : k === undefined || k === null ? [] : [k]) {
      if (typeof kid === 'number') mcids.push({ page, mcid: kid });
      else if (refOf(kid) !== undefined) kids.push(refOf(kid)!);
      else {
        const kd = asDict(kid);
        if (nameOf(kd.Type) === 'MCR' && typeof kd.MCID === 'number') mcids.push({ page: refOf(kd.Pg) ?? page, mcid: kd.MCID });
      }
    }
    const a = d.A;
    const attrs = Array.isArray(a) ? a.map(asDict) : [asDict(a)];
    const scope = attrs.map((x) => nameOf(x.Scope)).find(Boolean);
    out.set(num, { num, type, parent: refOf(d.P), kids, mcids, alt: textOf(d.Alt), scope });
  }
  return out;
}

/** The ParentTree's arrays: page StructParents key → struct element per MCID. */
function parentTree(objects: Map<number, PdfObject>, root: Record<string, PdfValue>): Map<number, (number | undefined)[]> {
  const out = new Map<number, (number | undefined)[]>();
  const visit = (v: PdfValue | undefined) => {
    const node = refOf(v) !== undefined ? objects.get(refOf(v)!)?.value : v;
    const d = asDict(node);
    const nums = d.Nums;
    if (Array.isArray(nums)) {
      for (let i = 0; i + 1 < nums.length; i += 2) {
        const key = nums[i] as number;
        const val = refOf(nums[i + 1]) !== undefined ? objects.get(refOf(nums[i + 1])!)?.value : nums[i + 1];
        out.set(key, Array.isArray(val) ? val.map(refOf) : [refOf(val)]);
      }
    }
    if (Array.isArray(d.Kids)) d.Kids.forEach(visit);
  };
  visit(root.ParentTree);
  return out;
}

/**
 * Checks that every painting operator of every page is inside a marked-content sequence that is either an
 * Artifact or tagged with an MCID the structure tree's ParentTree ties to a structure element owning it.
 */
export function checkTagging(pdf: Buffer): TaggingReport {
  const objects = readObjects(pdf);
  const problems: string[] = [];
  const trailerRoot = /\/Root (\d+) 0 R/.exec(pdf.toString('latin1', pdf.lastIndexOf('trailer')));
  const catalog = asDict(objects.get(Number(trailerRoot?.[1]))?.value);
  const treeRoot = asDict(objects.get(refOf(catalog.StructTreeRoot) ?? -1)?.value);
  if (!catalog.StructTreeRoot) problems.push('no StructTreeRoot in the catalog');
  if (asDict(objects.get(refOf(catalog.MarkInfo) ?? -1)?.value ?? catalog.MarkInfo).Marked !== true) problems.push('MarkInfo /Marked is not true');
  const tree = parentTree(objects, treeRoot);
  const elems = structElems(objects);
  const pages: number[] = [];
  const walkPages = (ref: number | undefined) => {
    const d = asDict(objects.get(ref ?? -1)?.value);
    if (nameOf(d.Type) === 'Pages') (Array.isArray(d.Kids) ? d.Kids : []).forEach((k) => walkPages(refOf(k)));
    else if (nameOf(d.Type) === 'Page' && ref !== undefined) pages.push(ref);
  };
  walkPages(refOf(catalog.Pages));
  let artifactOps = 0;
  let taggedOps = 0;
  pages.forEach((pageRef, index) => {
    const where = `page ${index + 1}`;
    const page = asDict(objects.get(pageRef)?.value);
    const contents = Array.isArray(page.Contents) ? page.Contents.map(refOf) : [refOf(page.Contents)];
    const body = Buffer.concat(contents.map((c) => objects.get(c ?? -1)?.stream ?? Buffer.alloc(0)).flatMap((b) => [b, Buffer.from('\n')]));
    const key = page.StructParents;
    const owners = typeof key === 'number' ? tree.get(key) : undefined;
    const lx = new PdfLexer(body);
    const operands: PdfValue[] = [];
    const stack: { tag: string; mcid?: number }[] = [];
    while (!lx.done) {
      const tok = lx.next();
      if (!(tok && typeof tok === 'object' && 'op' in tok)) {
        operands.push(tok);
        continue;
      }
      const op = tok.op;
      if (op === 'BMC') stack.push({ tag: nameOf(operands[0]) ?? '?' });
      else if (op === 'BDC') {
        const props = asDict(operands[1]);
        const mcid = typeof props.MCID === 'number' ? props.MCID : undefined;
        const tag = nameOf(operands[0]) ?? '?';
        stack.push({ tag, mcid });
        if (mcid !== undefined) {
          if (stack.length > 1) problems.push(`${where}: tagged content MCID ${mcid} (${tag}) nested inside another sequence`);
          const owner = owners?.[mcid];
          if (owner === undefined) problems.push(`${where}: MCID ${mcid} (${tag}) is not tied to a structure element in the ParentTree`);
          else if (!elems.get(owner)?.mcids.some((x) => x.mcid === mcid && (x.page === undefined || x.page === pageRef)))
            problems.push(`${where}: structure element ${owner} does not list MCID ${mcid} among its kids`);
        }
      } else if (op === 'EMC') {
        if (!stack.pop()) problems.push(`${where}: EMC without an open sequence`);
      } else if (PAINTING.has(op)) {
        const outer = stack[0];
        if (!outer) problems.push(`${where}: « ${op} » outside any marked-content sequence`);
        else if (outer.tag === 'Artifact') artifactOps++;
        else if (outer.mcid !== undefined) taggedOps++;
        else problems.push(`${where}: « ${op} » in a /${outer.tag} sequence that is neither an artifact nor tagged`);
      }
      if (op === 'BI') {
        // Inline image data runs to « EI »: pdfkit never writes one, but do not parse the binary as tokens.
        const end = body.indexOf('EI', lx.pos);
        lx.pos = end < 0 ? body.length : end + 2;
      }
      operands.length = 0;
    }
    if (stack.length) problems.push(`${where}: ${stack.length} marked-content sequence(s) left open`);
  });
  return { pages: pages.length, problems: [...new Set(problems)], elems, artifactOps, taggedOps };
}

/** Checks the table and figure structure: TH with a scope, tables made of THead / TBody, figures with alternative text. */
export function checkStructure(elems: Map<number, StructElem>): string[] {
  const problems: string[] = [];
  const type = (n: number) => elems.get(n)?.type;
  for (const e of elems.values()) {
    if (e.type === 'TH' && e.scope !== 'Column' && e.scope !== 'Row' && e.scope !== 'Both') problems.push(`TH ${e.num} has no Scope`);
    if (e.type === 'Table') {
      const bad = e.kids.filter((k) => !['THead', 'TBody', 'TFoot', 'Caption'].includes(type(k) ?? ''));
      if (bad.length) problems.push(`Table ${e.num} has children ${bad.map(type).join(', ')} outside THead/TBody`);
      if (!e.kids.some((k) => type(k) === 'THead')) problems.push(`Table ${e.num} has no THead`);
    }
    if (['THead', 'TBody', 'TFoot'].includes(e.type) && e.kids.some((k) => type(k) !== 'TR')) problems.push(`${e.type} ${e.num} holds something else than TR`);
    if (e.type === 'TR' && e.kids.some((k) => !['TH', 'TD'].includes(type(k) ?? ''))) problems.push(`TR ${e.num} holds something else than TH/TD`);
    if (e.type === 'Figure' && !e.alt?.trim()) problems.push(`Figure ${e.num} has no alternative text`);
  }
  return problems;
}
