// Generated documents kept in a temporary folder of the main process, addressed by token (the renderer never handles paths).
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import type { DocumentChoices, GeneratedInfo } from '../../shared/contract/documents';
import { documents as t } from '../../shared/i18n/documents';
import type { Datastore } from '../../shared/model';
import { charterApplies } from '../../shared/instance-rules';
import { DomainError } from '../../shared/result';
import type { ServiceContext } from '../services/context';
import { withArchives } from './archives';
import { type DocumentKind, type DocumentParams, type GeneratedDocument, generateDocument } from './index';
import { openVault, revealTexts, textsLocked } from '../services/meetings/texts';
import { registerCountsFor } from '../services/register/stats';

interface Entry {
  file: string;
  dir: string;
  suggestedName: string;
  savedPath?: string;
}

const MAX_KEPT = 30;
const entries = new Map<string, Entry>();
let root: string | undefined;

/** The folder holding generated documents (CLSPD_DOCUMENTS_TMP for tests). */
function tempRoot(): string {
  if (!root) {
    root = process.env.CLSPD_DOCUMENTS_TMP ?? join(tmpdir(), `clspd-documents-${process.pid}`);
    mkdirSync(root, { recursive: true });
  }
  return root;
}

/** True for a file this process generated (documents may be opened without the confirmation asked for foreign paths). */
export function isGeneratedDocumentPath(path: string): boolean {
  if (!root) return false;
  const base = resolve(root);
  return resolve(path).startsWith(base + sep);
}

function entry(token: string): Entry {
  const e = entries.get(token);
  if (!e) throw new DomainError('not_found', t.errors.tokenExpired);
  return e;
}

/** Generates a document from the live datastore and keeps it under a new token. */
export async function generateForRenderer(ctx: ServiceContext, kind: DocumentKind, params: DocumentParams): Promise<GeneratedInfo> {
  // Long documents yield to the event loop between sections: work on a copy so that an edit made meanwhile
  // cannot change the document halfway through.
  // On the team server, archives are read as the account may see them (the live document already is).
  const data = withArchives(structuredClone(ctx.store.data), ctx.store.dataDir, kind, params, ctx.store.viewArchive?.bind(ctx.store));
  if (kind === 'minutes') {
    // The relevé de décisions of a confidential meeting reads its decision texts from the protected store.
    const meeting = data.meetings.find((m) => m.id === params.meetingId);
    if (meeting && textsLocked(ctx, meeting)) openVault(ctx);
    data.meetings = revealTexts(ctx, data.meetings);
  }
  // The bilan annuel carries the register's counts only when the coordinator opted in and the protected store is open.
  const registerStats = kind === 'dashboard' ? registerCountsFor(ctx, params.year ?? ctx.now().getFullYear()) : undefined;
  const doc = await generateDocument(kind, data, params, { now: ctx.now(), ...(registerStats ? { registerStats } : {}) });
  return keepGenerated(doc);
}

/** Keeps a generated document in the temporary folder under a new token (documents built outside the dispatcher too). */
export function keepGenerated(doc: GeneratedDocument): GeneratedInfo {
  const token = randomBytes(12).toString('hex');
  const dir = join(tempRoot(), token);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, doc.suggestedName);
  writeFileSync(file, doc.bytes);
  entries.set(token, { file, dir, suggestedName: doc.suggestedName });
  // Keep the temporary folder bounded: forget the oldest documents.
  while (entries.size > MAX_KEPT) {
    const [oldest, e] = entries.entries().next().value as [string, Entry];
    entries.delete(oldest);
    rmSync(e.dir, { recursive: true, force: true });
  }
  return { token, pages: doc.pages, title: doc.title, suggestedName: doc.suggestedName, warnings: doc.warnings };
}

/** Forgets a document (the team server moves it to its database, where every server process finds it). */
export function forgetGenerated(token: string): void {
  const e = entries.get(token);
  if (!e) return;
  entries.delete(token);
  rmSync(e.dir, { recursive: true, force: true });
}

export function documentBytes(token: string): Uint8Array {
  const buf = readFileSync(entry(token).file);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export async function saveDocumentAs(ctx: ServiceContext, token: string): Promise<{ saved: boolean; path?: string }> {
  const e = entry(token);
  if (!ctx.platform.chooseSavePath) throw new DomainError('invalid_input', t.errors.noPlatform);
  const path = await ctx.platform.chooseSavePath(e.suggestedName, [{ name: 'PDF', extensions: ['pdf'] }]);
  if (!path) return { saved: false };
  try {
    copyFileSync(e.file, path);
  } catch (err) {
    throw new DomainError('io', t.errors.writeFailed(path, (err as Error).message));
  }
  e.savedPath = path;
  return { saved: true, path };
}

export async function openDocument(ctx: ServiceContext, token: string): Promise<{ opened: boolean }> {
  const e = entry(token);
  if (!ctx.platform.openPath) throw new DomainError('invalid_input', t.errors.noPlatform);
  await ctx.platform.openPath(e.savedPath ?? e.file);
  return { opened: true };
}

export function showDocumentInFolder(ctx: ServiceContext, token: string): { shown: boolean } {
  const e = entry(token);
  if (!ctx.platform.showItemInFolder) throw new DomainError('invalid_input', t.errors.noPlatform);
  ctx.platform.showItemInFolder(e.savedPath ?? e.file);
  return { shown: true };
}

/** Pickers of the Documents screen. */
export function documentChoices(data: Datastore, now: Date): DocumentChoices {
  const instances = new Map(data.instances.map((i) => [i.id, i]));
  const years = new Set<number>([now.getFullYear()]);
  for (const m of data.meetings) years.add(Number(m.date.slice(0, 4)));
  for (const p of data.periods) for (let y = p.startYear; y <= p.endYear; y++) years.add(y);
  return {
    meetings: [...data.meetings]
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((m) => ({
        id: m.id,
        title: m.title,
        date: m.date,
        status: m.status,
        instanceName: instances.get(m.instanceId)?.name ?? '',
        confidentiality: m.confidentiality,
        minutesAvailable: m.status !== 'draft' && m.status !== 'convened',
      })),
    actions: data.actions
      .filter((a) => !a.archived)
      .sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true }))
      .map((a) => ({ id: a.id, code: a.code, title: a.title })),
    instances: data.instances.filter((i) => i.status === 'active').map((i) => ({ id: i.id, name: i.name, confidentiality: i.confidentiality, ...(charterApplies(i) ? { governed: true } : {}) })),
    years: [...years].filter((y) => y >= 2000 && y <= 2100).sort((a, b) => b - a),
    currentYear: now.getFullYear(),
  };
}
