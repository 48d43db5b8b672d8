// The protected store's keys and file envelope: key hierarchy, format 1 (one sealed payload, still read) and the dispatch to format 2 (format.ts).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { PROTECTED_SCHEMA_VERSION, ProtectedData } from '../../shared/protected-model';
import { KEY_BYTES, open, seal, wellFormed, type KdfParams, type Sealed } from './crypto';
import { applyDelta, type SectionName } from './delta';
import { KdfSchema, openSectionsV2, parseV2, SealedSchema, sealSnapshot, unwrapDataKeyV2, VAULT_FORMAT, VAULT_VERSION, type ParsedV2 } from './format';

export { VAULT_FORMAT, VAULT_VERSION } from './format';
/**
 * Key hierarchy: a random master key, wrapped by the passphrase key (scrypt) and by the recovery key (HKDF
 * of 256 random bits); a random data key wrapped by the master key; the payload sealed by the data key.
 * A passphrase change rewraps the master key; a purge replaces the data key (see purge.ts).
 */
export const EnvelopeV1 = z
  .object({
    format: z.literal(VAULT_FORMAT),
    version: z.literal(1),
    /** Identifies the master key: copies with another keyset were protected by another vault. */
    keysetId: z.string().uuid(),
    kdf: KdfSchema,
    master: z.object({ passphrase: SealedSchema, recovery: SealedSchema }).strict(),
    dataKey: z.object({ id: z.string().regex(/^[0-9a-f]{32}$/), wrapped: SealedSchema }).strict(),
    payload: SealedSchema,
    writtenAt: z.string().max(40),
    /** SHA-256 of the envelope without this field: detects a damaged copy without any key. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type EnvelopeV1 = z.infer<typeof EnvelopeV1>;
type Unsigned = Omit<EnvelopeV1, 'sha256'>;
/** A parsed vault file of either format: both carry the key wraps (keysetId, kdf, master, dataKey). */
export type Envelope = (EnvelopeV1 & { version: 1 }) | ParsedV2;

/** Keys held in memory while the vault is unlocked. */
export interface Keys {
  keysetId: string;
  kdf: KdfParams;
  masterKey: Buffer;
  /** The master key as wrapped by the passphrase key and by the recovery key (unchanged until a passphrase change). */
  master: EnvelopeV1['master'];
  dataKeyId: string;
  dataKey: Buffer;
}

const aad = {
  passphrase: (keysetId: string) => `clspd-vault/${keysetId}/master/passphrase`,
  recovery: (keysetId: string) => `clspd-vault/${keysetId}/master/recovery`,
  dataKey: (keysetId: string, id: string) => `clspd-vault/${keysetId}/data-key/${id}`,
  payload: (e: Pick<EnvelopeV1, 'keysetId' | 'kdf' | 'dataKey' | 'version'>) =>
    `clspd-vault/${e.version}/${e.keysetId}/payload/${e.dataKey.id}/${JSON.stringify(e.kdf)}/${JSON.stringify(e.dataKey.wrapped)}`,
};

export function newKeys(kdf: KdfParams, passphraseKey: Buffer, recoveryKey: (keysetId: string) => Buffer): Keys {
  const keysetId = randomUUID();
  const masterKey = randomBytes(KEY_BYTES);
  return {
    keysetId,
    kdf,
    masterKey,
    master: { passphrase: seal(passphraseKey, masterKey, aad.passphrase(keysetId)), recovery: seal(recoveryKey(keysetId), masterKey, aad.recovery(keysetId)) },
    dataKeyId: randomBytes(16).toString('hex'),
    dataKey: randomBytes(KEY_BYTES),
  };
}

/** Keys with a fresh data key (same master key): what a purge switches to. */
export function rotateDataKey(keys: Keys): Keys {
  return { ...keys, dataKeyId: randomBytes(16).toString('hex'), dataKey: randomBytes(KEY_BYTES) };
}

/** Keys whose master key is wrapped by a new passphrase key (new salt); the recovery wrap is kept. */
export function rewrapForPassphrase(keys: Keys, kdf: KdfParams, passphraseKey: Buffer): Keys {
  return { ...keys, kdf, master: { ...keys.master, passphrase: seal(passphraseKey, keys.masterKey, aad.passphrase(keys.keysetId)) } };
}

function checksum(u: Unsigned): string {
  return createHash('sha256').update(JSON.stringify(u)).digest('hex');
}

/** Serialises and seals `data` with `keys` (always in the current format, without change records). */
export function sealDocument(keys: Keys, data: ProtectedData, at: Date): string {
  return sealSnapshot(keys, data, at).text;
}

export type ParseProblem = 'not_vault' | 'newer' | 'damaged';

/**
 * Reads a vault file of either format and checks everything that can be checked without a key. `deep`
 * (default) also hashes the sealed sections of a format-2 file; the unlock skips it (the GCM tags check them).
 * Never throws.
 */
export function parseEnvelope(text: string, deep = true): { ok: true; envelope: Envelope } | { ok: false; problem: ParseProblem } {
  const firstLine = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'));
  let raw: unknown;
  try {
    raw = JSON.parse(firstLine);
  } catch {
    return { ok: false, problem: text.trimStart().startsWith('{') ? 'damaged' : 'not_vault' };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== VAULT_FORMAT) return { ok: false, problem: 'not_vault' };
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > VAULT_VERSION) return { ok: false, problem: 'newer' };
  if (version === 2) {
    const p = parseV2(text, deep);
    return p ? { ok: true, envelope: p } : { ok: false, problem: 'damaged' };
  }
  if (firstLine.length !== text.length) return { ok: false, problem: 'damaged' };
  const parsed = EnvelopeV1.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: 'damaged' };
  const e = parsed.data;
  const { sha256, ...unsigned } = e;
  if (checksum(unsigned) !== sha256) return { ok: false, problem: 'damaged' };
  const sealedOk =
    wellFormed(e.master.passphrase, KEY_BYTES) && wellFormed(e.master.recovery, KEY_BYTES) && wellFormed(e.dataKey.wrapped, KEY_BYTES) && wellFormed(e.payload);
  return sealedOk ? { ok: true, envelope: { ...e, version: 1 } } : { ok: false, problem: 'damaged' };
}

/** The master key from the passphrase key (undefined: wrong passphrase, or the wrap was altered). */
export function unwrapWithPassphrase(e: Envelope, passphraseKey: Buffer): Buffer | undefined {
  return open(passphraseKey, e.master.passphrase, aad.passphrase(e.keysetId));
}

export function unwrapWithRecovery(e: Envelope, recoveryKey: Buffer): Buffer | undefined {
  return open(recoveryKey, e.master.recovery, aad.recovery(e.keysetId));
}

/** Where the file stands after opening: what the next appended change record must be bound to. */
export interface FileState {
  /** Format-2 snapshot the records belong to (undefined for a format-1 file: the first write rewrites it). */
  snapshotId?: string;
  records: number;
  /** Bytes of the valid part of the file (where the next record goes). */
  size: number;
  /** Bytes of the change records (size minus the snapshot). */
  recordBytes: number;
}

export type OpenResult = { ok: true; keys: Keys; data: ProtectedData; file: FileState } | { ok: false; problem: 'tampered' | 'invalid'; detail?: string };

/**
 * Opens the document with the master key: every tag must match. A format-1 file, or a format-2 file of
 * another protected schema version, is validated whole. A format-2 file of this schema version is not
 * validated again: every row was validated before it was sealed (Vault.update validates the rows a change
 * touches, create and purge the whole document) and the GCM tags prove nothing changed since — this is what
 * keeps the unlock of ten years of data under half a second.
 */
export function openDocument(e: Envelope, masterKey: Buffer): OpenResult {
  if (e.version === 2) return openV2(e, masterKey);
  const dataKey = open(masterKey, e.dataKey.wrapped, aad.dataKey(e.keysetId, e.dataKey.id));
  if (!dataKey) return { ok: false, problem: 'tampered' };
  const plain = open(dataKey, e.payload, aad.payload(e));
  if (!plain) return { ok: false, problem: 'tampered' };
  let json: unknown;
  try {
    json = JSON.parse(plain.toString('utf8'));
  } catch {
    return { ok: false, problem: 'tampered' };
  }
  return validated(json, { keysetId: e.keysetId, kdf: e.kdf, masterKey, master: e.master, dataKeyId: e.dataKey.id, dataKey }, { records: 0, size: 0, recordBytes: 0 });
}

function validated(json: unknown, keys: Keys, file: FileState): OpenResult {
  const parsed = ProtectedData.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'invalid', detail: parsed.error.issues[0]?.path.join('.') };
  return { ok: true, data: parsed.data, keys, file };
}

function openV2(p: ParsedV2, masterKey: Buffer): OpenResult {
  const dataKey = unwrapDataKeyV2(p, masterKey);
  if (!dataKey) return { ok: false, problem: 'tampered' };
  const opened = openSectionsV2(p, dataKey);
  if (!opened) return { ok: false, problem: 'tampered' };
  const doc = opened.sections as Record<SectionName, unknown[]>;
  for (const d of opened.deltas) applyDelta(doc, d);
  const keys: Keys = { keysetId: p.keysetId, kdf: p.kdf, masterKey, master: p.master, dataKeyId: p.dataKey.id, dataKey };
  const file: FileState = { snapshotId: p.header.snapshotId, records: p.records.length, size: p.validBytes, recordBytes: p.validBytes - p.snapshotBytes };
  const json = { schemaVersion: p.header.schema, ...doc };
  if (p.header.schema !== PROTECTED_SCHEMA_VERSION || Object.values(doc).some((v) => !Array.isArray(v))) return validated(json, keys, file);
  return { ok: true, data: json as ProtectedData, keys, file };
}

/** Decrypts only the content with a given data key (used to prove that an old ciphertext is out of reach). */
export function openPayloadWith(e: Envelope, dataKey: Buffer): Buffer | undefined {
  if (e.version === 1) return open(dataKey, e.payload, aad.payload(e));
  const opened = openSectionsV2(e, dataKey);
  return opened ? Buffer.from(JSON.stringify(opened), 'utf8') : undefined;
}

export type { Sealed };
