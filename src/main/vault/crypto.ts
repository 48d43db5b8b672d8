// Cryptographic building blocks of the protected store, all from node:crypto: scrypt, HKDF, AES-256-GCM, recovery keys.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** scrypt parameters stored in the file, so a file keeps opening when the defaults change. */
export interface KdfParams {
  algorithm: 'scrypt';
  salt: string;
  N: number;
  r: number;
  p: number;
}

/**
 * The cost of one passphrase guess: N = 2^15, r = 8 (32 MiB, about 100 to 150 ms on a laptop of 2024).
 * The test-only setting (CLSPD_TEST_FAST_KDF=1, honoured only under a test runner) lowers it.
 */
export function defaultKdfCost(): Pick<KdfParams, 'N' | 'r' | 'p'> {
  return testFastMode() ? { N: 1 << 10, r: 8, p: 1 } : { N: 1 << 15, r: 8, p: 1 };
}

/** True only when a test runner set CLSPD_TEST_FAST_KDF=1: never in the packaged app or the CLI. */
export function testFastMode(): boolean {
  const underTest = process.env.NODE_ENV === 'test' || process.env.VITEST !== undefined;
  return underTest && process.env.CLSPD_TEST_FAST_KDF === '1';
}

export function newKdfParams(): KdfParams {
  return { algorithm: 'scrypt', salt: randomBytes(16).toString('base64'), ...defaultKdfCost() };
}

/** Derives the passphrase key (asynchronous: the event loop keeps running during the ~100 ms). */
export function derivePassphraseKey(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  const maxmem = 128 * kdf.N * kdf.r * kdf.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scryptCb(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), KEY_BYTES, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** Sealed bytes: AES-256-GCM with a fresh random nonce; `aad` binds them to their place in the file. */
export interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

export function seal(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Opens sealed bytes; returns undefined when the key is wrong or anything was altered (the tag does not match). */
export function open(key: Buffer, sealed: Sealed, aad: string): Buffer | undefined {
  try {
    const iv = Buffer.from(sealed.iv, 'base64');
    const tag = Buffer.from(sealed.tag, 'base64');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return undefined;
  }
}

/** True when the base64 fields have the sizes AES-256-GCM produces (structure check without any key). */
export function wellFormed(sealed: Sealed, plaintextBytes?: number): boolean {
  const b64 = /^[A-Za-z0-9+/]*={0,2}$/;
  if (!b64.test(sealed.iv) || !b64.test(sealed.tag) || !b64.test(sealed.data)) return false;
  if (Buffer.from(sealed.iv, 'base64').length !== IV_BYTES || Buffer.from(sealed.tag, 'base64').length !== TAG_BYTES) return false;
  return plaintextBytes === undefined || Buffer.from(sealed.data, 'base64').length === plaintextBytes;
}

// ---------- recovery key: 32 random bytes written in Crockford base32, groups of four ----------
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newRecoverySecret(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function formatRecoveryKey(secret: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of secret) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)!.join('-');
}

/** Reads a typed recovery key (case, spaces and dashes ignored; O→0, I/L→1 as Crockford allows). */
export function parseRecoveryKey(text: string): Buffer | undefined {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== Math.ceil((KEY_BYTES * 8) / 5)) return undefined;
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return undefined;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  const buf = Buffer.from(out.slice(0, KEY_BYTES));
  return buf.length === KEY_BYTES && timingSafeEqual(Buffer.from(formatRecoveryKey(buf).replace(/-/g, '')), Buffer.from(clean)) ? buf : undefined;
}

/** The recovery key is 256 random bits: HKDF is enough to turn it into a wrapping key (no slow KDF needed). */
export function deriveRecoveryKey(secret: Buffer, keysetId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.from(keysetId, 'utf8'), Buffer.from('clspd-vault recovery v1', 'utf8'), KEY_BYTES));
}
