// Completing migration 1 → 2: the texts of confidential meetings move into the protected store; archives and backups are rewritten without them.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { Manifest, MANIFEST } from '../store/backupFormat';
import { zipEntries, type ZipEntry } from '../store/zipWrite';
import { join } from 'node:path';
import { SCHEMA_VERSION, type ArchiveFile, type Datastore, type PendingProtectedTexts } from '../../shared/model';
import type { MeetingTexts, ProtectedData } from '../../shared/protected-model';
import { loadArchive } from '../store/archives';
import { writeFileDurable } from '../store/durable';
import type { Store } from '../store/store';

type StoreLike = Pick<Store, 'dataDir' | 'data' | 'update'>;
import { backupFiles } from './copies';
import { extractConfidentialTexts, holdsConfidentialTexts } from './extract';
import type { Vault } from './vault';

/** Archive files of closed periods, as read (through the migrations) and as they are on disk. */
function archiveStates(dataDir: string, data: Datastore): { file: string; archive: ArchiveFile; stale: boolean }[] {
  const out: { file: string; archive: ArchiveFile; stale: boolean }[] = [];
  for (const period of data.periods) {
    if (!period.archiveFile) continue;
    const r = loadArchive(dataDir, period);
    if (!r.ok) continue;
    let version: unknown;
    try {
      version = (JSON.parse(readFileSync(r.file, 'utf8')) as { schemaVersion?: unknown }).schemaVersion;
    } catch {
      continue;
    }
    out.push({ file: r.file, archive: r.archive, stale: version !== SCHEMA_VERSION || (r.archive.pendingProtected?.length ?? 0) > 0 });
  }
  return out;
}

/**
 * True while the migration to format 2 is not complete: texts wait in clspd.json (`pendingProtected`) or an
 * archive file is still in the old format. The CLI refuses to work on such a folder.
 */
export function isProtectionPending(dataDir: string, data: Datastore): boolean {
  return (data.pendingProtected?.length ?? 0) > 0 || archiveStates(dataDir, data).some((a) => a.stale);
}

/** Adds pending texts to the protected document; a text in clear (the restored or older state) wins over an empty one. */
export function mergePendingTexts(draft: ProtectedData, texts: PendingProtectedTexts, at: string): void {
  for (const p of texts) {
    let target: MeetingTexts | undefined = draft.meetingTexts.find((m) => m.meetingId === p.meetingId);
    if (!target) {
      target = { meetingId: p.meetingId, meetingDate: p.meetingDate, generalNotes: '', agendaNotes: {}, decisionTexts: {}, updatedAt: at };
      draft.meetingTexts.push(target);
    }
    if (p.generalNotes) target.generalNotes = p.generalNotes;
    Object.assign(target.agendaNotes, p.agendaNotes);
    Object.assign(target.decisionTexts, p.decisionTexts);
    target.meetingDate = p.meetingDate || target.meetingDate;
    target.updatedAt = at;
  }
}

const isZip = (b: Buffer): boolean => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Strips one JSON document (datastore or archive) of its confidential texts; undefined when it holds none. */
function scrubDocument(data: Uint8Array): Buffer | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(Buffer.from(data).toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !holdsConfidentialTexts(doc as Record<string, unknown>)) return undefined;
  const { pendingProtected: _dropped, ...rest } = extractConfidentialTexts(doc as Record<string, unknown>).doc;
  return Buffer.from(JSON.stringify(rest), 'utf8');
}

/** A complete backup (zip + manifest) with its clspd.json and archives stripped of confidential texts; undefined when unchanged. */
function scrubCompleteBackup(bytes: Buffer): Buffer | undefined {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return undefined;
  }
  const m = entries[MANIFEST] ? Manifest.safeParse(JSON.parse(Buffer.from(entries[MANIFEST]).toString('utf8'))) : undefined;
  if (!m?.success) return undefined;
  let changed = false;
  const files: ZipEntry[] = [];
  const listed: Manifest['files'] = [];
  for (const f of m.data.files) {
    let data = entries[f.path];
    if (!data) continue;
    if (!f.path.includes('/') && f.path.endsWith('.json')) {
      const scrubbed = scrubDocument(data);
      if (scrubbed) {
        data = scrubbed;
        changed = true;
      }
    }
    files.push({ name: f.path, data, level: f.path.startsWith('protected/') ? 0 : 6 });
    listed.push({ path: f.path, size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
  }
  if (!changed) return undefined;
  const manifest: Manifest = { ...m.data, files: listed };
  return Buffer.from(zipEntries([{ name: MANIFEST, data: Buffer.from(JSON.stringify(manifest, null, 1)), level: 6 }, ...files], new Date(m.data.createdAt)));
}

/**
 * Removes the texts of confidential meetings from every datastore or archive copy in backups/ (older
 * backups, files moved aside by a restore). Returns how many files were rewritten. A file that cannot be
 * read as JSON is left as it is (it may be the only copy of damaged data).
 */
export function scrubLegacyBackups(dataDir: string): number {
  let rewritten = 0;
  for (const file of backupFiles(dataDir)) {
    const bytes = readFileSync(file);
    if (isZip(bytes)) {
      const next = scrubCompleteBackup(bytes);
      if (next) {
        writeFileDurable(file, next);
        rewritten++;
      }
      continue;
    }
    if (bytes[0] !== 0x7b) continue;
    let doc: unknown;
    try {
      doc = JSON.parse(bytes.toString('utf8'));
    } catch {
      continue;
    }
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) continue;
    const raw = doc as Record<string, unknown>;
    if (!holdsConfidentialTexts(raw)) continue;
    const { pendingProtected: _dropped, ...rest } = extractConfidentialTexts(raw).doc;
    writeFileDurable(file, JSON.stringify(rest));
    rewritten++;
  }
  return rewritten;
}

/**
 * Moves every text of a confidential meeting still in clear — waiting since the migration, or written
 * without a vault (the ten-year dataset) — from clspd.json and the archive files into the (unlocked) vault;
 * then rewrites the archive files at the current format and the backups without texts, and clspd.json last:
 * a crash at any point leaves the work pending, and running it again is harmless.
 */
export async function completeProtectionMove(store: StoreLike, vault: Vault, now: Date): Promise<{ meetings: number; files: number }> {
  const data = store.data;
  const texts: PendingProtectedTexts = [...(data.pendingProtected ?? []), ...extractConfidentialTexts(data as unknown as Record<string, unknown>).texts];
  const rewrites: { file: string; doc: Record<string, unknown> }[] = [];
  for (const a of archiveStates(store.dataDir, data)) {
    const { pendingProtected, ...archive } = a.archive;
    const extracted = extractConfidentialTexts(archive as unknown as Record<string, unknown>);
    texts.push(...(pendingProtected ?? []), ...extracted.texts);
    if (a.stale || extracted.texts.length) rewrites.push({ file: a.file, doc: extracted.doc });
  }
  const at = now.toISOString();
  if (texts.length) await vault.update((d) => mergePendingTexts(d, texts, at));
  for (const r of rewrites) writeFileDurable(r.file, JSON.stringify(r.doc));
  let files = rewrites.length + scrubLegacyBackups(store.dataDir);
  if (data.pendingProtected !== undefined || texts.length) {
    const ids = new Set(texts.map((x) => x.meetingId));
    await store.update((d) => {
      delete d.pendingProtected;
      for (const m of d.meetings) {
        if (m.confidentiality !== 'confidential' || !ids.has(m.id)) continue;
        m.generalNotes = '';
        for (const i of m.agenda) i.notes = '';
        for (const x of m.decisions) x.text = '';
      }
    });
    files++;
  }
  return { meetings: new Set(texts.map((x) => x.meetingId)).size, files };
}

const PENDING_MARK = '"pendingProtected":[{';

function fileNeedsMove(file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  if (text.includes(PENDING_MARK)) return true;
  const m = /"schemaVersion"\s*:\s*(\d+)/.exec(text);
  if (!m || Number(m[1]) >= SCHEMA_VERSION) return false;
  try {
    return holdsConfidentialTexts(JSON.parse(text) as Record<string, unknown>);
  } catch {
    return false;
  }
}

/**
 * Cheap check on disk, without opening the store (the CLI's gate): clspd.json or an archive file still holds
 * texts of confidential meetings waiting for the protected store.
 */
export function protectionPendingOnDisk(dataDir: string): boolean {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return false;
  }
  return names.some((n) => (n === 'clspd.json' || /^archive-.+\.json$/.test(n)) && fileNeedsMove(join(dataDir, n)));
}
