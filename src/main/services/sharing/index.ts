// Sharing services used by the IPC handlers and the CLI: exports to bytes, imports as preview (token) then apply.
import { sharingServices as ts } from '../../../shared/i18n/sharing-services';
import { basename } from 'node:path';
import type { ExportResult, ImportKind, ImportPreview, ImportProgress, ImportResult, PreviewLine, SharingOverview } from '../../../shared/contract/sharing';
import { addDays } from '../../../shared/format';
import { sharing } from '../../../shared/i18n/sharing';
import { newId } from '../../../shared/ids';
import type { Datastore } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { openVault, withTexts } from '../meetings/texts';
import { quiesceVaultForRestore } from '../vault';
import { exportBackup, inspectBackup, restoreBackupFile, type BackupPreview } from './backup';
import { backup as backupText } from '../../../shared/i18n/backup';
import { instanceMap, isConfidentialInstance, isConfidentialMeeting, suggestedName, type ShareOptions } from './common';
import { convocationPdf } from '../../documents/convocation';
import { minutesDocx } from './docx';
import { buildDossier } from './dossier';
import { buildEml } from './eml';
import { instanceIcs, meetingIcs } from './ics';
import { actionsWorkCopy, ACTION_FIELDS, planActions } from './importActions';
import { PARTNER_FIELDS, partnerWorkState, planPartners } from './importPartners';
import { parseOffThread } from './parseOffThread';
import { isZip, readImportBytes, type RawTable } from './readTable';
import { buildTable, TABLE_KINDS, type TableKind } from './tables';
import { applyPackIn, buildUpdatePack, pilotActions, planPack, type ParsedPack } from './updatePack';
import { tableToCsv, tableToXlsx } from './writers';

export { TABLE_KINDS, type TableKind };

/** A file produced by an export, not yet written anywhere. */
export interface ExportFile {
  data: Buffer;
  suggestedName: string;
  filters: { name: string; extensions: string[] }[];
  confidential: boolean;
  excluded: number;
  /** What to tell the user once written. */
  notice?: string;
  /** Rows or items written (for messages). */
  count: number;
  /** Holds decision texts read from the coffre: once saved outside the folder, record it for the DPO journal. */
  protectedTexts?: boolean;
}

const XLSX_FILTER = { name: 'Classeur Excel', extensions: ['xlsx'] };
const CSV_FILTER = { name: 'Fichier CSV (Excel)', extensions: ['csv'] };

/**
 * The data a table is built from: with confidential content included, the decisions table takes the texts of
 * confidential meetings from the coffre (refused in French while it is locked).
 */
function tableSource(ctx: ServiceContext, kind: TableKind, opts: ShareOptions): { data: Datastore; protectedTexts: boolean } {
  const d = ctx.store.data;
  if (kind !== 'decisions' || !opts.includeConfidential || !ctx.vault || ctx.vault.state === 'absent') return { data: d, protectedTexts: false };
  openVault(ctx);
  let protectedTexts = false;
  const meetings = d.meetings.map((m) => {
    const shown = withTexts(ctx, m);
    if (shown !== m && m.decisions.length) protectedTexts = true;
    return shown;
  });
  return { data: { ...d, meetings }, protectedTexts };
}

export async function exportTable(ctx: ServiceContext, kind: TableKind, format: 'xlsx' | 'csv', opts: ShareOptions): Promise<ExportFile> {
  const source = tableSource(ctx, kind, opts);
  const t = buildTable(source.data, kind, opts);
  const data = format === 'xlsx' ? await tableToXlsx(t) : tableToCsv(t);
  return {
    data,
    suggestedName: suggestedName(sharing.fileNames[kind], format, ctx.now(), t.confidential),
    filters: [format === 'xlsx' ? XLSX_FILTER : CSV_FILTER],
    confidential: t.confidential,
    excluded: t.excluded,
    count: format === 'xlsx' ? t.sheets[0].rows.length : t.csv.rows.length,
    ...(source.protectedTexts ? { protectedTexts: true } : {}),
  };
}

export function exportIcs(ctx: ServiceContext, target: { meetingId?: string; instanceId?: string }, opts: ShareOptions): ExportFile {
  const d = ctx.store.data;
  const f = target.meetingId ? meetingIcs(d, target.meetingId, opts, ctx.now()) : instanceIcs(d, target.instanceId!, opts, ctx.now());
  return {
    data: Buffer.from(f.text, 'utf8'),
    suggestedName: `${f.confidential ? `${sharing.confidentialFileTag}-` : ''}${f.baseName.replace(/[^\p{L}\p{N}-]+/gu, '-')}.ics`,
    filters: [{ name: 'Invitation calendrier', extensions: ['ics'] }],
    confidential: f.confidential,
    excluded: 0,
    count: f.count,
  };
}

/**
 * The convocation PDF from the documents module. A confidential meeting's convocation carries its agenda, which a
 * shared e-mail never does: it is then left out (to be handed to the charter signatories).
 */
async function convocationFor(ctx: ServiceContext, meetingId: string): Promise<Buffer | undefined> {
  const d = ctx.store.data;
  const m = d.meetings.find((x) => x.id === meetingId);
  if (!m || isConfidentialMeeting(m, instanceMap(d))) return undefined;
  return convocationPdf(d, { meetingId }, { now: ctx.now() });
}

export async function exportEml(ctx: ServiceContext, meetingId: string, opts: ShareOptions): Promise<ExportFile> {
  const pdf = await convocationFor(ctx, meetingId);
  const e = buildEml(ctx.store.data, meetingId, opts, ctx.now(), pdf);
  if (!e.to.length) {
    throw new DomainError('invalid_input', ts.noGuestAddress);
  }
  return {
    data: Buffer.from(e.text, 'utf8'),
    suggestedName: `${e.confidential ? `${sharing.confidentialFileTag}-` : ''}${e.baseName}.eml`,
    filters: [{ name: ts.emlFilter, extensions: ['eml'] }],
    confidential: e.confidential,
    excluded: 0,
    count: e.to.length,
    notice: pdf
      ? ts.emlReady(sharing.count(e.to.length, ...ts.recipient))
      : ts.emlConfidential,
  };
}

export async function exportDossier(ctx: ServiceContext, meetingId: string, opts: ShareOptions): Promise<ExportFile> {
  const f = await buildDossier(ctx.store.data, meetingId, opts, ctx.now());
  return {
    data: f.data,
    suggestedName: `${opts.includeConfidential ? `${sharing.confidentialFileTag}-` : ''}${f.baseName}.pdf`,
    filters: [{ name: 'Document PDF', extensions: ['pdf'] }],
    confidential: !!opts.includeConfidential,
    excluded: 0,
    count: f.pages,
    notice: `Dossier de ${sharing.count(f.pages, 'page', 'pages')} : ${f.parts.join(', ')}.${f.missing.length ? ` Non inclus : ${f.missing.join(' ; ')}.` : ''}`,
  };
}

export async function exportMinutesDocx(ctx: ServiceContext, meetingId: string): Promise<ExportFile> {
  const f = await minutesDocx(ctx.store.data, meetingId);
  return {
    data: f.data,
    suggestedName: `${f.confidential ? `${sharing.confidentialFileTag}-` : ''}${f.baseName}.docx`,
    filters: [{ name: 'Document Word', extensions: ['docx'] }],
    confidential: f.confidential,
    excluded: 0,
    count: 1,
  };
}

/** The complete backup (live data, archived periods, protected store still encrypted), as `clspd backup` writes it. */
export async function exportJsonBackup(ctx: ServiceContext): Promise<ExportFile> {
  const b = await exportBackup(ctx.store, ctx.now(), ctx.team?.mainFile?.());
  return {
    data: Buffer.from(b.data),
    suggestedName: `${backupText.fileName}-${ctx.now().toISOString().slice(0, 10)}.zip`,
    filters: [{ name: backupText.filterName, extensions: ['zip'] }],
    confidential: true,
    excluded: 0,
    count: b.counts.actions,
    notice: `${backupText.contents(b.archives, b.protectedFiles)} ${b.notice}`,
  };
}

/** The live document alone, in JSON (no archived period, no protected store): not a backup, and named so. */
export async function exportLiveJson(ctx: ServiceContext): Promise<ExportFile> {
  await ctx.store.flush();
  const d = ctx.store.data;
  return {
    data: Buffer.from(JSON.stringify(d), 'utf8'),
    suggestedName: `donnees-en-cours-sans-archives-${ctx.now().toISOString().slice(0, 10)}.json`,
    filters: [{ name: ts.liveJsonFilter, extensions: ['json'] }],
    confidential: true,
    excluded: 0,
    count: d.actions.length,
    notice: backupText.liveOnlyNotice,
  };
}

export async function exportUpdatePack(ctx: ServiceContext, pilotId: string, opts: ShareOptions): Promise<ExportFile> {
  const p = await buildUpdatePack(ctx.store.data, pilotId, opts, ctx.now());
  return {
    data: p.data,
    suggestedName: suggestedName(`${sharing.fileNames.updatePack}-${p.pilot.shortName || p.pilot.name}`.replace(/[^\p{L}\p{N}-]+/gu, '-'), 'xlsx', ctx.now(), p.confidential),
    filters: [XLSX_FILTER],
    confidential: p.confidential,
    excluded: p.excluded,
    count: p.actions,
  };
}

/** Writes an export where the user chooses (Electron dialog); the renderer never sends a path. */
export async function saveExport(ctx: ServiceContext, file: ExportFile, write: (path: string, data: Buffer) => void, open = false): Promise<ExportResult> {
  if (!ctx.platform.chooseSavePath) throw new DomainError('internal', ts.saveUnavailable);
  const path = await ctx.platform.chooseSavePath(file.suggestedName, file.filters);
  if (!path) return { cancelled: true, confidential: file.confidential, excluded: file.excluded, message: sharing.dialog.cancelled };
  write(path, file.data);
  if (open && ctx.platform.openPath) await ctx.platform.openPath(path);
  const parts = [sharing.dialog.saved(path)];
  if (file.excluded) parts.push(ts.excluded(sharing.count(file.excluded, ...ts.excludedItem)));
  if (file.confidential && !file.notice) parts.push(ts.markedConfidential(sharing.confidentialBanner));
  if (file.notice) parts.push(file.notice);
  return { path, cancelled: false, confidential: file.confidential, excluded: file.excluded, message: parts.join(' ') };
}

export function overview(ctx: ServiceContext): SharingOverview {
  const d = ctx.store.data;
  const tables = TABLE_KINDS.map((kind) => {
    const all = buildTable(d, kind, { includeConfidential: true });
    const shared = buildTable(d, kind, {});
    return { kind, label: sharing.tables[kind], rows: shared.csv.rows.length, confidentialRows: all.csv.rows.length - shared.csv.rows.length };
  });
  const counts = new Map<string, number>();
  for (const a of d.actions) if (a.pilot.organisationId && !a.archived) counts.set(a.pilot.organisationId, (counts.get(a.pilot.organisationId) ?? 0) + 1);
  const today = ctx.now().toISOString().slice(0, 10);
  const inst = instanceMap(d);
  return {
    tables,
    pilots: d.organisations
      .filter((o) => counts.has(o.id))
      .map((o) => ({ id: o.id, name: o.name, actions: pilotActions(d, o.id, { includeConfidential: true }).actions.length }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    instances: d.instances.map((i) => ({
      id: i.id,
      name: i.name,
      confidential: isConfidentialInstance(i) || d.meetings.some((m) => m.instanceId === i.id && isConfidentialMeeting(m, inst)),
      upcoming: d.meetings.filter((m) => m.instanceId === i.id && m.date >= today).length,
    })),
    meetings: d.meetings
      .filter((m) => m.date >= addDays(today, -60))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((m) => ({
        id: m.id,
        title: m.title,
        date: m.date,
        instance: inst.get(m.instanceId)?.name ?? '',
        confidential: isConfidentialMeeting(m, inst),
        plenary: inst.get(m.instanceId)?.kind === 'plenary',
      })),
  };
}

// ---------------- imports: preview with a token, then apply ----------------

type Session =
  | { kind: 'partners' | 'actions'; file: string; table: RawTable; mapping: Record<string, string> }
  | { kind: 'updatePack'; file: string; pack: ParsedPack; expectedPilotId?: string }
  | { kind: 'backup'; file: string; backup: BackupPreview };

export interface ImportSessionOptions {
  mapping?: Record<string, string>;
  expectedPilotId?: string;
  /** Reads the file again under this token (the team server, on another process than the preview's). */
  token?: string;
}

// Keyed by the session's undo list, the object every context of one user session shares (the team server builds
// one context per request but keeps each account's undo list, so a preview and its « Appliquer » meet again).
const sessions = new WeakMap<object, Map<string, Session>>();
const MAX_SESSIONS = 8;

const progressByContext = new WeakMap<ServiceContext, ImportProgress>();

/** Where the reading of the file being imported stands; null when no file is being read. */
export function importProgress(ctx: ServiceContext): ImportProgress | null {
  return progressByContext.get(ctx) ?? null;
}

function sessionsOf(ctx: ServiceContext): Map<string, Session> {
  let m = sessions.get(ctx.trash);
  if (!m) sessions.set(ctx.trash, (m = new Map()));
  return m;
}

function summarise(lines: PreviewLine[]): ImportPreview['summary'] {
  const s = { total: lines.length, create: 0, update: 0, merge: 0, unchanged: 0, invalid: 0, warnings: 0 };
  for (const l of lines) {
    s[l.action]++;
    if (l.warnings.length) s.warnings++;
  }
  return s;
}

function previewOf(ctx: ServiceContext, token: string, s: Session): ImportPreview {
  const d = ctx.store.data;
  const at = ctx.now().toISOString();
  const fileName = basename(s.file);
  if (s.kind === 'backup') {
    const b = s.backup;
    const c = b.counts;
    return {
      token,
      kind: 'backup',
      fileName,
      format: 'json',
      allOrNothing: true,
      lines: [],
      summary: { total: 0, create: 0, update: 0, merge: 0, unchanged: 0, invalid: 0, warnings: 0 },
      fileErrors: [],
      notices: [
        ts.backupSummary({ commune: b.communeName, archives: b.archives, migrated: Boolean(b.migrated) }, c),
        b.kind === 'legacy'
          ? ts.legacyBackupRestore
          : ts.backupRestore,
        b.notice,
      ],
      canApply: true,
    };
  }
  if (s.kind === 'updatePack') {
    const plan = planPack(d, s.pack, ctx.now(), s.expectedPilotId);
    const lines = plan.lines.map(({ actionId: _a, indicatorId: _i, status: _s, progress: _p, comment: _c, measurement: _m, ...l }) => l);
    return {
      token,
      kind: 'updatePack',
      fileName,
      format: 'xlsx',
      allOrNothing: false,
      lines,
      summary: summarise(lines),
      fileErrors: plan.fileErrors,
      notices: plan.notices,
      canApply: !plan.fileErrors.length && lines.some((l) => l.acceptable),
    };
  }
  const plan =
    s.kind === 'partners'
      ? planPartners(partnerWorkState(d), s.table, s.mapping, at)
      : planActions(actionsWorkCopy(d), s.table, s.mapping, at, fileName);
  const specs = s.kind === 'partners' ? PARTNER_FIELDS : ACTION_FIELDS;
  const invalid = plan.lines.filter((l) => !l.acceptable).length;
  const notices: string[] = [];
  if (invalid) notices.push(sharing.import.hasErrors(invalid));
  if (s.table.format === 'csv') notices.push(ts.csvRead);
  if (s.table.confidential) notices.push(ts.fileCarriesBanner(sharing.confidentialBanner));
  return {
    token,
    kind: s.kind,
    fileName,
    format: s.table.format,
    encoding: s.table.encoding,
    delimiter: s.table.delimiter,
    allOrNothing: true,
    lines: plan.lines,
    summary: summarise(plan.lines),
    mapping: s.table.headers.map((h, i) => ({ index: i, header: h, field: plan.mapping.byIndex[i] })),
    fields: specs.map((f) => ({ key: f.key, label: f.label })),
    fileErrors: plan.fileErrors,
    notices,
    canApply: !plan.fileErrors.length && !invalid && plan.lines.length > 0,
  };
}

/** Reads a file to import and returns its preview; nothing is changed. */
export async function previewImport(ctx: ServiceContext, kind: ImportKind, file: string, opts: ImportSessionOptions = {}): Promise<ImportPreview> {
  let s: Session;
  if (kind === 'backup') {
    s = { kind, file, backup: inspectBackup(file) };
  } else {
    // Parsing runs in the import worker: the window stays responsive and polls the progress (importProgress).
    const buf = readImportBytes(file);
    if (kind === 'updatePack' && !isZip(buf)) throw new DomainError('invalid_input', ts.notAnXlsx(sharing.import.notAnUpdatePack));
    const report = (p: ImportProgress) => progressByContext.set(ctx, p);
    try {
      report({ phase: 'checking', done: 0, total: buf.length });
      const parsed = await parseOffThread(kind === 'updatePack' ? 'pack' : 'table', buf, file, report);
      s = kind === 'updatePack' ? { kind, file, pack: parsed as ParsedPack, expectedPilotId: opts.expectedPilotId } : { kind, file, table: parsed as RawTable, mapping: opts.mapping ?? {} };
    } finally {
      progressByContext.delete(ctx);
    }
  }
  const all = sessionsOf(ctx);
  const token = opts.token ?? newId('imp');
  all.set(token, s);
  while (all.size > MAX_SESSIONS) all.delete(all.keys().next().value as string);
  return previewOf(ctx, token, s);
}

/**
 * The team server keeps each pending import in its database, so that « Appliquer » may reach another server process:
 * there the file is read again under the same token (`previewImport` with `token`); the mapping stored is the last one.
 */
export async function resumeImport(ctx: ServiceContext, token: string, kind: ImportKind, file: () => Promise<string>, opts: Omit<ImportSessionOptions, 'token'>): Promise<void> {
  const s = sessionsOf(ctx).get(token);
  if (!s) await previewImport(ctx, kind, await file(), { ...opts, token });
  else if (s.kind === 'partners' || s.kind === 'actions') s.mapping = opts.mapping ?? {};
}

function session(ctx: ServiceContext, token: string): Session {
  const s = sessionsOf(ctx).get(token);
  if (!s) throw new DomainError('not_found', sharing.import.expired);
  return s;
}

/** Re-runs the preview with the user's corrected column mapping (header → field key, '' to ignore). */
export function remapImport(ctx: ServiceContext, token: string, mapping: Record<string, string>): ImportPreview {
  const s = session(ctx, token);
  if (s.kind !== 'partners' && s.kind !== 'actions') throw new DomainError('invalid_input', ts.noColumnMapping);
  s.mapping = mapping;
  return previewOf(ctx, token, s);
}

export function cancelImport(ctx: ServiceContext, token: string): { cancelled: true } {
  sessionsOf(ctx).delete(token);
  return { cancelled: true };
}

/**
 * Applies the accepted lines (all acceptable lines when `accepted` is undefined) in one store update.
 * Partners and actions: all or nothing — any invalid line in the file refuses the whole import.
 */
export async function applyImport(ctx: ServiceContext, token: string, accepted?: string[]): Promise<ImportResult> {
  const s = session(ctx, token);
  const at = ctx.now().toISOString();
  if (s.kind === 'backup') {
    const r = await restoreBackupFile(ctx.store, s.file, () => quiesceVaultForRestore(ctx));
    sessionsOf(ctx).delete(token);
    return { applied: 1, skipped: 0, movedAside: r.movedAside, message: [backupText.restored, ...(r.movedAside ? [backupText.movedAside(r.movedAside)] : []), ...r.warnings].join(' ') };
  }
  const preview = previewOf(ctx, token, s);
  if (!preview.canApply) {
    throw new DomainError('invalid_input', [...preview.fileErrors, ...preview.notices.filter((n) => n === sharing.import.hasErrors(preview.summary.invalid))].join(' ') || sharing.import.nothingAccepted);
  }
  const acceptedSet = new Set(accepted ?? preview.lines.filter((l) => l.acceptable).map((l) => l.id));
  const chosen = preview.lines.filter((l) => acceptedSet.has(l.id));
  if (!chosen.length) throw new DomainError('invalid_input', sharing.import.nothingAccepted);
  ctx.store.backup('import');
  let applied = 0;
  let skipped = 0;
  await ctx.store.update((d) => {
    if (s.kind === 'updatePack') {
      const r = applyPackIn(ctx, d, s.pack, acceptedSet, s.expectedPilotId);
      applied = r.applied;
      skipped = r.skipped;
      return;
    }
    // Validate the whole file again against the live document before changing anything.
    const check = s.kind === 'partners' ? planPartners(partnerWorkState(d), s.table, s.mapping, at) : planActions(actionsWorkCopy(d), s.table, s.mapping, at, basename(s.file));
    const bad = check.lines.filter((l) => !l.acceptable);
    if (check.fileErrors.length || bad.length) throw new DomainError('invalid_input', check.fileErrors.join(' ') || sharing.import.hasErrors(bad.length));
    const real = s.kind === 'partners' ? planPartners(d, s.table, s.mapping, at, acceptedSet) : planActions(d, s.table, s.mapping, at, basename(s.file), acceptedSet);
    applied = real.lines.filter((l) => acceptedSet.has(l.id) && l.action !== 'unchanged').length;
    skipped = real.lines.length - real.lines.filter((l) => acceptedSet.has(l.id)).length;
  });
  sessionsOf(ctx).delete(token);
  return { applied, skipped, message: `${sharing.dialog.applied(applied)}${skipped ? ` ${sharing.count(skipped, ...ts.skippedLine)}.` : ''}` };
}
