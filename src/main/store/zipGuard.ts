// Reads a zip archive's central directory (sizes it declares) without inflating anything, to refuse zip bombs before parsing.
import { inflateRawSync } from 'node:zlib';

export interface ZipEntryInfo {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  maxEntries: number;
}

export type ZipProblem =
  | { kind: 'notZip' }
  | { kind: 'tooManyEntries'; entries: number; max: number }
  | { kind: 'inflatesTooMuch'; declaredBytes: number; maxBytes: number; fileBytes: number }
  | { kind: 'lyingSizes'; entry: string };

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const EOCD_MIN = 22;

/** Finds the end-of-central-directory record (it ends the file, followed by a comment of at most 65,535 bytes). */
function findEocd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - EOCD_MIN - 0xffff);
  for (let i = buf.length - EOCD_MIN; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG && i + EOCD_MIN + buf.readUInt16LE(i + 20) <= buf.length) return i;
  }
  return -1;
}

/**
 * The entries a zip declares in its central directory, or undefined when the bytes are not a readable zip
 * (truncated, no directory, directory out of bounds, Zip64 — which no file of ours or Excel's needs).
 */
export function readZipDirectory(buf: Buffer): ZipEntryInfo[] | undefined {
  if (buf.length < EOCD_MIN || buf.readUInt32LE(0) !== LOC_SIG) return undefined;
  const eocd = findEocd(buf);
  if (eocd < 0) return undefined;
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff || offset + size > eocd) return undefined;
  const entries: ZipEntryInfo[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CEN_SIG) return undefined;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const entry: ZipEntryInfo = {
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) return undefined;
    if (entry.localHeaderOffset + 30 > buf.length || entry.compressedSize > buf.length) return undefined;
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Checks what the archive declares against the limits; nothing is inflated. */
export function checkZipDeclared(buf: Buffer, limits: ZipLimits): { ok: true; entries: ZipEntryInfo[]; totalBytes: number } | { ok: false; problem: ZipProblem } {
  const entries = readZipDirectory(buf);
  if (!entries) return { ok: false, problem: { kind: 'notZip' } };
  if (entries.length > limits.maxEntries) return { ok: false, problem: { kind: 'tooManyEntries', entries: entries.length, max: limits.maxEntries } };
  const totalBytes = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (totalBytes > limits.maxTotalBytes) {
    return { ok: false, problem: { kind: 'inflatesTooMuch', declaredBytes: totalBytes, maxBytes: limits.maxTotalBytes, fileBytes: buf.length } };
  }
  return { ok: true, entries, totalBytes };
}

/** Where an entry's compressed bytes start (after its local header, whose name and extra lengths may differ). */
function dataStart(buf: Buffer, e: ZipEntryInfo): number | undefined {
  const p = e.localHeaderOffset;
  if (buf.readUInt32LE(p) !== LOC_SIG) return undefined;
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  return start + e.compressedSize <= buf.length ? start : undefined;
}

/**
 * Proves the declared sizes true for deflated entries: each is inflated with a hard cap at its declared size
 * (zlib stops at the cap), so a parser that trusts the stream (exceljs) can never get more than the limits allow.
 * Returns the first entry that lies, or undefined.
 */
export function findLyingEntry(buf: Buffer, entries: ZipEntryInfo[]): string | undefined {
  for (const e of entries) {
    const start = dataStart(buf, e);
    if (start === undefined) return e.name;
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) return e.name;
      continue;
    }
    if (e.method !== 8) continue; // other methods: the parser refuses them itself
    try {
      const out = inflateRawSync(buf.subarray(start, start + e.compressedSize), { maxOutputLength: Math.max(1, e.uncompressedSize) });
      if (out.length !== e.uncompressedSize) return e.name;
    } catch {
      return e.name;
    }
  }
  return undefined;
}
