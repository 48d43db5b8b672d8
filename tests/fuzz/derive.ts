// Derives fast-check arbitraries from the contract's zod 4 input schemas: valid, almost-valid and hostile payloads.
import fc from 'fast-check';
import type { z } from 'zod';

/** A reference to a live entity, resolved against the document only when the call is made (so ids are current). */
export class Ref {
  constructor(
    readonly kind: string,
    /** Position in the live pool, as a fraction in [0, 1). */
    readonly pick: number,
    /** Pick among the children of the entity the payload is about (true) or among all of them (false). */
    readonly scoped: boolean,
  ) {}
  [fc.toStringMethod](): string {
    return `ref(${this.kind}, ${this.pick.toFixed(3)}${this.scoped ? '' : ', any'})`;
  }
}

/** Which kind of entity a string field names, from the channel and the path of keys ('[]' for array elements, '*' for a whole list). */
export type RefHint = (path: readonly string[]) => string | undefined;

/** Strings that satisfy refinements a generator cannot invert (calendar dates, e-mail addresses): tried against each field. */
const DOMAIN_STRINGS = [
  '',
  '2026-01-15',
  '2026-11-16',
  '2026-12-31',
  '2027-03-01',
  '2025-06-30',
  '2024-02-29',
  '2019-09-01',
  '2030-01-01',
  '2026-02-30',
  '2025-02-29',
  '2026-13-01',
  '0000-00-00',
  'prenom.nom@ville.fr',
  'contact@tilleuls.fr',
  'a@b.co',
  'é@x.fr',
  'pas-une-adresse',
  'C:\\Logos\\logo.png',
  '/tmp/logo.jpg',
  '\\\\serveur\\partage\\logo.jpeg',
  'logo.PNG',
];

/** Strings that have broken software before: prototype keys, control and bidi characters, emoji, lone surrogates, paths. */
export const HOSTILE_STRINGS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '\u0000',
  'a\u0000b',
  '\u0007\u0008\u001b[31m',
  '\u202Eevil\u202C',
  '\u200F\u05E9\u05DC\u05D5\u05DD',
  'مرحبا بالعالم',
  '👨‍👩‍👧‍👦',
  '🇫🇷🏳️‍🌈',
  '\uD800',
  '\uDFFF\uD800',
  'e\u0301\u0301\u0301',
  '\r\n\t\v\f',
  '   ',
  '<script>alert(1)</script>',
  '${process.exit()}',
  '{{constructor.constructor("x")()}}',
  '../../../../etc/passwd',
  'C:\\Windows\\System32\\cmd.exe',
  '\\\\serveur\\partage\\virus.exe',
  '=cmd|\' /C calc\'!A0',
  '+33 6 00 00 00 00',
  '%s%n%x',
  "'; DROP TABLE actions; --",
  'null',
  'undefined',
  'NaN',
  '-1',
  '9'.repeat(40),
  'ＡＢＣ',
  'ß',
  'İ',
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'é', '\u0000', '👍', '\u202E', ' '), fc.constantFrom(301, 2_001, 20_001, 200_001)).map(([c, n]) => c.repeat(n)) },
);

/** An object literal carrying own `__proto__`, `constructor` and `prototype` keys, as JSON.parse (or structured clone) makes them. */
function protoBomb(): unknown {
  return JSON.parse('{"__proto__":{"polluted":"oui"},"constructor":{"prototype":{"polluted":"oui"}},"prototype":{"polluted":"oui"}}');
}

const hostileNumber = fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 2 ** 53, -(2 ** 53), 2 ** 31, -1, 1.5, 0.1, Number.MAX_SAFE_INTEGER + 2, 5e-324, 1e21);

/** A value of the wrong type, out of range, or hostile: what an almost-valid payload carries in one place. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, undefined, true, false, '', 0) },
  { weight: 1, arbitrary: fc.constant(null).map(() => [] as unknown) },
  { weight: 1, arbitrary: fc.constant(null).map(() => ({}) as unknown) },
  { weight: 2, arbitrary: fc.constant(null).map(protoBomb) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, maxKeys: 3, withNullPrototype: true }) },
);

interface Check {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
interface Def {
  type: string;
  checks?: { _zod: { def: Check } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def): Check[] => (d.checks ?? []).map((c) => c._zod.def);

/** Cap on generated text so that a run does not grow the document into megabytes; longer texts come from the hostile set. */
const TEXT_CAP = 120;

function stringArb(schema: z.ZodType, d: Def): fc.Arbitrary<string> {
  const checks = checksOf(d);
  let min = 0;
  let max = Infinity;
  const patterns: RegExp[] = [];
  let custom = false;
  for (const c of checks) {
    if (c.check === 'min_length' && c.minimum !== undefined) min = Math.max(min, c.minimum);
    if (c.check === 'max_length' && c.maximum !== undefined) max = Math.min(max, c.maximum);
    if (c.check === 'length_equals' && c.length !== undefined) min = max = c.length;
    if (c.check === 'string_format' && c.pattern) patterns.push(c.pattern);
    if (c.check === 'custom') custom = true;
  }
  const fits = (s: string) => schema.safeParse(s).success;
  const validDomain = DOMAIN_STRINGS.filter(fits);
  const validHostile = HOSTILE_STRINGS.filter(fits);
  if (custom && validDomain.length) return fc.constantFrom(...validDomain);
  if (patterns.length) return fc.stringMatching(patterns[0]!);
  const hi = Math.max(min, Math.min(max, TEXT_CAP));
  const text = fc
    .oneof(
      { weight: 5, arbitrary: fc.constantFrom('Réunion de suivi', 'Médiation sociale', 'Commissariat', 'Cellule de veille', 'Quartier des Tilleuls', 'Œuvre d’art', 'x') },
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: min, maxLength: hi }) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: min, maxLength: hi }) },
    )
    .map((s) => (s.trim().length < min ? s + 'x'.repeat(min) : s).slice(0, Number.isFinite(max) ? max : undefined));
  const long = Number.isFinite(max) && max > TEXT_CAP ? [fc.constantFrom('é'.repeat(max), `${'a'.repeat(max - 1)}\u202E`)] : [];
  return fc.oneof(
    { weight: 12, arbitrary: text },
    ...(validHostile.length ? [{ weight: 3, arbitrary: fc.constantFrom(...validHostile) }] : []),
    ...long.map((arbitrary) => ({ weight: 1, arbitrary })),
  );
}

function numberArb(d: Def): fc.Arbitrary<number> {
  let min = -1e12;
  let max = 1e12;
  let int = false;
  for (const c of checksOf(d)) {
    if (c.check === 'greater_than' && typeof c.value === 'number') min = Math.max(min, c.inclusive ? c.value : c.value + (int ? 1 : 1e-9));
    if (c.check === 'less_than' && typeof c.value === 'number') max = Math.min(max, c.inclusive ? c.value : c.value - (int ? 1 : 1e-9));
    if (c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32')) int = true;
  }
  if (int) return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
}

function refOr(kind: string | undefined, base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  if (!kind) return base;
  const ref = fc.tuple(fc.integer({ min: 0, max: 999 }), fc.boolean()).map(([n, any]) => new Ref(kind, n / 1000, !any) as unknown);
  return fc.oneof({ weight: 12, arbitrary: ref }, { weight: 1, arbitrary: base });
}

/** A mostly-valid value for `schema`; string fields named like ids become references to live entities. */
export function validArb(schema: z.ZodType, hint: RefHint, path: readonly string[] = []): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  switch (d.type) {
    case 'string':
      return refOr(hint(path), stringArb(schema, d));
    case 'number':
      return numberArb(d);
    case 'boolean':
      return fc.boolean();
    case 'undefined':
      return fc.constant(undefined);
    case 'null':
      return fc.constant(null);
    case 'literal':
      return fc.constantFrom(...(d.values ?? []));
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries ?? {}));
    case 'optional':
    case 'default':
      return fc.option(validArb(d.innerType!, hint, path), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(validArb(d.innerType!, hint, path), { nil: null, freq: 5 });
    case 'union':
      return fc.oneof(...d.options!.map((o) => validArb(o, hint, path)));
    case 'pipe':
      return validArb(d.in!, hint, path);
    case 'array': {
      let min = 0;
      let max = 4;
      for (const c of checksOf(d)) {
        if (c.check === 'min_length' && c.minimum !== undefined) min = c.minimum;
        if (c.check === 'max_length' && c.maximum !== undefined) max = Math.min(c.maximum, min + 4);
      }
      // Some lists must name every child exactly once (reorderings): the hint may name a kind for the whole list.
      return refOr(hint([...path, '*']), fc.array(validArb(d.element!, hint, [...path, '[]']), { minLength: min, maxLength: Math.max(min, max) }));
    }
    case 'object': {
      const keys = Object.keys(d.shape ?? {});
      const parts = keys.map((k) => validArb(d.shape![k]!, hint, [...path, k]));
      return fc.tuple(...parts).map((values) => {
        const out: Record<string, unknown> = {};
        values.forEach((v, i) => {
          if (v !== undefined) out[keys[i]!] = v;
        });
        return out;
      });
    }
    case 'record':
      return fc.dictionary(
        fc.oneof(fc.constantFrom('Nom', 'Structure', 'Courriel', 'Intitulé', '__proto__', 'constructor'), fc.string({ maxLength: 12 })),
        validArb(d.valueType!, hint, [...path, '{}']),
        { maxKeys: 4 },
      );
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

type Path = (string | number)[];

function pathsOf(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (v instanceof Ref || v === null || typeof v !== 'object') return out;
  for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, Array.isArray(v) ? Number(k) : k], out);
  return out;
}

function copyOf(v: unknown): unknown {
  if (v instanceof Ref || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(copyOf);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = copyOf(x);
  return out;
}

type Mutation = { op: 'replace' | 'drop' | 'extra'; pick: number; value: unknown; key: string };

/** Applies one mistake to a valid payload: a value replaced by a hostile one, a key dropped, or an extra (often prototype) key. */
function mutate(valid: unknown, m: Mutation): unknown {
  const paths = pathsOf(valid);
  const path = paths[m.pick % paths.length]!;
  if (path.length === 0) return m.op === 'extra' && valid !== null && typeof valid === 'object' && !Array.isArray(valid) ? addKey(copyOf(valid), m) : m.value;
  const root = copyOf(valid);
  let parent = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (m.op === 'drop' && !Array.isArray(parent)) delete parent[last];
  else if (m.op === 'extra' && parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last]) && !(parent[last] instanceof Ref)) addKey(parent[last], m);
  else parent[last] = m.value;
  return root;
}

function addKey(target: unknown, m: Mutation): unknown {
  Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  return target;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom<Mutation['op']>('replace', 'replace', 'replace', 'drop', 'extra'),
  pick: fc.nat(1000),
  value: hostileValue,
  key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'id', 'toString'),
});

/** Payloads for one channel: mostly valid, often almost valid (one mistake), sometimes entirely hostile. */
export function payloadArb(schema: z.ZodType, hint: RefHint): fc.Arbitrary<unknown> {
  const valid = validArb(schema, hint);
  return fc.oneof(
    { weight: 12, arbitrary: valid },
    { weight: 6, arbitrary: fc.tuple(valid, mutation).map(([v, m]) => mutate(v, m)) },
    { weight: 1, arbitrary: hostileValue },
  );
}
