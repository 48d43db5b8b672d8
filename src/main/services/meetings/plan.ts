// Bridge from meetings to the plan: creating an action decided in a meeting and updating one discussed there.
import { newId } from '../../../shared/ids';
import { meetings as t } from '../../../shared/i18n/meetings';
import type { Action, ActionStatus, Datastore, JournalEntry } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import { nowIso, type ServiceContext } from '../context';

export interface PlanActionDraft {
  title: string;
  objectiveId?: string;
  pilotOrganisationId?: string;
  dueDate?: string;
  followingInstanceId?: string;
  comment: string;
}

function activePeriodId(data: Datastore): string {
  const p = data.periods.find((x) => x.id === data.settings.activePeriodId && x.status === 'active') ?? data.periods.find((x) => x.status === 'active');
  if (!p) throw new DomainError('conflict', t.errors.actionNeedsPeriod);
  return p.id;
}

/** Checks a draft against the datastore before anything is written (French errors). */
export function checkDraft(data: Datastore, draft: PlanActionDraft): void {
  activePeriodId(data);
  if (draft.objectiveId && !data.objectives.some((o) => o.id === draft.objectiveId)) throw new DomainError('not_found', t.errors.objectiveUnknown, 'objectiveId');
  if (draft.pilotOrganisationId && !data.organisations.some((o) => o.id === draft.pilotOrganisationId)) {
    throw new DomainError('not_found', t.errors.organisationUnknown, 'pilotOrganisationId');
  }
}

function codePrefix(data: Datastore, objectiveId: string | undefined): string {
  if (!objectiveId) return 'AC.';
  const obj = data.objectives.find((o) => o.id === objectiveId);
  const axis = data.axes.find((a) => a.id === obj?.axisId);
  if (!obj || !axis) return 'AC.';
  const axes = data.axes.filter((a) => a.periodId === axis.periodId).sort((a, b) => a.order - b.order);
  const objs = data.objectives.filter((o) => o.axisId === axis.id).sort((a, b) => a.order - b.order);
  return `A${axes.indexOf(axis) + 1}.${objs.indexOf(obj) + 1}.`;
}

/**
 * Adds the action to the plan inside the caller's store mutation (one durable write with the decision),
 * with a journal entry pointing to the meeting. Kept in step with strategy/actions.ts's createAction.
 */
export function createPlanActionIn(data: Datastore, ctx: ServiceContext, draft: PlanActionDraft, meetingId: string): Action {
  checkDraft(data, draft);
  const periodId = activePeriodId(data);
  const prefix = codePrefix(data, draft.objectiveId);
  let n = 0;
  for (const a of data.actions) {
    if (a.periodId !== periodId || !a.code.startsWith(prefix)) continue;
    const k = Number(a.code.slice(prefix.length));
    if (Number.isInteger(k) && k > n) n = k;
  }
  const at = nowIso(ctx);
  const action: Action = {
    id: newId('act'),
    periodId,
    ...(draft.objectiveId ? { objectiveId: draft.objectiveId } : {}),
    code: `${prefix}${n + 1}`,
    title: draft.title.slice(0, 300),
    nationalMeasures: [],
    pilot: draft.pilotOrganisationId ? { organisationId: draft.pilotOrganisationId } : {},
    partners: [],
    ...(draft.dueDate ? { endDate: draft.dueDate } : {}),
    milestones: [],
    funding: [],
    indicators: [],
    status: 'planned',
    progress: 0,
    ...(draft.followingInstanceId ? { followingInstanceId: draft.followingInstanceId } : {}),
    attachments: [],
    journal: [{ id: newId('jrn'), at, field: 'created', comment: draft.comment, meetingId }],
    lastUpdateAt: at,
    archived: false,
    createdAt: at,
    updatedAt: at,
  };
  data.actions.push(action);
  return action;
}

export interface PlanActionUpdate {
  status?: ActionStatus;
  progress?: number;
  comment?: string;
}

export function checkActionUpdate(data: Datastore, actionId: string): Action {
  const a = data.actions.find((x) => x.id === actionId);
  if (!a) throw new DomainError('not_found', t.errors.actionUnknown, 'actionId');
  const p = data.periods.find((x) => x.id === a.periodId);
  if (p && p.status === 'closed') throw new DomainError('forbidden', 'Cette action appartient à une période archivée : elle ne peut plus être modifiée.');
  return a;
}

/** Updates a plan action from a meeting (status, progress, comment), journalled with the meeting's id. */
export function updatePlanActionIn(data: Datastore, ctx: ServiceContext, actionId: string, update: PlanActionUpdate, meetingId: string): Action {
  const a = checkActionUpdate(data, actionId);
  const at = nowIso(ctx);
  const entries: JournalEntry[] = [];
  if (update.status && update.status !== a.status) {
    entries.push({ id: newId('jrn'), at, field: 'status', from: a.status, to: update.status, meetingId, ...(update.comment ? { comment: update.comment } : {}) });
    a.status = update.status;
    if (update.status === 'done' && update.progress === undefined) a.progress = 100;
  }
  if (update.progress !== undefined && update.progress !== a.progress) {
    entries.push({ id: newId('jrn'), at, field: 'progress', from: String(a.progress), to: String(update.progress), meetingId });
    a.progress = update.progress;
  }
  if (!entries.length && update.comment) entries.push({ id: newId('jrn'), at, field: 'note', comment: update.comment, meetingId });
  a.journal.push(...entries);
  if (entries.length) {
    a.lastUpdateAt = at;
    a.updatedAt = at;
  }
  return a;
}
