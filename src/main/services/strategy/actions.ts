// Fiches action: creation with generated codes, edits, journalled progress updates, moves, milestones, funding, deletion with undo.
import type { ActionInput, ActionPatch, FundingInput, MilestoneInput, ProgressUpdate } from '../../../shared/contract/strategy';
import type { Deleted } from '../../../shared/contract/directory';
import { newId } from '../../../shared/ids';
import { strategy as t } from '../../../shared/i18n/strategy';
import type { Action, Datastore, FundingLine, JournalEntry, Milestone } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import { nowIso, type ServiceContext } from '../context';
import {
  activePeriod,
  assertDates,
  assertPeriodOpen,
  assertUniqueCode,
  clean,
  codePrefix,
  getAction,
  getAxis,
  getObjective,
  nextCode,
} from './common';
import { buildIndicator } from './indicators';
import { detach } from '../../store/transaction';

export interface ActionOptions {
  /** The meeting the change comes from (written in the journal). */
  meetingId?: string;
}

type Refs = Pick<ActionInput, 'pilot' | 'partners' | 'followingInstanceId' | 'indicators'>;

/** Checks every reference to the directory and instances; throws a French error naming the field. */
function assertRefs(data: Datastore, input: Refs): void {
  const orgs = new Set(data.organisations.map((o) => o.id));
  const pilotOrg = input.pilot?.organisationId || undefined;
  const pilotPerson = input.pilot?.personId || undefined;
  if (pilotOrg && !orgs.has(pilotOrg)) throw new DomainError('invalid_input', t.errors.unknownPilot, 'pilot.organisationId');
  if (pilotPerson) {
    const p = data.people.find((x) => x.id === pilotPerson);
    if (!p || (pilotOrg && p.organisationId !== pilotOrg)) throw new DomainError('invalid_input', t.errors.unknownPilotPerson, 'pilot.personId');
  }
  for (const [i, p] of (input.partners ?? []).entries()) {
    if (!orgs.has(p.organisationId)) throw new DomainError('invalid_input', t.errors.unknownPartner, `partners.${i}.organisationId`);
  }
  if (input.followingInstanceId && !data.instances.some((x) => x.id === input.followingInstanceId)) {
    throw new DomainError('invalid_input', t.errors.unknownInstance, 'followingInstanceId');
  }
  for (const [i, ind] of (input.indicators ?? []).entries()) {
    if (ind.responsibleOrganisationId && !orgs.has(ind.responsibleOrganisationId)) {
      throw new DomainError('invalid_input', t.errors.unknownPartner, `indicators.${i}.responsibleOrganisationId`);
    }
  }
}

function assertMeeting(data: Datastore, meetingId: string | undefined): void {
  if (meetingId && !data.meetings.some((m) => m.id === meetingId)) throw new DomainError('invalid_input', t.errors.unknownMeeting, 'meetingId');
}

function buildMilestone(m: MilestoneInput): Milestone {
  return clean({ id: m.id || newId('jal'), title: m.title, dueDate: m.dueDate, doneAt: m.doneAt || undefined });
}

function buildFunding(f: FundingInput): FundingLine {
  return clean({ id: f.id || newId('fin'), funder: f.funder, year: f.year, requested: f.requested, obtained: f.obtained, spent: f.spent });
}

export function journalEntry(ctx: ServiceContext, field: string, from?: string, to?: string, comment?: string, meetingId?: string): JournalEntry {
  return clean({ id: newId('jnl'), at: nowIso(ctx), field, from, to, comment: comment || undefined, meetingId: meetingId || undefined });
}

function pilotOf(input: ActionInput['pilot']): Action['pilot'] {
  return clean({ organisationId: input?.organisationId || undefined, personId: input?.personId || undefined });
}

/** Creates an action inside an update already in progress (for callers that batch several changes). */
export function createActionIn(ctx: ServiceContext, data: Datastore, input: ActionInput, opts: ActionOptions = {}): Action {
  const period = activePeriod(data);
  const objectiveId = input.objectiveId || undefined;
  if (objectiveId) {
    const obj = getObjective(data, objectiveId);
    if (getAxis(data, obj.axisId).periodId !== period.id) throw new DomainError('invalid_input', t.errors.objectiveNotFound, 'objectiveId');
  }
  assertDates(input.startDate || undefined, input.endDate || undefined);
  assertRefs(data, input);
  assertMeeting(data, opts.meetingId);
  const code = input.code?.trim() || nextCode(data, period.id, objectiveId);
  assertUniqueCode(data, period.id, code);
  const at = nowIso(ctx);
  const status = input.status ?? 'planned';
  const action: Action = {
    ...clean({
      context: input.context,
      description: input.description,
      modalities: input.modalities,
      targetPublic: input.targetPublic,
      territory: input.territory,
      startDate: input.startDate,
      endDate: input.endDate,
      means: input.means,
      followingInstanceId: input.followingInstanceId,
      objectiveId,
    }),
    id: newId('act'),
    periodId: period.id,
    code,
    title: input.title,
    nationalMeasures: input.nationalMeasures ?? [],
    pilot: pilotOf(input.pilot),
    partners: (input.partners ?? []).map((p) => clean({ organisationId: p.organisationId, role: p.role, note: p.note })),
    milestones: (input.milestones ?? []).map(buildMilestone),
    funding: (input.funding ?? []).map(buildFunding),
    indicators: (input.indicators ?? []).map(buildIndicator),
    status,
    progress: input.progress ?? (status === 'done' ? 100 : 0),
    // Files are linked afterwards through the dialog (addAttachment): a new action has none.
    attachments: [],
    journal: [journalEntry(ctx, 'created', undefined, status, undefined, opts.meetingId)],
    lastUpdateAt: at,
    archived: false,
    createdAt: at,
    updatedAt: at,
  };
  data.actions.push(action);
  return action;
}

export async function createAction(ctx: ServiceContext, input: ActionInput, opts: ActionOptions = {}): Promise<Action> {
  return ctx.store.update((data) => createActionIn(ctx, data, input, opts));
}

/** Applies a journalled status / progress / dates update inside an update already in progress. */
export function updateActionProgressIn(ctx: ServiceContext, data: Datastore, id: string, update: ProgressUpdate): Action {
  const action = getAction(data, id);
  assertPeriodOpen(data, action.periodId);
  const meetingId = update.meetingId || undefined;
  assertMeeting(data, meetingId);
  const nextStart = update.startDate === undefined ? action.startDate : update.startDate || undefined;
  const nextEnd = update.endDate === undefined ? action.endDate : update.endDate || undefined;
  assertDates(nextStart, nextEnd, update.endDate !== undefined ? 'endDate' : 'startDate');
  if (update.progress !== undefined && (!Number.isFinite(update.progress) || update.progress < 0 || update.progress > 100)) {
    throw new DomainError('invalid_input', t.errors.progressRange, 'progress');
  }
  const nextStatus = update.status ?? action.status;
  let nextProgress = update.progress ?? action.progress;
  if (update.progress === undefined && nextStatus === 'done' && action.status !== 'done') nextProgress = 100;

  const comment = update.comment?.trim() || undefined;
  const entries: JournalEntry[] = [];
  const add = (field: string, from: string | undefined, to: string | undefined) =>
    entries.push(journalEntry(ctx, field, from, to, entries.length === 0 ? comment : undefined, meetingId));
  if (nextStatus !== action.status) add('status', action.status, nextStatus);
  if (nextProgress !== action.progress) add('progress', String(action.progress), String(nextProgress));
  if (nextStart !== action.startDate) add('startDate', action.startDate, nextStart);
  if (nextEnd !== action.endDate) add('endDate', action.endDate, nextEnd);
  if (!entries.length) entries.push(journalEntry(ctx, 'note', undefined, undefined, comment, meetingId));

  action.status = nextStatus;
  action.progress = nextProgress;
  if (nextStart) action.startDate = nextStart;
  else delete action.startDate;
  if (nextEnd) action.endDate = nextEnd;
  else delete action.endDate;
  action.journal.push(...entries);
  const at = nowIso(ctx);
  action.lastUpdateAt = at;
  action.updatedAt = at;
  return action;
}

/** Status, progress or dates changed (from the fiche or from a meeting): every change is journalled. */
export async function updateActionProgress(ctx: ServiceContext, id: string, update: ProgressUpdate): Promise<Action> {
  return ctx.store.update((data) => updateActionProgressIn(ctx, data, id, update));
}

const TEXT_FIELDS = ['title', 'context', 'description', 'modalities', 'targetPublic', 'territory', 'means', 'followingInstanceId'] as const;

/** Edits the fiche. Status, progress and dates in the patch go through the journal like a progress update. */
export async function updateAction(ctx: ServiceContext, id: string, patch: ActionPatch, opts: ActionOptions = {}): Promise<Action> {
  return ctx.store.update((data) => {
    const action = getAction(data, id);
    assertPeriodOpen(data, action.periodId);
    const nextStart = patch.startDate === undefined ? action.startDate : patch.startDate || undefined;
    const nextEnd = patch.endDate === undefined ? action.endDate : patch.endDate || undefined;
    assertDates(nextStart, nextEnd, patch.endDate !== undefined ? 'endDate' : 'startDate');
    assertRefs(data, { pilot: patch.pilot, partners: patch.partners, followingInstanceId: patch.followingInstanceId || undefined, indicators: patch.indicators });
    const code = patch.code?.trim();
    if (code && code !== action.code) assertUniqueCode(data, action.periodId, code, id);

    const progressChange =
      (patch.status !== undefined && patch.status !== action.status) ||
      (patch.progress !== undefined && patch.progress !== action.progress) ||
      nextStart !== action.startDate ||
      nextEnd !== action.endDate;
    if (progressChange) {
      updateActionProgressIn(ctx, data, id, {
        status: patch.status,
        progress: patch.progress,
        startDate: patch.startDate,
        endDate: patch.endDate,
        meetingId: opts.meetingId,
      });
    }
    if (code && code !== action.code) {
      action.journal.push(journalEntry(ctx, 'code', action.code, code, undefined, opts.meetingId));
      action.code = code;
    }
    const rec = action as unknown as Record<string, unknown>;
    for (const k of TEXT_FIELDS) {
      const v = patch[k];
      if (v === undefined) continue;
      if (v === '' && k !== 'title') delete rec[k];
      else if (v !== '') rec[k] = v;
    }
    if (patch.nationalMeasures) action.nationalMeasures = patch.nationalMeasures;
    if (patch.pilot) action.pilot = pilotOf(patch.pilot);
    if (patch.partners) action.partners = patch.partners.map((p) => clean({ organisationId: p.organisationId, role: p.role, note: p.note }));
    if (patch.milestones) action.milestones = patch.milestones.map(buildMilestone);
    if (patch.funding) action.funding = patch.funding.map(buildFunding);
    if (patch.attachments) {
      // Only links already made through the dialog survive, with their stored path; unknown ids are dropped.
      const known = new Map(action.attachments.map((a) => [a.id, a]));
      action.attachments = patch.attachments.flatMap((a) => {
        const was = known.get(a.id);
        return was ? [{ ...was, label: a.label }] : [];
      });
    }
    if (patch.indicators) {
      // Indicators given in a fiche edit are added; existing ones (with their measurements) are edited via indicators:*.
      action.indicators.push(...patch.indicators.map(buildIndicator));
    }
    action.updatedAt = nowIso(ctx);
    return action;
  });
}

/** Moves actions to another objective (or back to « À classer »); generated codes follow the new place. */
export async function moveActions(ctx: ServiceContext, ids: string[], objectiveId: string | undefined, opts: ActionOptions = {}): Promise<{ moved: number }> {
  return ctx.store.update((data) => {
    const actions = ids.map((i) => getAction(data, i));
    const target = objectiveId || undefined;
    for (const a of actions) assertPeriodOpen(data, a.periodId);
    if (target) {
      const obj = getObjective(data, target);
      const axis = getAxis(data, obj.axisId);
      if (actions.some((a) => a.periodId !== axis.periodId)) throw new DomainError('invalid_input', t.errors.objectiveNotFound, 'objectiveId');
    }
    let moved = 0;
    for (const a of actions) {
      if ((a.objectiveId ?? undefined) === target) continue;
      const oldPrefix = codePrefix(data, a.objectiveId);
      const from = a.objectiveId;
      if (target) a.objectiveId = target;
      else delete a.objectiveId;
      if (a.code.startsWith(oldPrefix) && /^\d+$/.test(a.code.slice(oldPrefix.length))) {
        const code = nextCode(data, a.periodId, target);
        a.journal.push(journalEntry(ctx, 'code', a.code, code, undefined, opts.meetingId));
        a.code = code;
      }
      a.journal.push(journalEntry(ctx, 'moved', from, target, undefined, opts.meetingId));
      a.updatedAt = nowIso(ctx);
      moved++;
    }
    return { moved };
  });
}

export async function archiveAction(ctx: ServiceContext, id: string, archived: boolean): Promise<Action> {
  return ctx.store.update((data) => {
    const a = getAction(data, id);
    assertPeriodOpen(data, a.periodId);
    a.archived = archived;
    a.updatedAt = nowIso(ctx);
    return a;
  });
}

export async function deleteAction(ctx: ServiceContext, id: string): Promise<Deleted> {
  return ctx.store.update((data) => {
    const action = getAction(data, id);
    assertPeriodOpen(data, action.periodId);
    const index = data.actions.indexOf(action);
    data.actions.splice(index, 1);
    const label = t.removed.action(action.code, action.title);
    const saved = detach(action);
    const undoToken = ctx.trash.push(label, (d) => {
      if (!d.actions.some((a) => a.id === saved.id)) d.actions.splice(Math.min(index, d.actions.length), 0, saved);
    });
    return { undoToken, label };
  });
}

// ---------- milestones ----------
export async function addMilestone(ctx: ServiceContext, id: string, input: MilestoneInput): Promise<Action> {
  return ctx.store.update((data) => {
    const a = getAction(data, id);
    assertPeriodOpen(data, a.periodId);
    a.milestones.push(buildMilestone({ ...input, id: undefined }));
    a.milestones.sort((x, y) => x.dueDate.localeCompare(y.dueDate));
    a.updatedAt = nowIso(ctx);
    return a;
  });
}

export async function updateMilestone(ctx: ServiceContext, id: string, milestoneId: string, patch: Partial<MilestoneInput>): Promise<Action> {
  return ctx.store.update((data) => {
    const a = getAction(data, id);
    assertPeriodOpen(data, a.periodId);
    const m = a.milestones.find((x) => x.id === milestoneId);
    if (!m) throw new DomainError('not_found', t.errors.milestoneNotFound);
    const next = buildMilestone({ title: patch.title ?? m.title, dueDate: patch.dueDate ?? m.dueDate, doneAt: patch.doneAt === undefined ? m.doneAt : patch.doneAt, id: m.id });
    a.milestones[a.milestones.indexOf(m)] = next;
    if (next.doneAt && !m.doneAt) {
      a.journal.push(journalEntry(ctx, 'milestone', undefined, next.doneAt, t.removed.milestoneReached(next.title)));
      a.lastUpdateAt = nowIso(ctx);
    }
    a.updatedAt = nowIso(ctx);
    return a;
  });
}

export async function deleteMilestone(ctx: ServiceContext, id: string, milestoneId: string): Promise<Deleted> {
  return ctx.store.update((data) => {
    const a = getAction(data, id);
    assertPeriodOpen(data, a.periodId);
    const index = a.milestones.findIndex((x) => x.id === milestoneId);
    if (index < 0) throw new DomainError('not_found', t.errors.milestoneNotFound);
    const [m] = a.milestones.splice(index, 1);
    const label = t.removed.milestone(m.title);
    const saved = detach(m);
    const undoToken = ctx.trash.push(label, (d) => {
      const act = d.actions.find((x) => x.id === id);
      if (act && !act.milestones.some((x) => x.id === saved.id)) act.milestones.splice(Math.min(index, act.milestones.length), 0, saved);
    });
    return { undoToken, label };
  });
}

// ---------- attachments (links to files on disk, never copied) ----------
export async function addAttachment(ctx: ServiceContext, id: string, label?: string): Promise<Action | null> {
  const action = getAction(ctx.store.data, id);
  assertPeriodOpen(ctx.store.data, action.periodId);
  if (!ctx.platform.chooseOpenPath) throw new DomainError('forbidden', t.errors.noFileDialog);
  const path = await ctx.platform.chooseOpenPath([{ name: t.attachmentFilter, extensions: ['*'] }]);
  if (!path) return null;
  return ctx.store.update((data) => {
    const a = getAction(data, id);
    const name = path.split(/[\\/]/).pop() || path;
    a.attachments.push({ id: newId('pj'), label: label?.trim() || name, path });
    a.updatedAt = nowIso(ctx);
    return a;
  });
}

export async function openAttachment(ctx: ServiceContext, id: string, attachmentId: string): Promise<null> {
  const a = getAction(ctx.store.data, id);
  const att = a.attachments.find((x) => x.id === attachmentId);
  if (!att) throw new DomainError('not_found', t.errors.attachmentNotFound);
  if (!ctx.platform.openPath) throw new DomainError('forbidden', t.errors.noFileDialog);
  await ctx.platform.openPath(att.path);
  return null;
}

export async function deleteAttachment(ctx: ServiceContext, id: string, attachmentId: string): Promise<Deleted> {
  return ctx.store.update((data) => {
    const a = getAction(data, id);
    assertPeriodOpen(data, a.periodId);
    const index = a.attachments.findIndex((x) => x.id === attachmentId);
    if (index < 0) throw new DomainError('not_found', t.errors.attachmentNotFound);
    const [att] = a.attachments.splice(index, 1);
    const label = t.removed.attachment(att.label);
    const saved = detach(att);
    const undoToken = ctx.trash.push(label, (d) => {
      const act = d.actions.find((x) => x.id === id);
      if (act && !act.attachments.some((x) => x.id === saved.id)) act.attachments.splice(Math.min(index, act.attachments.length), 0, saved);
    });
    return { undoToken, label };
  });
}

// ---------- funding ----------
export async function addFunding(ctx: ServiceContext, id: string, input: FundingInput): Promise<Action> {
  return ctx.store.update((data) => {
    const a = getAction(data, id);
    assertPeriodOpen(data, a.periodId);
    a.funding.push(buildFunding({ ...input, id: undefined }));
    a.updatedAt = nowIso(ctx);
    return a;
  });
}

export async function updateFunding(ctx: ServiceContext, id: string, fundingId: string, patch: Partial<FundingInput>): Promise<Action> {
  return ctx.store.update((data) => {
    const a = getAction(data, id);
    assertPeriodOpen(data, a.periodId);
    const f = a.funding.find((x) => x.id === fundingId);
    if (!f) throw new DomainError('not_found', t.errors.fundingNotFound);
    a.funding[a.funding.indexOf(f)] = buildFunding({ ...f, ...clean(patch), id: f.id });
    a.updatedAt = nowIso(ctx);
    return a;
  });
}

export async function deleteFunding(ctx: ServiceContext, id: string, fundingId: string): Promise<Deleted> {
  return ctx.store.update((data) => {
    const a = getAction(data, id);
    assertPeriodOpen(data, a.periodId);
    const index = a.funding.findIndex((x) => x.id === fundingId);
    if (index < 0) throw new DomainError('not_found', t.errors.fundingNotFound);
    const [f] = a.funding.splice(index, 1);
    const label = t.removed.funding(f.funder);
    const saved = detach(f);
    const undoToken = ctx.trash.push(label, (d) => {
      const act = d.actions.find((x) => x.id === id);
      if (act && !act.funding.some((x) => x.id === saved.id)) act.funding.splice(Math.min(index, act.funding.length), 0, saved);
    });
    return { undoToken, label };
  });
}

