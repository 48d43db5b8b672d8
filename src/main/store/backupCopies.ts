// How the protected store's purge reaches the vault copies inside complete backups (zip): read them, rewrite them, keep the manifest true.
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { zipEntries, type ZipEntry } from './zipWrite';
import { VAULT_FORMAT } from '../vault/envelope';
import { Manifest, MANIFEST } from './backupFormat';
import { PROTECTED_DIR } from './layout';

const isZip = (b: Buffer): boolean => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isEnvelope = (b: Uint8Array): boolean => b[0] === 0x7b && Buffer.from(b.subarray(0, 96)).toString('utf8').includes(`"format":"${VAULT_FORMAT}"`);
const inProtected = (name: string): boolean => name.startsWith(`${PROTECTED_DIR}/`);

/**
 * A container format for vault/copies.ts (same shape as its CopyFormat, kept structural so the store does not
 * depend on the vault's copy machinery): a complete backup holds the vault file(s) under protected/.
 */
export const completeBackupCopies = {
  name: 'sauvegarde-complete',
  /** The vault envelopes held in a complete backup, or undefined when the file is not one. */
  read(_file: string, bytes: Buffer): string[] | undefined {
    if (!isZip(bytes)) return undefined;
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes, { filter: (f) => f.name === MANIFEST || inProtected(f.name) });
    } catch {
      return undefined;
    }
    if (!entries[MANIFEST]) return undefined;
    return Object.entries(entries)
      .filter(([name, data]) => inProtected(name) && isEnvelope(data))
      .map(([, data]) => Buffer.from(data).toString('utf8'));
  },
  /** The backup with each vault envelope replaced (null: removed from the backup), its manifest recomputed. */
  write(_file: string, bytes: Buffer, replace: (envelope: string) => string | null): Buffer | null {
    const entries = unzipSync(bytes);
    const manifest = Manifest.parse(JSON.parse(Buffer.from(entries[MANIFEST]).toString('utf8')));
    const files: ZipEntry[] = [];
    const listed: Manifest['files'] = [];
    for (const f of manifest.files) {
      let data: Uint8Array | undefined = entries[f.path];
      if (!data) continue;
      if (inProtected(f.path) && isEnvelope(data)) {
        const next = replace(Buffer.from(data).toString('utf8'));
        if (next === null) continue;
        data = Buffer.from(next, 'utf8');
      }
      files.push({ name: f.path, data, level: inProtected(f.path) ? 0 : 6 });
      listed.push({ path: f.path, size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
    }
    const next: Manifest = { ...manifest, files: listed };
    return Buffer.from(zipEntries([{ name: MANIFEST, data: Buffer.from(JSON.stringify(next, null, 1)), level: 6 }, ...files], new Date(manifest.createdAt)));
  },
};
