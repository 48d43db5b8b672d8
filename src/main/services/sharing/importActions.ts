// Import of plan actions from a spreadsheet (the app's own export or a usual French/English table), all or nothing.
import { sharingServices as ts } from '../../../shared/i18n/sharing-services';
import type { PreviewChange, PreviewLine } from '../../../shared/contract/sharing';
import { common } from '../../../shared/i18n/common';
import { sharing } from '../../../shared/i18n/sharing';
import { newId } from '../../../shared/ids';
import type { Action, ActionStatus, Datastore } from '../../../shared/model';
import { fold, personName } from './common';
import { mapColumns, RowReader, type ColumnMapping, type FieldSpec } from './fields';
import type { RawTable } from './readTable';

export type ActionField =
  | 'id'
  | 'code'
  | 'title'
  | 'axis'
  | 'objective'
  | 'pilot'
  | 'referent'
  | 'status'
  | 'progress'
  | 'startDate'
  | 'endDate'
  | 'description'
  | 'context'
  | 'modalities'
  | 'means'
  | 'targetPublic'
  | 'territory'
  | 'followingInstance';

const H = sharing.headers;
export const ACTION_FIELDS: FieldSpec<ActionField>[] = [
  { key: 'id', label: H.id, aliases: ['Id', 'Identifier'] },
  { key: 'code', label: H.code, aliases: ['Code action', 'Code de l’action', 'Référence', 'Réf', 'N°', 'Numéro', 'Number', 'Ref'] },
  { key: 'title', label: H.title, aliases: ['Intitulé de l’action', 'Titre', 'Action', 'Libellé', 'Nom de l’action', 'Title', 'Action title', 'Name'] },
  { key: 'axis', label: H.axis, aliases: ['Axis', 'Axe stratégique'] },
  { key: 'objective', label: H.objective, aliases: ['Objective', 'Objectif opérationnel', 'Objectif stratégique'] },
  { key: 'pilot', label: H.pilot, aliases: ['Pilote', 'Pilot', 'Porteur', 'Structure porteuse', 'Lead', 'Owner'] },
  { key: 'referent', label: H.referent, aliases: ['Référent du pilote', 'Contact pilote', 'Referent'] },
  { key: 'status', label: H.status, aliases: ['État', 'Etat', 'Statut', 'Status', 'État de l’action'] },
  { key: 'progress', label: H.progress, aliases: ['Avancement', 'Progress', 'Taux d’avancement', 'Progression', '% réalisé', 'Réalisation (%)'] },
  { key: 'startDate', label: H.startDate, aliases: ['Début', 'Start', 'Start date', 'Date début'] },
  { key: 'endDate', label: H.endDate, aliases: ['Fin', 'End', 'End date', 'Échéance', 'Date fin'] },
  { key: 'description', label: H.description, aliases: ['Description de l’action', 'Contenu'] },
  { key: 'context', label: H.context, aliases: ['Contexte', 'Constat', 'Context'] },
  { key: 'modalities', label: H.modalities, aliases: ['Modalités de mise en œuvre', 'Mise en œuvre', 'Modalities'] },
  { key: 'means', label: H.means, aliases: ['Moyens mobilisés', 'Means', 'Resources'] },
  { key: 'targetPublic', label: H.targetPublic, aliases: ['Public', 'Public visé', 'Bénéficiaires', 'Target public', 'Target'] },
  { key: 'territory', label: H.territory, aliases: ['Quartier', 'Secteur', 'Territory', 'Area'] },
  { key: 'followingInstance', label: H.followingInstance, aliases: ['Instance', 'Suivi par'] },
];
const SPECS = new Map(ACTION_FIELDS.map((s) => [s.key, s]));

const STATUS_WORDS: Record<string, ActionStatus> = {
  'a lancer': 'planned',
  'a venir': 'planned',
  'non commencee': 'planned',
  prevue: 'planned',
  planned: 'planned',
  'not started': 'planned',
  'en cours': 'in_progress',
  'in progress': 'in_progress',
  in_progress: 'in_progress',
  ongoing: 'in_progress',
  realisee: 'done',
  realise: 'done',
  terminee: 'done',
  termine: 'done',
  achevee: 'done',
  done: 'done',
  completed: 'done',
  reportee: 'postponed',
  reporte: 'postponed',
  postponed: 'postponed',
  abandonnee: 'abandoned',
  abandonne: 'abandoned',
  abandoned: 'abandoned',
};

/** French (or English) status label → stored value. */
export function parseStatus(s: string): ActionStatus | undefined {
  const f = fold(s).replace(/[’']/g, ' ').trim();
  if (STATUS_WORDS[f]) return STATUS_WORDS[f];
  for (const [k, v] of Object.entries(common.actionStatus)) if (fold(v) === f || k === f) return k as ActionStatus;
  return undefined;
}

const STATUS_LIST = Object.values(common.actionStatus).join(', ');

export interface ActionPlan {
  lines: PreviewLine[];
  fileErrors: string[];
  mapping: ColumnMapping<ActionField>;
}

type Editable = Pick<Action, 'code' | 'title' | 'description' | 'context' | 'modalities' | 'means' | 'targetPublic' | 'territory' | 'startDate' | 'endDate' | 'status' | 'progress' | 'objectiveId' | 'followingInstanceId'> & {
  pilotOrg?: string;
  pilotPerson?: string;
};

const LABELS: Record<string, string> = {
  code: H.code,
  title: H.title,
  description: H.description,
  context: H.context,
  modalities: H.modalities,
  means: H.means,
  targetPublic: H.targetPublic,
  territory: H.territory,
  startDate: H.startDate,
  endDate: H.endDate,
  status: H.status,
  progress: H.progress,
  objectiveId: H.objective,
  followingInstanceId: H.followingInstance,
  pilotOrg: H.pilot,
  pilotPerson: H.referent,
};

/**
 * Runs the actions import over `d` (a copy of the actions for the preview, the live document when applying).
 * Matching: identifier, then code, then title within the active period; a match is merged (changed fields only).
 */
export function planActions(d: Datastore, table: RawTable, overrides: Record<string, string>, at: string, source: string, accepted?: Set<string>): ActionPlan {
  const mapping = mapColumns(table.headers, ACTION_FIELDS, overrides);
  const fileErrors: string[] = [];
  if (mapping.byField.title === undefined && mapping.byField.code === undefined) fileErrors.push(sharing.import.missingColumn(H.title));
  const periodId = d.settings.activePeriodId ?? d.periods.find((p) => p.status === 'active')?.id;
  if (!periodId) fileErrors.push(ts.actions.noActivePeriod);
  const lines: PreviewLine[] = [];
  if (fileErrors.length) return { lines, fileErrors, mapping };

  const axes = d.axes.filter((a) => a.periodId === periodId);
  const axisIds = new Set(axes.map((a) => a.id));
  const objectives = d.objectives.filter((o) => axisIds.has(o.axisId));
  const objName = new Map(objectives.map((o) => [o.id, o.title]));
  const orgByName = new Map<string, string>();
  for (const o of d.organisations) {
    orgByName.set(fold(o.name), o.id);
    if (o.shortName && !orgByName.has(fold(o.shortName))) orgByName.set(fold(o.shortName), o.id);
  }
  const orgName = new Map(d.organisations.map((o) => [o.id, o.name]));
  const instByName = new Map(d.instances.map((i) => [fold(i.name), i.id]));
  const instName = new Map(d.instances.map((i) => [i.id, i.name]));
  const peopleName = new Map(d.people.map((p) => [p.id, personName(p)]));
  const inPeriod = d.actions.filter((a) => a.periodId === periodId);
  const byId = new Map(d.actions.map((a) => [a.id, a]));
  const byCode = new Map<string, Action>();
  const byTitle = new Map<string, Action>();
  for (const a of inPeriod) {
    if (a.code) byCode.set(fold(a.code), a);
    byTitle.set(fold(a.title), a);
  }

  for (const raw of table.rows) {
    const id = `r${raw.row}`;
    const r = new RowReader(raw.cells, mapping, SPECS, table.headers);
    const warnings: string[] = [];
    const code = r.text('code') ?? '';
    const title = r.text('title');
    const statusText = r.text('status');
    const status = statusText ? parseStatus(statusText) : undefined;
    if (statusText && !status) r.error('status', ts.actions.unknownStatus(statusText, STATUS_LIST));
    const progress = r.number('progress', { min: 0, max: 100, unit: ' %' });
    const startDate = r.date('startDate');
    const endDate = r.date('endDate');
    if (startDate && endDate && endDate < startDate) r.error('endDate', ts.actions.endBeforeStart);
    const rowId = r.text('id');
    // A row with a code is matched by its code only; the title is the key of rows without a code.
    let existing = (rowId ? byId.get(rowId) : undefined) ?? (code ? byCode.get(fold(code)) : title ? byTitle.get(fold(title)) : undefined);
    if (existing && existing.periodId !== periodId) existing = undefined;
    if (!title && !existing) r.error('title', ts.actions.titleRequired);
    const label = [code, title ?? existing?.title].filter(Boolean).join(' — ') || sharing.import.row(raw.row);
    if (r.errors.length) {
      lines.push({ id, row: raw.row, label, action: 'invalid', changes: [], errors: r.errors, warnings, acceptable: false });
      continue;
    }
    const patch: Partial<Editable> = {
      code: code || undefined,
      title,
      description: r.text('description', 200_000),
      context: r.text('context', 200_000),
      modalities: r.text('modalities', 200_000),
      means: r.text('means', 200_000),
      targetPublic: r.text('targetPublic'),
      territory: r.text('territory'),
      startDate,
      endDate,
      status,
      progress: progress === undefined ? undefined : Math.round(progress),
    };
    const objText = r.text('objective');
    if (objText) {
      const axisText = r.text('axis');
      const axis = axisText ? axes.find((a) => fold(a.title) === fold(axisText)) : undefined;
      const obj = objectives.find((o) => fold(o.title) === fold(objText) && (!axis || o.axisId === axis.id));
      if (obj) patch.objectiveId = obj.id;
      else warnings.push(ts.actions.objectiveNotFound(objText, Boolean(existing)));
    }
    const pilotText = r.text('pilot');
    if (pilotText) {
      const orgId = orgByName.get(fold(pilotText));
      if (orgId) patch.pilotOrg = orgId;
      else warnings.push(ts.actions.pilotUnknown(pilotText));
    }
    const refText = r.text('referent');
    if (refText) {
      const orgId = patch.pilotOrg ?? existing?.pilot.organisationId;
      const p = d.people.find((x) => (!orgId || x.organisationId === orgId) && fold(personName(x)) === fold(refText));
      if (p) patch.pilotPerson = p.id;
      else warnings.push(ts.actions.referentNotFound(refText));
    }
    const instText = r.text('followingInstance');
    if (instText) {
      const instId = instByName.get(fold(instText));
      if (instId) patch.followingInstanceId = instId;
      else warnings.push(ts.actions.instanceUnknown(instText));
    }
    const shown = (k: string, v: unknown): string | undefined => {
      if (v === undefined || v === '') return undefined;
      if (k === 'status') return common.actionStatus[v as ActionStatus];
      if (k === 'progress') return `${String(v)} %`;
      if (k === 'objectiveId') return objName.get(String(v));
      if (k === 'pilotOrg') return orgName.get(String(v));
      if (k === 'pilotPerson') return peopleName.get(String(v));
      if (k === 'followingInstanceId') return instName.get(String(v));
      if (k === 'startDate' || k === 'endDate') return String(v).split('-').reverse().join('/');
      const s = String(v);
      return s.length > 80 ? `${s.slice(0, 77)}…` : s;
    };
    const changes: PreviewChange[] = [];
    const current: Partial<Editable> | undefined = existing
      ? { ...existing, pilotOrg: existing.pilot.organisationId, pilotPerson: existing.pilot.personId }
      : undefined;
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      const before = current?.[k as keyof Editable];
      if (before === v) continue;
      changes.push({ field: k, label: LABELS[k] ?? k, from: shown(k, before), to: shown(k, v) });
    }
    const apply = !accepted || accepted.has(id);
    if (existing) {
      const action: PreviewLine['action'] = changes.length ? 'merge' : 'unchanged';
      if (apply && changes.length) {
        const a = existing;
        const journal = (field: string, from?: string, to?: string) => a.journal.push({ id: newId('jou'), at, field, from, to, comment: `Import du fichier ${source}` });
        if (patch.status !== undefined && patch.status !== a.status) journal('status', a.status, patch.status);
        if (patch.progress !== undefined && patch.progress !== a.progress) journal('progress', String(a.progress), String(patch.progress));
        const { pilotOrg, pilotPerson, ...rest } = patch;
        for (const [k, v] of Object.entries(rest)) if (v !== undefined) (a as unknown as Record<string, unknown>)[k] = v;
        if (pilotOrg) a.pilot = { ...a.pilot, organisationId: pilotOrg };
        if (pilotPerson) a.pilot = { ...a.pilot, personId: pilotPerson };
        a.updatedAt = at;
        if (patch.status !== undefined || patch.progress !== undefined) a.lastUpdateAt = at;
      }
      lines.push({ id, row: raw.row, label, action, changes, errors: [], warnings, acceptable: true });
      continue;
    }
    if (apply) {
      const a: Action = {
        id: newId('act'),
        periodId: periodId!,
        code,
        title: title!,
        nationalMeasures: [],
        pilot: {},
        partners: [],
        milestones: [],
        funding: [],
        indicators: [],
        status: patch.status ?? 'planned',
        progress: patch.progress ?? 0,
        attachments: [],
        journal: [{ id: newId('jou'), at, field: 'created', comment: ts.actions.createdByImport(source) }],
        lastUpdateAt: at,
        archived: false,
        createdAt: at,
        updatedAt: at,
      };
      const { pilotOrg, pilotPerson, ...rest } = patch;
      for (const [k, v] of Object.entries(rest)) if (v !== undefined && k !== 'status' && k !== 'progress') (a as unknown as Record<string, unknown>)[k] = v;
      if (pilotOrg) a.pilot.organisationId = pilotOrg;
      if (pilotPerson) a.pilot.personId = pilotPerson;
      d.actions.push(a);
      byId.set(a.id, a);
      if (code) byCode.set(fold(code), a);
      byTitle.set(fold(a.title), a);
    }
    lines.push({ id, row: raw.row, label, action: 'create', changes, errors: [], warnings, acceptable: true });
  }
  return { lines, fileErrors, mapping };
}

/** A copy of the document whose actions (and their journals) may be changed freely by a preview. */
export function actionsWorkCopy(d: Datastore): Datastore {
  return { ...d, actions: d.actions.map((a) => ({ ...a, pilot: { ...a.pilot }, journal: [...a.journal] })) };
}
