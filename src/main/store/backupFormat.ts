// The complete backup file: a standard zip holding manifest.json (sizes and SHA-256 of each file) and the folder's state files.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { backup as t, hostile } from '../../shared/i18n/backup';
import { ArchiveFile, type Datastore } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { describeIssues, z } from '../../shared/validation';
import { ARCHIVE_FILE, isStatePath, listStateFiles, MAIN_FILE, PROTECTED_DIR, statePathOnDisk } from './layout';
import { checkZipDeclared } from './zipGuard';
import { zipEntries, type ZipEntry } from './zipWrite';

export const MANIFEST = 'manifest.json';
export const BACKUP_FORMAT = 'coordination-clspd-sauvegarde';
export const BACKUP_FORMAT_VERSION = 1;
/** A ten-year council is about 3 MB zipped (18 MB of JSON); far above that is not a backup of ours. */
export const MAX_BACKUP_BYTES = 300 * 1024 * 1024;
/** What a backup may inflate to in total, and how much more than its own size (JSON zips about 7:1). */
export const MAX_BACKUP_INFLATED_BYTES = 1024 * 1024 * 1024;
export const MAX_BACKUP_RATIO = 60;
const MAX_BACKUP_ENTRIES = 20_000;

const ManifestFile = z.object({ path: z.string().min(1).max(300), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export const Manifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().positive(),
  createdAt: z.string().max(40),
  reason: z.string().max(40).optional(),
  files: z.array(ManifestFile).max(MAX_BACKUP_ENTRIES),
});
export type Manifest = z.infer<typeof Manifest>;

export interface StateFile {
  /** Relative '/'-separated path in the data folder (see layout.ts). */
  path: string;
  data: Uint8Array;
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/**
 * Reads the folder's state as it is on disk: the main file first, then the archives and the protected store's
 * files, so an archive written by a period closing after the main file was read is merely extra, never missing.
 * `main` replaces the main file's bytes (a migration backs up the file as it was before conversion).
 */
export function readState(dataDir: string, main?: Uint8Array): StateFile[] {
  const out: StateFile[] = [];
  const mainBytes = main ?? (listStateFiles(dataDir).includes(MAIN_FILE) ? readFileSync(statePathOnDisk(dataDir, MAIN_FILE)) : undefined);
  if (mainBytes) out.push({ path: MAIN_FILE, data: mainBytes });
  for (const rel of listStateFiles(dataDir)) {
    if (rel === MAIN_FILE) continue;
    try {
      out.push({ path: rel, data: readFileSync(statePathOnDisk(dataDir, rel)) });
    } catch {
      // Removed between the listing and the read (a restore in another process): it is no longer state.
    }
  }
  return out;
}

/** The backup file's bytes. Encrypted protected files are stored as they are (they do not compress). */
export function encodeBackup(files: StateFile[], meta: { createdAt: Date; reason?: string }): Uint8Array {
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_FORMAT_VERSION,
    createdAt: meta.createdAt.toISOString(),
    ...(meta.reason ? { reason: meta.reason } : {}),
    files: files.map((f) => ({ path: f.path, size: f.data.length, sha256: sha256(f.data) })),
  };
  const entries: ZipEntry[] = [{ name: MANIFEST, data: Buffer.from(JSON.stringify(manifest, null, 1)), level: 6 }];
  for (const f of files) entries.push({ name: f.path, data: f.data, level: f.path.startsWith(`${PROTECTED_DIR}/`) ? 0 : 6 });
  return zipEntries(entries, meta.createdAt);
}

/** The datastore checker of store.ts (JSON, version, migrations, model), passed in to keep this module free of the store. */
export type DocumentCheck = (text: string, label: string) => { ok: true; data: Datastore; migrated: boolean } | { ok: false; problem: string; message: string };

export interface DecodedBackup {
  /** `complete`: a zip of this format; `legacy`: a single clspd.json from an earlier version. */
  kind: 'complete' | 'legacy';
  /** The main document, migrated to the current format when older. */
  data: Datastore;
  migrated: boolean;
  /** Every state file of a complete backup (main file as stored); for a legacy one, only the main file. */
  files: StateFile[];
  archives: ArchiveFile[];
  createdAt?: string;
}

const refuse = (why: string): never => {
  throw new DomainError('invalid_input', why);
};

function checkMain(text: string, check: DocumentCheck, label: string): { data: Datastore; migrated: boolean } {
  const r = check(text, label);
  if (!r.ok) refuse(r.message);
  return r as { ok: true; data: Datastore; migrated: boolean };
}

function decodeZip(buf: Buffer, check: DocumentCheck): DecodedBackup {
  // Sizes declared by the central directory are checked before anything is inflated; fflate then inflates each
  // entry into a buffer of exactly its declared size, and the SHA-256 below catches any entry that lied.
  const declared = checkZipDeclared(buf, {
    maxEntries: MAX_BACKUP_ENTRIES,
    maxTotalBytes: Math.min(MAX_BACKUP_INFLATED_BYTES, Math.max(64 * 1024 * 1024, buf.length * MAX_BACKUP_RATIO)),
  });
  if (!declared.ok) {
    const p = declared.problem;
    if (p.kind === 'inflatesTooMuch') refuse(hostile.zipBomb(hostile.backupWhat, p.fileBytes, p.declaredBytes, p.maxBytes));
    if (p.kind === 'tooManyEntries') refuse(hostile.tooManyEntries(hostile.backupWhat, p.entries, p.max));
    refuse(t.damaged);
  }
  const names = (declared as { entries: { name: string }[] }).entries.map((e) => e.name);
  if (!names.includes(MANIFEST)) refuse(t.notABackup);
  for (const name of names) if (name !== MANIFEST && !isStatePath(name)) refuse(t.unexpectedEntry(name));
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(buf);
  } catch {
    return refuse(t.damaged);
  }
  let manifest: Manifest;
  try {
    const raw: unknown = JSON.parse(Buffer.from(entries[MANIFEST]).toString('utf8'));
    const version = (raw as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) refuse(t.newerFormat(version));
    manifest = Manifest.parse(raw);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    return refuse(t.damaged);
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const name of names) if (name !== MANIFEST && !listed.has(name)) refuse(t.unexpectedEntry(name));
  const files: StateFile[] = [];
  for (const f of manifest.files) {
    if (!isStatePath(f.path)) refuse(t.unexpectedEntry(f.path));
    const data = entries[f.path];
    if (!data) refuse(t.missingEntry(f.path));
    if (data.length !== f.size || sha256(data) !== f.sha256) refuse(t.damagedEntry(f.path));
    files.push({ path: f.path, data });
  }
  const main = files.find((f) => f.path === MAIN_FILE);
  if (!main) return refuse(t.missingEntry(MAIN_FILE));
  const { data, migrated } = checkMain(Buffer.from(main.data).toString('utf8'), check, t.mainFile);
  const archives: ArchiveFile[] = [];
  const present = new Set<string>();
  for (const f of files) {
    if (!ARCHIVE_FILE.test(f.path)) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(Buffer.from(f.data).toString('utf8'));
    } catch {
      return refuse(t.damagedEntry(f.path));
    }
    const parsed = ArchiveFile.safeParse(raw);
    if (!parsed.success) refuse(t.badArchive(f.path, describeIssues(parsed.error).message));
    archives.push(parsed.data!);
    present.add(f.path);
  }
  for (const p of data.periods) if (p.archiveFile && !present.has(p.archiveFile)) refuse(t.missingArchive(p.archiveFile));
  return { kind: 'complete', data, migrated, files, archives, createdAt: manifest.createdAt };
}

/**
 * Validates a backup entirely in memory (nothing on disk is touched): a complete backup (zip) or a single
 * `clspd.json` made by an earlier version. Throws a French DomainError saying why it is refused.
 */
export function decodeBackup(buf: Buffer, check: DocumentCheck, label = t.mainFile): DecodedBackup {
  if (buf.length === 0) refuse(t.empty);
  if (buf.length > MAX_BACKUP_BYTES) refuse(t.tooLarge(buf.length, MAX_BACKUP_BYTES));
  if (buf[0] === 0x50 && buf[1] === 0x4b) return decodeZip(buf, check);
  const text = buf.toString('utf8');
  if (!/^\s*\{/.test(text.replace(/^\uFEFF/, ''))) refuse(t.notABackup);
  const { data, migrated } = checkMain(text, check, label);
  return { kind: 'legacy', data, migrated, files: [{ path: MAIN_FILE, data: buf }], archives: [] };
}

/** Number of records, archived periods included (what a restore gives back). */
export function backupCounts(b: Pick<DecodedBackup, 'data' | 'archives'>): { partners: number; people: number; instances: number; meetings: number; actions: number } {
  const distinct = (live: { id: string }[], key: 'actions' | 'meetings'): number => {
    const ids = new Set(live.map((x) => x.id));
    for (const a of b.archives) for (const x of a[key]) ids.add(x.id);
    return ids.size;
  };
  const d = b.data;
  return { partners: d.organisations.length, people: d.people.length, instances: d.instances.length, meetings: distinct(d.meetings, 'meetings'), actions: distinct(d.actions, 'actions') };
}

/** Reads and validates a backup file (size checked before reading); throws a French DomainError. */
export function readBackupFile(file: string, check: DocumentCheck): DecodedBackup {
  if (!existsSync(file)) throw new DomainError('not_found', t.notFound(file));
  const size = statSync(file).size;
  if (size > MAX_BACKUP_BYTES) refuse(t.tooLarge(size, MAX_BACKUP_BYTES));
  return decodeBackup(readFileSync(file), check, file);
}
