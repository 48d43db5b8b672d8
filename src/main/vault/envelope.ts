// The protected store's file format: an authenticated JSON envelope (keys wrapped, payload sealed) and its key-free structure check.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ProtectedData } from '../../shared/protected-model';
import { KEY_BYTES, open, seal, wellFormed, type KdfParams, type Sealed } from './crypto';

export const VAULT_FORMAT = 'clspd-protected';
export const VAULT_VERSION = 1;

const SealedSchema = z.object({ iv: z.string().max(64), tag: z.string().max(64), data: z.string() }).strict();

/**
 * Key hierarchy: a random master key, wrapped by the passphrase key (scrypt) and by the recovery key (HKDF
 * of 256 random bits); a random data key wrapped by the master key; the payload sealed by the data key.
 * A passphrase change rewraps the master key; a purge replaces the data key (see purge.ts).
 */
export const Envelope = z
  .object({
    format: z.literal(VAULT_FORMAT),
    version: z.number().int(),
    /** Identifies the master key: copies with another keyset were protected by another vault. */
    keysetId: z.string().uuid(),
    kdf: z.object({ algorithm: z.literal('scrypt'), salt: z.string().max(64), N: z.number().int().min(2).max(1 << 22), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16) }).strict(),
    master: z.object({ passphrase: SealedSchema, recovery: SealedSchema }).strict(),
    dataKey: z.object({ id: z.string().regex(/^[0-9a-f]{32}$/), wrapped: SealedSchema }).strict(),
    payload: SealedSchema,
    writtenAt: z.string().max(40),
    /** SHA-256 of the envelope without this field: detects a damaged copy without any key. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type Envelope = z.infer<typeof Envelope>;
type Unsigned = Omit<Envelope, 'sha256'>;

/** Keys held in memory while the vault is unlocked. */
export interface Keys {
  keysetId: string;
  kdf: KdfParams;
  masterKey: Buffer;
  /** The master key as wrapped by the passphrase key and by the recovery key (unchanged until a passphrase change). */
  master: Envelope['master'];
  dataKeyId: string;
  dataKey: Buffer;
}

const aad = {
  passphrase: (keysetId: string) => `clspd-vault/${keysetId}/master/passphrase`,
  recovery: (keysetId: string) => `clspd-vault/${keysetId}/master/recovery`,
  dataKey: (keysetId: string, id: string) => `clspd-vault/${keysetId}/data-key/${id}`,
  payload: (e: Pick<Envelope, 'keysetId' | 'kdf' | 'dataKey' | 'version'>) =>
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

/** Serialises and seals `data` with `keys`. */
export function sealDocument(keys: Keys, data: ProtectedData, at: Date): string {
  const head = {
    format: VAULT_FORMAT,
    version: VAULT_VERSION,
    keysetId: keys.keysetId,
    kdf: keys.kdf,
    master: keys.master,
    dataKey: { id: keys.dataKeyId, wrapped: seal(keys.masterKey, keys.dataKey, aad.dataKey(keys.keysetId, keys.dataKeyId)) },
  } as const;
  const unsigned: Unsigned = { ...head, payload: seal(keys.dataKey, Buffer.from(JSON.stringify(data), 'utf8'), aad.payload(head)), writtenAt: at.toISOString() };
  return JSON.stringify({ ...unsigned, sha256: checksum(unsigned) });
}

export type ParseProblem = 'not_vault' | 'newer' | 'damaged';

/** Reads the envelope and checks everything that can be checked without a key. Never throws. */
export function parseEnvelope(text: string): { ok: true; envelope: Envelope } | { ok: false; problem: ParseProblem } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== VAULT_FORMAT) return { ok: false, problem: 'not_vault' };
  if (typeof (raw as { version?: unknown }).version === 'number' && (raw as { version: number }).version > VAULT_VERSION) return { ok: false, problem: 'newer' };
  const parsed = Envelope.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: 'damaged' };
  const e = parsed.data;
  const { sha256, ...unsigned } = e;
  if (checksum(unsigned) !== sha256) return { ok: false, problem: 'damaged' };
  const sealedOk =
    wellFormed(e.master.passphrase, KEY_BYTES) && wellFormed(e.master.recovery, KEY_BYTES) && wellFormed(e.dataKey.wrapped, KEY_BYTES) && wellFormed(e.payload);
  return sealedOk ? { ok: true, envelope: e } : { ok: false, problem: 'damaged' };
}

/** The master key from the passphrase key (undefined: wrong passphrase, or the wrap was altered). */
export function unwrapWithPassphrase(e: Envelope, passphraseKey: Buffer): Buffer | undefined {
  return open(passphraseKey, e.master.passphrase, aad.passphrase(e.keysetId));
}

export function unwrapWithRecovery(e: Envelope, recoveryKey: Buffer): Buffer | undefined {
  return open(recoveryKey, e.master.recovery, aad.recovery(e.keysetId));
}

export type OpenResult = { ok: true; keys: Keys; data: ProtectedData } | { ok: false; problem: 'tampered' | 'invalid'; detail?: string };

/** Opens the payload with the master key: every tag must match and the document must be valid. */
export function openDocument(e: Envelope, masterKey: Buffer): OpenResult {
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
  const parsed = ProtectedData.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'invalid', detail: parsed.error.issues[0]?.path.join('.') };
  return {
    ok: true,
    data: parsed.data,
    keys: { keysetId: e.keysetId, kdf: e.kdf, masterKey, master: e.master, dataKeyId: e.dataKey.id, dataKey },
  };
}

/** Decrypts only the payload with a given data key (used to prove that an old ciphertext is out of reach). */
export function openPayloadWith(e: Envelope, dataKey: Buffer): Buffer | undefined {
  return open(dataKey, e.payload, aad.payload(e));
}

export type { Sealed };
