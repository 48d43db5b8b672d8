// Import helpers: automatic column mapping from known headers, and typed reading of cells with French errors.
import { sharingServices as ts } from '../../../shared/i18n/sharing-services';
import { fold, unneutralise } from './common';
import type { RawCell } from './readTable';

export interface FieldSpec<K extends string = string> {
  key: K;
  /** French label shown in the mapping and in errors. */
  label: string;
  /** Header spellings recognised (compared accent-, case- and punctuation-insensitively). */
  aliases: string[];
}

/** Header normalisation: accents, case, punctuation and apostrophes ignored. */
export function normHeader(h: string): string {
  return fold(h)
    .replace(/[’'`]/g, ' ')
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface ColumnMapping<K extends string = string> {
  /** Column index → field key (undefined = ignored). */
  byIndex: (K | undefined)[];
  /** Field key → column index. */
  byField: Partial<Record<K, number>>;
}

/**
 * Maps headers to fields: the user's overrides first (header text → field key or '' to ignore), then exact alias
 * matches. Each field takes the first column that matches it.
 */
export function mapColumns<K extends string>(headers: string[], specs: FieldSpec<K>[], overrides: Record<string, string> = {}): ColumnMapping<K> {
  const byIndex: (K | undefined)[] = headers.map(() => undefined);
  const byField: Partial<Record<K, number>> = {};
  const keys = new Set(specs.map((s) => s.key));
  headers.forEach((h, i) => {
    if (!(h in overrides)) return;
    const k = overrides[h];
    if (k && keys.has(k as K) && byField[k as K] === undefined) {
      byIndex[i] = k as K;
      byField[k as K] = i;
    }
  });
  const aliasMap = new Map<string, K>();
  for (const s of specs) for (const a of [s.label, ...s.aliases]) if (!aliasMap.has(normHeader(a))) aliasMap.set(normHeader(a), s.key);
  headers.forEach((h, i) => {
    if (h in overrides) return;
    const k = aliasMap.get(normHeader(h));
    if (k && byField[k] === undefined) {
      byIndex[i] = k;
      byField[k] = i;
    }
  });
  return { byIndex, byField };
}

export interface CellError {
  column: string;
  message: string;
}

export class RowReader<K extends string> {
  readonly errors: CellError[] = [];
  constructor(
    private readonly cells: RawCell[],
    private readonly mapping: ColumnMapping<K>,
    private readonly specs: Map<K, FieldSpec<K>>,
    private readonly headers: string[],
  ) {}

  private raw(k: K): RawCell {
    const i = this.mapping.byField[k];
    return i === undefined ? null : (this.cells[i] ?? null);
  }

  /** The column's header as written in the file (for error messages). */
  column(k: K): string {
    const i = this.mapping.byField[k];
    return i === undefined ? (this.specs.get(k)?.label ?? k) : this.headers[i] || (this.specs.get(k)?.label ?? k);
  }

  has(k: K): boolean {
    return this.mapping.byField[k] !== undefined;
  }

  error(k: K, message: string): void {
    this.errors.push({ column: this.column(k), message });
  }

  text(k: K, max = 300): string | undefined {
    const v = this.raw(k);
    if (v === null) return undefined;
    let s = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : String(v);
    s = unneutralise(s.trim());
    if (!s) return undefined;
    if (s.length > max) {
      this.error(k, ts.fields.tooLong(max));
      return s.slice(0, max);
    }
    return s;
  }

  number(k: K, range?: { min?: number; max?: number; unit?: string }): number | undefined {
    const v = this.raw(k);
    if (v === null) return undefined;
    let n: number;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'boolean' || v instanceof Date) {
      this.error(k, 'un nombre est attendu.');
      return undefined;
    } else {
      const parsed = parseFrenchNumber(v);
      if (parsed === undefined) {
        if (!v.trim()) return undefined;
        this.error(k, ts.fields.notANumber(v.trim().slice(0, 40)));
        return undefined;
      }
      n = parsed;
    }
    if (!Number.isFinite(n)) {
      this.error(k, 'un nombre est attendu.');
      return undefined;
    }
    if (range?.min !== undefined && n < range.min) {
      this.error(k, ts.fields.belowMin(`${String(n).replace('.', ',')}${range.unit ?? ''}`, `${range.min}${range.unit ?? ''}`));
      return undefined;
    }
    if (range?.max !== undefined && n > range.max) {
      this.error(k, ts.fields.aboveMax(`${String(n).replace('.', ',')}${range.unit ?? ''}`, `${range.max}${range.unit ?? ''}`));
      return undefined;
    }
    return n;
  }

  date(k: K): string | undefined {
    const v = this.raw(k);
    if (v === null) return undefined;
    const iso = parseDateCell(v);
    if (iso === undefined) {
      const s = v instanceof Date ? '' : String(v).trim();
      if (!s) return undefined;
      this.error(k, ts.fields.badDate(s.slice(0, 40)));
    }
    return iso;
  }
}

/** « 1 234,5 », « 75 % », « 12,50 € », « 3.5 » → number; undefined when it is not a number. */
export function parseFrenchNumber(s: string): number | undefined {
  const t = unneutralise(s)
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/[%€]$/, '');
  if (!t) return undefined;
  const norm = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) ? t.replace(/\./g, '').replace(',', '.') : t.replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(norm)) return undefined;
  return Number(norm);
}

function validIso(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return undefined;
  return dt.toISOString().slice(0, 10);
}

/** A date from a cell: Excel date, Excel serial, JJ/MM/AAAA (also - or .), AAAA-MM-JJ. */
export function parseDateCell(v: RawCell): string | undefined {
  if (v === null) return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : new Date(v.getTime() + 43_200_000).toISOString().slice(0, 10);
  if (typeof v === 'number') {
    if (v > 20000 && v < 80000) return new Date(Date.UTC(1899, 11, 30) + Math.round(v) * 86_400_000).toISOString().slice(0, 10);
    return undefined;
  }
  const s = String(v).trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return validIso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(s);
  if (m) return validIso(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

/** Singular, folded form used to compare category labels (« Bailleurs sociaux » ≈ « bailleur social »). */
export function singularFold(s: string): string {
  return fold(s)
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => (w.length > 3 && w.endsWith('aux') ? `${w.slice(0, -3)}al` : w.length > 3 && /[sx]$/.test(w) ? w.slice(0, -1) : w))
    .join(' ');
}
