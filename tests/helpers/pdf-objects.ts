// Test helper: a small reader of the PDFs pdfkit writes: values, objects and their (inflated) streams.
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
