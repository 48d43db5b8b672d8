// Format 2 of the protected store's file: a header line, one sealed line per section, then appended sealed change records.
import { createHash, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { PROTECTED_SCHEMA_VERSION } from '../../shared/protected-model';
import { KEY_BYTES, open, seal, wellFormed, type Sealed } from './crypto';
import { SECTIONS, type Delta, type SectionName } from './delta';

export const VAULT_FORMAT = 'clspd-protected';
/** 1: one sealed JSON payload (still read); 2: sections sealed one by one plus appended change records. */
export const VAULT_VERSION = 2;

export const SealedSchema = z.object({ iv: z.string().max(64), tag: z.string().max(64), data: z.string() }).strict();
export const KdfSchema = z
  .object({ algorithm: z.literal('scrypt'), salt: z.string().max(64), N: z.number().int().min(2).max(1 << 22), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16) })
  .strict();
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const Id32 = z.string().regex(/^[0-9a-f]{32}$/);

/**
 * The first line. `sections` lists each sealed section with the SHA-256 of its line (key-free damage check);
 * the data key's wrap authenticates that list and `snapshotId` (see wrapAad), so a section or a record cannot
 * be swapped for one of another file or an older write.
 */
export const Header = z
  .object({
    format: z.literal(VAULT_FORMAT),
    version: z.literal(2),
    keysetId: z.string().uuid(),
    kdf: KdfSchema,
    master: z.object({ passphrase: SealedSchema, recovery: SealedSchema }).strict(),
    dataKey: z.object({ id: Id32, wrapped: SealedSchema }).strict(),
    snapshotId: Id32,
    schema: z.number().int().min(1),
    sections: z.array(z.object({ name: z.string().max(40), sha256: Hex64 }).strict()).max(64),
    writtenAt: z.string().max(40),
    sha256: Hex64,
  })
  .strict();
export type Header = z.infer<typeof Header>;

/** Key material needed to seal (a structural subset of envelope.ts's Keys). */
export interface SealKeys {
  keysetId: string;
  kdf: Header['kdf'];
  masterKey: Buffer;
  master: Header['master'];
  dataKeyId: string;
  dataKey: Buffer;
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

export const aad2 = {
  wrap: (h: Pick<Header, 'keysetId' | 'snapshotId' | 'schema' | 'sections'>, dataKeyId: string) =>
    `clspd-vault/${h.keysetId}/data-key/${dataKeyId}/v2/${h.snapshotId}/${h.schema}/${h.sections.map((s) => `${s.name}:${s.sha256}`).join(',')}`,
  section: (keysetId: string, dataKeyId: string, name: string) => `clspd-vault/2/${keysetId}/section/${dataKeyId}/${name}`,
  record: (keysetId: string, dataKeyId: string, snapshotId: string, seq: number) => `clspd-vault/2/${keysetId}/record/${dataKeyId}/${snapshotId}/${seq}`,
};

/** A sealed section as written, kept in memory so a compaction re-seals only the sections that changed. */
export interface SealedSection {
  /** The section value it seals (compared by identity: committed documents are immutable). */
  value: unknown;
  dataKeyId: string;
  line: string;
  sha256: string;
}

export interface Snapshot {
  text: string;
  snapshotId: string;
  sections: Map<string, SealedSection>;
}

function sealSection(keys: SealKeys, name: string, value: unknown): SealedSection {
  const plain = deflateRawSync(Buffer.from(JSON.stringify(value), 'utf8'), { level: 1 });
  const line = JSON.stringify({ section: name, ...seal(keys.dataKey, plain, aad2.section(keys.keysetId, keys.dataKeyId, name)) });
  return { value, dataKeyId: keys.dataKeyId, line, sha256: sha(line) };
}

/** Seals a whole document; sections found unchanged in `cache` (same key, same value) are reused as they are. */
export function sealSnapshot(keys: SealKeys, data: Record<SectionName, unknown>, at: Date, cache?: Map<string, SealedSection>): Snapshot {
  const sections = new Map<string, SealedSection>();
  for (const name of SECTIONS) {
    const cached = cache?.get(name);
    sections.set(name, cached && cached.value === data[name] && cached.dataKeyId === keys.dataKeyId ? cached : sealSection(keys, name, data[name]));
  }
  const head = {
    format: VAULT_FORMAT,
    version: 2 as const,
    keysetId: keys.keysetId,
    kdf: keys.kdf,
    master: keys.master,
    snapshotId: randomBytes(16).toString('hex'),
    schema: PROTECTED_SCHEMA_VERSION,
    sections: [...sections].map(([name, s]) => ({ name, sha256: s.sha256 })),
  };
  const unsigned = {
    format: head.format,
    version: head.version,
    keysetId: head.keysetId,
    kdf: head.kdf,
    master: head.master,
    dataKey: { id: keys.dataKeyId, wrapped: seal(keys.masterKey, keys.dataKey, aad2.wrap(head, keys.dataKeyId)) },
    snapshotId: head.snapshotId,
    schema: head.schema,
    sections: head.sections,
    writtenAt: at.toISOString(),
  };
  const headerLine = JSON.stringify({ ...unsigned, sha256: sha(JSON.stringify(unsigned)) });
  const text = [headerLine, ...[...sections.values()].map((s) => s.line)].join('\n');
  return { text, snapshotId: head.snapshotId, sections };
}

/** One change record, ready to append (starts with the line break that ends the previous line). */
export function sealRecord(keys: SealKeys, snapshotId: string, seq: number, delta: Delta): string {
  const s = seal(keys.dataKey, Buffer.from(JSON.stringify(delta), 'utf8'), aad2.record(keys.keysetId, keys.dataKeyId, snapshotId, seq));
  return `\n${JSON.stringify({ record: seq, ...s, sha256: sha(`${seq}.${s.iv}.${s.tag}.${s.data}`) })}`;
}

interface RecordLine extends Sealed {
  record: number;
  sha256: string;
}

export interface ParsedV2 {
  version: 2;
  header: Header;
  keysetId: string;
  kdf: Header['kdf'];
  master: Header['master'];
  dataKey: Header['dataKey'];
  sections: Map<string, { sealed: Sealed; line: string }>;
  records: RecordLine[];
  /** Byte length of the valid part (a torn last record, never acknowledged, is left out). */
  validBytes: number;
  /** Byte length of the header and sections (the rest is change records). */
  snapshotBytes: number;
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const sealedOf = (o: Record<string, unknown>): Sealed | undefined => (isStr(o.iv) && isStr(o.tag) && isStr(o.data) ? { iv: o.iv, tag: o.tag, data: o.data } : undefined);

/**
 * Reads a format-2 file and checks what can be checked without a key: header checksum, the section lines
 * against their listed SHA-256 (`deep`: the unlock skips it, the GCM tags check the same bytes), record
 * numbering and checksums. A torn LAST record (a write cut by a crash, never acknowledged) is ignored.
 */
export function parseV2(text: string, deep: boolean): ParsedV2 | undefined {
  const lines = text.split('\n');
  let raw: unknown;
  try {
    raw = JSON.parse(lines[0]);
  } catch {
    return undefined;
  }
  const h = Header.safeParse(raw);
  if (!h.success) return undefined;
  const header = h.data;
  const { sha256, ...unsigned } = header;
  if (sha(JSON.stringify(unsigned)) !== sha256) return undefined;
  if (header.sections.length !== SECTIONS.length || header.sections.some((s, i) => s.name !== SECTIONS[i])) return undefined;
  if (![header.master.passphrase, header.master.recovery, header.dataKey.wrapped].every((s) => wellFormed(s, KEY_BYTES))) return undefined;
  const sections = new Map<string, { sealed: Sealed; line: string }>();
  let offset = Buffer.byteLength(lines[0], 'utf8');
  for (let i = 0; i < header.sections.length; i++) {
    const line = lines[1 + i];
    if (line === undefined) return undefined;
    if (deep && sha(line) !== header.sections[i].sha256) return undefined;
    let o: Record<string, unknown>;
    try {
      o = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    const sealed = sealedOf(o);
    if (o.section !== header.sections[i].name || !sealed || (deep && !wellFormed(sealed))) return undefined;
    sections.set(header.sections[i].name, { sealed, line });
    offset += 1 + Buffer.byteLength(line, 'utf8');
  }
  const snapshotBytes = offset;
  const records: RecordLine[] = [];
  const rest = lines.slice(1 + header.sections.length);
  for (let i = 0; i < rest.length; i++) {
    const last = i === rest.length - 1;
    let o: Record<string, unknown> | undefined;
    try {
      o = JSON.parse(rest[i]) as Record<string, unknown>;
    } catch {
      o = undefined;
    }
    const sealed = o ? sealedOf(o) : undefined;
    const ok = o !== undefined && sealed !== undefined && o.record === i && o.sha256 === sha(`${i}.${sealed.iv}.${sealed.tag}.${sealed.data}`) && wellFormed(sealed);
    if (!ok) {
      if (last) break;
      return undefined;
    }
    records.push({ record: i, sha256: o!.sha256 as string, ...sealed! });
    offset += 1 + Buffer.byteLength(rest[i], 'utf8');
  }
  return { version: 2, header, keysetId: header.keysetId, kdf: header.kdf, master: header.master, dataKey: header.dataKey, sections, records, validBytes: offset, snapshotBytes };
}

/** The data key of a format-2 file (undefined: wrong master key or anything authenticated was altered). */
export function unwrapDataKeyV2(p: ParsedV2, masterKey: Buffer): Buffer | undefined {
  return open(masterKey, p.dataKey.wrapped, aad2.wrap(p.header, p.dataKey.id));
}

/** Decrypts every section and record with `dataKey`; undefined as soon as one tag does not match. */
export function openSectionsV2(p: ParsedV2, dataKey: Buffer): { sections: Record<string, unknown>; deltas: Delta[] } | undefined {
  const sections: Record<string, unknown> = {};
  try {
    for (const [name, { sealed }] of p.sections) {
      const plain = open(dataKey, sealed, aad2.section(p.keysetId, p.dataKey.id, name));
      if (!plain) return undefined;
      sections[name] = JSON.parse(inflateRawSync(plain).toString('utf8'));
    }
    const deltas: Delta[] = [];
    for (const r of p.records) {
      const plain = open(dataKey, r, aad2.record(p.keysetId, p.dataKey.id, p.header.snapshotId, r.record));
      if (!plain) return undefined;
      deltas.push(JSON.parse(plain.toString('utf8')) as Delta);
    }
    return { sections, deltas };
  } catch {
    return undefined;
  }
}
