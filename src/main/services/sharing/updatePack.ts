// Partner update round trip: the pilot's XLSX « fiche de mise à jour » (locked, with a hidden identifier) and its import.
import { sharingServices as ts } from '../../../shared/i18n/sharing-services';
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { PreviewChange, PreviewLine } from '../../../shared/contract/sharing';
import { newId } from '../../../shared/ids';
import { formatDate, formatNumber, formatShortDate } from '../../../shared/format';
import { common } from '../../../shared/i18n/common';
import { sharing } from '../../../shared/i18n/sharing';
import type { Action, ActionStatus, Datastore, Organisation } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import type { ServiceContext } from '../context';
import { updateActionProgressIn } from '../strategy/actions';
import { addMeasurementIn } from '../strategy/indicators';
import { CONFIDENTIAL_BANNER, instanceMap, isConfidentialAction, neutralise, shareable, stampDate, type ShareOptions } from './common';
import { mapColumns, RowReader, type FieldSpec } from './fields';
import { parseStatus } from './importActions';
import { normaliseCell, sheetRows, type RawCell } from './readTable';
import { isoToDate } from './writers';

export const PACK_FORMAT = 'clspd-update-pack/1';
export const META_SHEET = '_clspd';
const U = sharing.updatePack;
const H = sharing.headers;

type PackField = 'key' | 'kind' | 'code' | 'title' | 'endDate' | 'status' | 'progress' | 'comment' | 'current' | 'newValue' | 'newDate';
const PACK_FIELDS: FieldSpec<PackField>[] = [
  { key: 'key', label: ts.updatePack.keyHeader, aliases: [] },
  { key: 'kind', label: U.rowKind, aliases: [] },
  { key: 'code', label: H.code, aliases: [] },
  { key: 'title', label: H.title, aliases: [] },
  { key: 'endDate', label: H.endDate, aliases: [] },
  { key: 'status', label: H.status, aliases: [] },
  { key: 'progress', label: H.progress, aliases: [] },
  { key: 'comment', label: H.comment, aliases: [] },
  { key: 'current', label: U.currentValue, aliases: [] },
  { key: 'newValue', label: U.newValue, aliases: [] },
  { key: 'newDate', label: U.newValueDate, aliases: [] },
];
const SPECS = new Map(PACK_FIELDS.map((s) => [s.key, s]));
const EDITABLE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4C2' } };

interface Original {
  status?: ActionStatus;
  progress?: number;
}

export interface PackMeta {
  format: string;
  pilotId: string;
  pilotName: string;
  exportedAt: string;
  actionIds: string[];
  originals: Record<string, Original>;
  checksum: string;
}

function checksumOf(m: Omit<PackMeta, 'checksum'>): string {
  const originals = Object.keys(m.originals)
    .sort()
    .map((k) => `${k}=${m.originals[k].status ?? ''}/${m.originals[k].progress ?? ''}`)
    .join(',');
  return createHash('sha256').update([m.format, m.pilotId, m.exportedAt, m.actionIds.join(','), originals].join('|')).digest('hex');
}

/** Actions a pilot receives: those it pilots, not archived; confidential ones only on explicit choice. */
export function pilotActions(d: Datastore, pilotId: string, opts: ShareOptions): { actions: Action[]; excluded: number; confidential: boolean } {
  const inst = instanceMap(d);
  const closed = new Set(d.periods.filter((p) => p.status === 'closed').map((p) => p.id));
  const mine = d.actions.filter((a) => a.pilot.organisationId === pilotId && !a.archived && !closed.has(a.periodId));
  const { kept, excluded, confidential } = shareable(mine, (a) => isConfidentialAction(a, inst), opts);
  return { actions: kept.sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true })), excluded, confidential };
}

function lastMeasure(a: Action, indId: string): string {
  const ind = a.indicators.find((i) => i.id === indId)!;
  const last = [...ind.measurements].sort((x, y) => (x.date < y.date ? -1 : 1)).pop();
  return last ? `${formatNumber(last.value)} ${ind.unit} au ${formatShortDate(last.date)}`.replace(/ +/g, ' ') : '—';
}

export interface UpdatePackFile {
  data: Buffer;
  pilot: Organisation;
  actions: number;
  excluded: number;
  confidential: boolean;
  baseName: string;
}

/** Builds the pilot's update file: editable cells in yellow, everything else locked, a very hidden identifier sheet. */
export async function buildUpdatePack(d: Datastore, pilotId: string, opts: ShareOptions, now: Date): Promise<UpdatePackFile> {
  const pilot = d.organisations.find((o) => o.id === pilotId);
  if (!pilot) throw new DomainError('not_found', ts.updatePack.pilotNotFound(pilotId));
  const { actions, excluded, confidential } = pilotActions(d, pilotId, opts);
  if (!actions.length) {
    throw new DomainError('invalid_input', ts.updatePack.nothingToSend(pilot.name, Boolean(excluded)));
  }
  const exportedAt = now.toISOString();
  const wb = new ExcelJS.Workbook();
  wb.creator = common.appName;
  wb.title = U.title(pilot.name, formatDate(stampDate(now)));
  const ws = wb.addWorksheet(sharing.sheets.updatePack);
  const cols: { key: PackField; header: string; width: number }[] = [
    { key: 'key', header: ts.updatePack.keyHeader, width: 4 },
    { key: 'kind', header: U.rowKind, width: 11 },
    { key: 'code', header: H.code, width: 10 },
    { key: 'title', header: H.title, width: 44 },
    { key: 'endDate', header: H.endDate, width: 13 },
    { key: 'status', header: H.status, width: 18 },
    { key: 'progress', header: H.progress, width: 14 },
    { key: 'comment', header: H.comment, width: 40 },
    { key: 'current', header: U.currentValue, width: 26 },
    { key: 'newValue', header: U.newValue, width: 16 },
    { key: 'newDate', header: U.newValueDate, width: 18 },
  ];
  ws.columns = cols.map((c) => ({ key: c.key, width: c.width }));
  ws.getColumn(1).hidden = true;
  let r = 1;
  if (confidential) {
    ws.getCell(r, 2).value = CONFIDENTIAL_BANNER;
    ws.getRow(r).font = { bold: true, color: { argb: 'FFB00020' } };
    r++;
  }
  ws.getCell(r, 2).value = U.title(pilot.name, formatDate(stampDate(now)));
  ws.getRow(r).font = { bold: true, size: 13 };
  r++;
  const contact = [d.settings.coordinatorName, d.settings.coordinatorEmail].filter(Boolean).join(', ');
  ws.getCell(r, 2).value = U.help(contact);
  ws.mergeCells(r, 2, r, cols.length);
  ws.getRow(r).height = 48;
  ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
  r++;
  const headerRowNo = r;
  const header = ws.getRow(r);
  cols.forEach((c, i) => (header.getCell(i + 1).value = c.header));
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
  header.alignment = { wrapText: true, vertical: 'middle' };
  r++;
  const statusList = `"${Object.values(common.actionStatus).join(',')}"`;
  const originals: Record<string, Original> = {};
  const unlock = (cell: ExcelJS.Cell) => {
    cell.protection = { locked: false };
    cell.fill = EDITABLE_FILL;
  };
  for (const a of actions) {
    const key = `A:${a.id}`;
    originals[key] = { status: a.status, progress: a.progress };
    const row = ws.getRow(r);
    row.getCell(1).value = key;
    row.getCell(2).value = U.kindAction;
    row.getCell(3).value = neutralise(a.code);
    row.getCell(4).value = neutralise(a.title);
    if (a.endDate) {
      row.getCell(5).value = isoToDate(a.endDate);
      row.getCell(5).numFmt = 'dd/mm/yyyy';
    }
    row.getCell(6).value = common.actionStatus[a.status];
    row.getCell(6).dataValidation = { type: 'list', allowBlank: false, formulae: [statusList], showErrorMessage: true, errorTitle: H.status, error: `Choisissez : ${Object.values(common.actionStatus).join(', ')}.` };
    row.getCell(7).value = a.progress;
    row.getCell(7).dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true, errorTitle: H.progress, error: 'Indiquez un nombre entier entre 0 et 100.' };
    row.font = { bold: true };
    for (const c of [6, 7, 8]) unlock(row.getCell(c));
    r++;
    for (const ind of a.indicators) {
      const k = `I:${a.id}:${ind.id}`;
      const irow = ws.getRow(r);
      irow.getCell(1).value = k;
      irow.getCell(2).value = U.kindIndicator;
      irow.getCell(3).value = neutralise(a.code);
      irow.getCell(4).value = neutralise(`${ind.title}${ind.unit ? ` (${ind.unit})` : ''}${ind.target !== undefined ? ` — cible ${formatNumber(ind.target)}` : ''}`);
      irow.getCell(9).value = neutralise(lastMeasure(a, ind.id));
      irow.getCell(10).dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [-1e12], showErrorMessage: true, error: 'Indiquez un nombre.' };
      irow.getCell(11).numFmt = 'dd/mm/yyyy';
      irow.getCell(11).dataValidation = { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1))], showErrorMessage: true, error: 'Indiquez une date JJ/MM/AAAA.' };
      for (const c of [10, 11]) unlock(irow.getCell(c));
      r++;
    }
  }
  ws.views = [{ state: 'frozen', ySplit: headerRowNo, xSplit: 0 }];
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, spinCount: 0 });

  const metaBase = { format: PACK_FORMAT, pilotId, pilotName: pilot.name, exportedAt, actionIds: actions.map((a) => a.id), originals };
  const meta: PackMeta = { ...metaBase, checksum: checksumOf(metaBase) };
  const ms = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  ms.getCell('A1').value = 'format';
  ms.getCell('B1').value = meta.format;
  ms.getCell('A2').value = 'pilotId';
  ms.getCell('B2').value = meta.pilotId;
  ms.getCell('A3').value = 'exportedAt';
  ms.getCell('B3').value = meta.exportedAt;
  ms.getCell('A4').value = 'actionIds';
  ms.getCell('B4').value = meta.actionIds.join(',');
  ms.getCell('A5').value = 'checksum';
  ms.getCell('B5').value = meta.checksum;
  ms.getCell('A6').value = 'pilotName';
  ms.getCell('B6').value = neutralise(meta.pilotName);
  let mr = 10;
  for (const [k, o] of Object.entries(originals)) {
    ms.getCell(mr, 1).value = k;
    ms.getCell(mr, 2).value = o.status ?? null;
    ms.getCell(mr, 3).value = o.progress ?? null;
    mr++;
  }
  await ms.protect('', { spinCount: 0 });
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return { data, pilot, actions: actions.length, excluded, confidential, baseName: `${sharing.fileNames.updatePack}-${pilot.shortName || pilot.name}` };
}

const str = (v: RawCell | undefined): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v).trim());

/** Reads and checks the hidden identifier; throws a French error for a foreign or altered file. */
export function readPackMeta(wb: ExcelJS.Workbook): PackMeta {
  const ms = wb.getWorksheet(META_SHEET);
  if (!ms) throw new DomainError('invalid_input', sharing.import.notAnUpdatePack);
  const v = (addr: string) => str(normaliseCell(ms.getCell(addr).value));
  if (v('B1') !== PACK_FORMAT) throw new DomainError('invalid_input', sharing.import.notAnUpdatePack);
  const originals: Record<string, Original> = {};
  for (let r = 10; r <= ms.rowCount; r++) {
    const k = str(normaliseCell(ms.getCell(r, 1).value));
    if (!k) continue;
    const s = str(normaliseCell(ms.getCell(r, 2).value));
    const p = normaliseCell(ms.getCell(r, 3).value);
    originals[k] = { status: (s || undefined) as ActionStatus | undefined, progress: typeof p === 'number' ? p : undefined };
  }
  const base = {
    format: PACK_FORMAT,
    pilotId: v('B2'),
    pilotName: v('B6').replace(/^'/, ''),
    exportedAt: v('B3'),
    actionIds: v('B4') ? v('B4').split(',') : [],
    originals,
  };
  const checksum = v('B5');
  if (!base.pilotId || !base.exportedAt || checksum !== checksumOf(base)) throw new DomainError('invalid_input', sharing.import.tamperedPack);
  return { ...base, checksum };
}

export interface ParsedPackRow {
  row: number;
  cells: RawCell[];
}

export interface ParsedPack {
  meta: PackMeta;
  headers: string[];
  rows: ParsedPackRow[];
}

/** Reads the filled update file into its identifier and data rows. */
export function parsePack(wb: ExcelJS.Workbook): ParsedPack {
  const meta = readPackMeta(wb);
  const ws = wb.getWorksheet(sharing.sheets.updatePack) ?? wb.worksheets.find((w) => w.state === 'visible');
  if (!ws) throw new DomainError('invalid_input', sharing.import.notAnUpdatePack);
  const rows = sheetRows(ws);
  const headerIdx = rows.findIndex((r) => str(r.cells[0]) === ts.updatePack.keyHeader || r.cells.some((c) => str(c) === H.status));
  if (headerIdx < 0) throw new DomainError('invalid_input', sharing.import.notAnUpdatePack);
  return { meta, headers: rows[headerIdx].cells.map(str), rows: rows.slice(headerIdx + 1) };
}

/** Latest export date already applied to an action (from its journal), if any. */
export function lastAppliedExport(a: Action): string | undefined {
  let last: string | undefined;
  for (const j of a.journal) if (j.field === 'update_pack' && j.to && (!last || j.to > last)) last = j.to;
  return last;
}

interface PlannedLine extends PreviewLine {
  actionId?: string;
  indicatorId?: string;
  status?: ActionStatus;
  progress?: number;
  comment?: string;
  measurement?: { value: number; date: string };
}

export interface PackPlan {
  lines: PlannedLine[];
  notices: string[];
  fileErrors: string[];
}

/** Compares the filled file with the current data: one preview line per changed row, invalid rows flagged. */
export function planPack(d: Datastore, pack: ParsedPack, now: Date, expectedPilotId?: string): PackPlan {
  const { meta } = pack;
  const notices: string[] = [];
  const fileErrors: string[] = [];
  const pilot = d.organisations.find((o) => o.id === meta.pilotId);
  const pilotName = pilot?.name ?? meta.pilotName;
  notices.push(ts.updatePack.heading(pilotName, formatDate(meta.exportedAt.slice(0, 10))));
  if (!pilot) fileErrors.push(ts.updatePack.pilotGone(meta.pilotName));
  if (expectedPilotId && expectedPilotId !== meta.pilotId) {
    const exp = d.organisations.find((o) => o.id === expectedPilotId)?.name ?? expectedPilotId;
    fileErrors.push(sharing.import.otherPilot(exp, pilotName));
  }
  const mapping = mapColumns(pack.headers, PACK_FIELDS);
  if (mapping.byField.key === undefined) fileErrors.push(sharing.import.notAnUpdatePack);
  const lines: PlannedLine[] = [];
  if (fileErrors.length) return { lines, notices, fileErrors };
  const inPack = new Set(meta.actionIds);
  const actions = new Map(d.actions.map((a) => [a.id, a]));
  const closed = new Set(d.periods.filter((p) => p.status === 'closed').map((p) => p.id));
  const today = stampDate(now);
  const olderNotice = new Set<string>();

  for (const raw of pack.rows) {
    const rr = new RowReader(raw.cells, mapping, SPECS, pack.headers);
    const key = rr.text('key') ?? '';
    const label = [rr.text('code'), rr.text('title')].filter(Boolean).join(' — ') || sharing.import.row(raw.row);
    const errors: { column?: string; message: string }[] = [];
    const m = /^(A|I):([^:]+)(?::(.+))?$/.exec(key);
    const base = { id: key || `r${raw.row}`, row: raw.row, label, warnings: [] as string[] };
    if (!m) {
      const hasEdit = ['status', 'progress', 'comment', 'newValue', 'newDate'].some((k) => rr.text(k as PackField));
      if (hasEdit) lines.push({ ...base, action: 'invalid', changes: [], errors: [{ message: ts.updatePack.addedByHand }], acceptable: false });
      continue;
    }
    const [, kind, actionId, indicatorId] = m;
    const a = actions.get(actionId);
    if (!inPack.has(actionId) || !a) {
      lines.push({ ...base, action: 'invalid', changes: [], errors: [{ column: H.code, message: ts.updatePack.unknownAction }], acceptable: false });
      continue;
    }
    if (a.pilot.organisationId !== meta.pilotId) {
      const now = d.organisations.find((o) => o.id === a.pilot.organisationId)?.name ?? ts.updatePack.noStructure;
      errors.push({ message: ts.updatePack.pilotChanged(now, pilotName) });
    }
    if (closed.has(a.periodId) || a.archived) errors.push({ message: ts.updatePack.archived });
    const applied = lastAppliedExport(a);
    if (applied && meta.exportedAt <= applied) {
      errors.push({
        message: ts.updatePack.olderThanApplied(formatDate(applied.slice(0, 10))),
      });
      olderNotice.add(applied);
    }
    const changes: PreviewChange[] = [];
    const line: PlannedLine = { ...base, action: 'update', changes, errors, acceptable: true, actionId };
    if (kind === 'A') {
      const orig = meta.originals[key] ?? {};
      const statusText = rr.text('status');
      let status: ActionStatus | undefined;
      if (statusText) {
        status = parseStatus(statusText);
        if (!status) rr.error('status', ts.updatePack.unknownStatus(statusText, Object.values(common.actionStatus)));
      }
      const progress = rr.number('progress', { min: 0, max: 100, unit: ' %' });
      const comment = rr.text('comment', 5000);
      // Only what the partner changed in the file counts; the coordinator's later edits are not reverted.
      if (status && status !== orig.status && status !== a.status) {
        changes.push({ field: 'status', label: sharing.fields.status, from: common.actionStatus[a.status], to: common.actionStatus[status] });
        line.status = status;
      }
      if (progress !== undefined && Math.round(progress) !== orig.progress && Math.round(progress) !== a.progress) {
        changes.push({ field: 'progress', label: sharing.fields.progress, from: `${a.progress} %`, to: `${Math.round(progress)} %` });
        line.progress = Math.round(progress);
      }
      if (comment) {
        changes.push({ field: 'comment', label: sharing.fields.comment, to: comment });
        line.comment = comment;
      }
    } else {
      const ind = a.indicators.find((i) => i.id === indicatorId);
      line.indicatorId = indicatorId;
      if (!ind) {
        errors.push({ message: ts.updatePack.unknownIndicator });
      } else {
        line.label = `${a.code} — ${ind.title}`;
        const value = rr.number('newValue');
        const date = rr.date('newDate');
        if (value !== undefined && !date && !rr.errors.length) rr.error('newDate', 'indiquez la date de la nouvelle valeur (JJ/MM/AAAA).');
        if (date && value === undefined && !rr.errors.length) rr.error('newValue', ts.updatePack.valueNeeded);
        if (date && date > today) rr.error('newDate', `la date ${formatShortDate(date)} est dans le futur.`);
        if (value !== undefined && date && !rr.errors.length) {
          const dup = ind.measurements.find((x) => x.date === date && x.value === value);
          if (!dup) {
            changes.push({ field: 'measurement', label: `${sharing.fields.measurement} — ${ind.title}`, from: lastMeasure(a, ind.id), to: `${formatNumber(value)} ${ind.unit} au ${formatShortDate(date)}`.replace(/ +/g, ' ') });
            line.measurement = { value, date };
          }
        }
      }
    }
    errors.push(...rr.errors);
    if (errors.length) {
      lines.push({ ...line, action: 'invalid', acceptable: false });
      continue;
    }
    if (changes.length) lines.push(line);
  }
  if (olderNotice.size) notices.push(ts.updatePack.olderFile);
  return { lines, notices, fileErrors };
}

/** Applies the accepted lines in one store update, each change journalled « mise à jour transmise par … le … ». */
export function applyPackIn(ctx: ServiceContext, d: Datastore, pack: ParsedPack, accepted: Set<string>, expectedPilotId?: string): { applied: number; skipped: number } {
  const plan = planPack(d, pack, ctx.now(), expectedPilotId);
  if (plan.fileErrors.length) throw new DomainError('invalid_input', plan.fileErrors.join(' '));
  const pilotName = d.organisations.find((o) => o.id === pack.meta.pilotId)?.name ?? pack.meta.pilotName;
  const note = U.journal(pilotName, formatShortDate(stampDate(ctx.now())));
  const chosen = plan.lines.filter((l) => accepted.has(l.id));
  const bad = chosen.find((l) => !l.acceptable);
  if (bad) throw new DomainError('invalid_input', `${sharing.import.row(bad.row)} (${bad.label}) : ${bad.errors.map((e) => e.message).join(' ')}`);
  const touched = new Set<string>();
  for (const l of chosen) {
    const a = d.actions.find((x) => x.id === l.actionId)!;
    if (l.status !== undefined || l.progress !== undefined || l.comment) {
      updateActionProgressIn(ctx, d, a.id, { status: l.status, progress: l.progress, comment: l.comment ? `${note} : ${l.comment}` : note });
    }
    if (l.measurement && l.indicatorId) {
      addMeasurementIn(ctx, d, a.id, l.indicatorId, { date: l.measurement.date, value: l.measurement.value, comment: `Transmise par ${pilotName}` });
      const j = a.journal[a.journal.length - 1];
      j.comment = `${j.comment ?? ''} — ${note}`;
    }
    touched.add(a.id);
  }
  for (const id of touched) {
    const a = d.actions.find((x) => x.id === id)!;
    a.journal.push({ id: newId('jnl'), at: ctx.now().toISOString(), field: 'update_pack', to: pack.meta.exportedAt, comment: note });
  }
  return { applied: chosen.length, skipped: plan.lines.length - chosen.length };
}

export type { PlannedLine };
