// Properties every IPC result and the datastore must keep: structured-cloneable results, no prototype pollution.

/** Why `value` would not cross Electron's structured clone unchanged, or undefined when it would. */
export function cloneProblem(value: unknown): string | undefined {
  const shape = shapeProblem(value, '$', new Set());
  if (shape) return shape;
  let copy: unknown;
  try {
    copy = structuredClone(value);
  } catch (e) {
    return `structuredClone threw: ${(e as Error).message}`;
  }
  return sameValue(value, copy, '$');
}

/** Only data the renderer can use as it is: plain objects, arrays, dates, whole byte arrays; no functions, symbols or class instances. */
function shapeProblem(v: unknown, at: string, path: Set<unknown>): string | undefined {
  if (typeof v === 'function') return `${at} is a function`;
  if (typeof v === 'symbol') return `${at} is a symbol`;
  if (typeof v === 'bigint') return undefined;
  if (v === null || typeof v !== 'object') return undefined;
  if (path.has(v)) return undefined;
  if (v instanceof Date) return undefined;
  if (ArrayBuffer.isView(v)) {
    // A view over part of a larger buffer sends the whole buffer through IPC (pooled memory included).
    if (v.byteOffset !== 0 || v.byteLength !== v.buffer.byteLength) return `${at} is a view of ${v.byteLength} bytes over a buffer of ${v.buffer.byteLength}`;
    const proto = Object.getPrototypeOf(v);
    if (proto !== Uint8Array.prototype) return `${at} is a ${proto?.constructor?.name ?? 'typed array'}, which arrives as a plain Uint8Array`;
    return undefined;
  }
  const proto = Object.getPrototypeOf(v);
  if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) return `${at} is an instance of ${proto?.constructor?.name ?? 'a class'}`;
  if (Object.getOwnPropertySymbols(v).length) return `${at} has symbol keys`;
  if (Object.prototype.hasOwnProperty.call(v, '__proto__')) return `${at} has an own "__proto__" key`;
  path.add(v);
  for (const k of Object.keys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, k)!;
    if (d.get || d.set) return `${at}.${k} is an accessor`;
    const p = shapeProblem(d.value, `${at}.${k}`, path);
    if (p) return p;
  }
  path.delete(v);
  return undefined;
}

/** Strict deep equality between a value and its clone (same keys, same prototypes, NaN equal to NaN, -0 kept). */
function sameValue(a: unknown, b: unknown, at: string): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return `${at}: ${String(a)} became ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${at}: prototype changed`;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime() ? undefined : `${at}: date changed`;
  if (ArrayBuffer.isView(a)) {
    const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    const y = new Uint8Array((b as ArrayBufferView).buffer, (b as ArrayBufferView).byteOffset, (b as ArrayBufferView).byteLength);
    return x.length === y.length && x.every((n, i) => n === y[i]) ? undefined : `${at}: bytes changed`;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return `${at}: keys ${ka.join(',')} became ${kb.join(',')}`;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return `${at}.${k} lost`;
    const p = sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
    if (p) return p;
  }
  return undefined;
}

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype).sort().join(',');
const ARRAY_NAMES = Object.getOwnPropertyNames(Array.prototype).sort().join(',');

/** Whether a payload has polluted the prototypes every object shares. */
export function pollutionProblem(): string | undefined {
  if (Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== PROTO_NAMES) return 'Object.prototype gained or lost properties';
  if (Object.getOwnPropertyNames(Array.prototype).sort().join(',') !== ARRAY_NAMES) return 'Array.prototype gained or lost properties';
  const probe: Record<string, unknown> = {};
  for (const k of ['polluted', 'prototype', 'extra', 'id']) if (probe[k] !== undefined) return `every object now has "${k}"`;
  return undefined;
}

/** The first place in stored data holding an own `__proto__` key or an object that is not plain. */
export function storedProtoKey(v: unknown, at = '$'): string | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  if (Object.prototype.hasOwnProperty.call(v, '__proto__')) return `${at} has an own "__proto__" key`;
  const proto = Object.getPrototypeOf(v);
  if (!Array.isArray(v) && proto !== Object.prototype) return `${at} does not have Object.prototype`;
  for (const [k, x] of Object.entries(v)) {
    const p = storedProtoKey(x, `${at}.${k}`);
    if (p) return p;
  }
  return undefined;
}
