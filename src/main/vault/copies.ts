// Finding and rewriting the copies of the protected store held in backups/ (purge, passphrase change, migration).
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { completeBackupCopies } from '../store/backupCopies';
import { writeFileDurable } from '../store/durable';
import { Immer } from 'immer';
import { ProtectedData } from '../../shared/protected-model';
import { openDocument, parseEnvelope, sealDocument, VAULT_FORMAT, type Keys } from './envelope';

const immer = new Immer({ autoFreeze: false });

export const BACKUP_DIR = 'backups';

/**
 * A kind of file in backups/ that may hold copies of the vault file. The backup mechanism registers its
 * own container format here so that a purge can reach the copies inside (see registerCopyFormat).
 */
export interface CopyFormat {
  /** Short name for reports. */
  name: string;
  /** The vault envelopes (JSON text) held in the file, or undefined when this format does not apply. */
  read(file: string, bytes: Buffer): string[] | undefined;
  /**
   * The file's new bytes with each envelope replaced by `replace(envelope)` (null: the copy is removed), or
   * null to delete the whole file.
   */
  write(file: string, bytes: Buffer, replace: (envelope: string) => string | null): Buffer | null;
}

/** A backup that is itself a vault file (e.g. a copy of protected/vault.json). */
const rawEnvelope: CopyFormat = {
  name: 'vault',
  read(_file, bytes) {
    if (bytes.length < 20 || bytes[0] !== 0x7b) return undefined;
    const head = bytes.subarray(0, 64).toString('utf8');
    if (!head.includes(`"format":"${VAULT_FORMAT}"`)) return undefined;
    return [bytes.toString('utf8')];
  },
  write(_file, bytes, replace) {
    const next = replace(bytes.toString('utf8'));
    return next === null ? null : Buffer.from(next, 'utf8');
  },
};

// Complete backups (store/backupFormat.ts) hold the vault under protected/: checked first.
const formats: CopyFormat[] = [completeBackupCopies, rawEnvelope];

/** Adds a container format (checked before the raw vault file). */
export function registerCopyFormat(format: CopyFormat): void {
  if (!formats.some((f) => f.name === format.name)) formats.unshift(format);
}

/** Every regular file under backups/, recursively (temp files of interrupted writes included: they are copies too). */
export function backupFiles(dataDir: string): string[] {
  const root = join(dataDir, BACKUP_DIR);
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}

export interface CopyLocation {
  file: string;
  format: CopyFormat;
  envelopes: string[];
}

/** The files of backups/ that hold vault copies. */
export function findCopies(dataDir: string): CopyLocation[] {
  const out: CopyLocation[] = [];
  for (const file of backupFiles(dataDir)) {
    const bytes = readFileSync(file);
    for (const format of formats) {
      const envelopes = format.read(file, bytes);
      if (envelopes === undefined) continue;
      if (envelopes.length) out.push({ file, format, envelopes });
      break;
    }
  }
  return out;
}

/** Rewrites one backup file, every vault copy in it passed through `replace`; durable like the main store. */
export function rewriteCopy(location: CopyLocation, replace: (envelope: string) => string | null): 'rewritten' | 'deleted' {
  const bytes = readFileSync(location.file);
  const next = location.format.write(location.file, bytes, replace);
  if (next === null) {
    rmSync(location.file, { force: true });
    return 'deleted';
  }
  writeFileDurable(location.file, next);
  return 'rewritten';
}

export interface CopiesReport {
  /** Backup files whose vault copies were rewritten. */
  rewritten: number;
  /** Copies that could not be opened with this vault's keys (another vault, damaged): removed from their backup. */
  shredded: number;
}

/**
 * Rewrites every vault copy in backups/ under `keys` (current passphrase wrap, current data key), applying
 * `remove` when given. Used by the purge and after a passphrase change (so the old passphrase opens nothing
 * left in the folder).
 */
export function rewriteEveryCopy(
  dataDir: string,
  sessionKeys: Keys,
  keys: Keys,
  remove: ((draft: ProtectedData) => void) | undefined,
  at: Date,
): CopiesReport {
  let rewritten = 0;
  let shredded = 0;
  for (const location of findCopies(dataDir)) {
    rewriteCopy(location, (text) => {
      const parsed = parseEnvelope(text);
      if (!parsed.ok || parsed.envelope.keysetId !== sessionKeys.keysetId) {
        shredded++;
        return null;
      }
      const opened = openDocument(parsed.envelope, sessionKeys.masterKey);
      if (!opened.ok) {
        shredded++;
        return null;
      }
      const data = remove ? ProtectedData.parse(immer.produce(opened.data, (d) => void remove(d as ProtectedData))) : opened.data;
      return sealDocument(keys, data, at);
    });
    rewritten++;
  }
  return { rewritten, shredded };
}
