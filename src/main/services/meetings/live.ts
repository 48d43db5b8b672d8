// Live meeting mode: notes autosave, current item and timers, capture of decisions and actions, follow-up, decisions log.
import type { Deleted } from '../../../shared/contract/directory';
import type { CaptureInput, CaptureResult, DecisionLogQuery, DecisionLogRow, FollowUpInput, FollowUpRow, NotesSaved } from '../../../shared/contract/meetings';
import { formatDate } from '../../../shared/format';
import { newId } from '../../../shared/ids';
import { meetingLife } from '../../../shared/i18n/governance';
import { meetings as t } from '../../../shared/i18n/meetings';
import type { Action, Datastore, Decision, Meeting } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import { fold } from '../directory';
import { nowIso, type ServiceContext } from '../context';
import { allocateSituationRef } from '../register/reference';
import { assertNotLocked, getDecision, getItem, getMeeting, touch } from './common';
import { checkActionUpdate, checkDraft, createPlanActionIn, updatePlanActionIn } from './plan';
import { detach } from '../../store/transaction';
import { commitWithDecisionText } from './paired-write';
import { openVault, protects, revealTexts, writeTexts } from './texts';

const SITUATION_RE = /^\d{4}-\d{3,4}$/;

/**
 * Saves the notes of one agenda item (or the general notes). Designed to be called on every pause in
 * typing: the change is applied in memory at once and the store coalesces the durable writes. Resolves
 * once the text is on disk.
 */
export async function saveNotes(ctx: ServiceContext, input: { meetingId: string; agendaItemId?: string; notes: string }): Promise<NotesSaved> {
  const found = getMeeting(ctx.store.data, input.meetingId);
  if (protects(ctx, found)) {
    // A confidential meeting's notes go to the protected store only; clspd.json keeps an empty placeholder.
    assertNotLocked(found);
    if (input.agendaItemId) getItem(found, input.agendaItemId);
    await writeTexts(ctx, found, (t) => {
      if (input.agendaItemId) t.agendaNotes[input.agendaItemId] = input.notes;
      else t.generalNotes = input.notes;
    });
    return { savedAt: nowIso(ctx) };
  }
  await ctx.store.update((data) => {
    const meeting = getMeeting(data, input.meetingId);
    assertNotLocked(meeting);
    if (input.agendaItemId) getItem(meeting, input.agendaItemId).notes = input.notes;
    else meeting.generalNotes = input.notes;
  });
  return { savedAt: nowIso(ctx) };
}

function stopTimer(ctx: ServiceContext, meeting: Meeting): void {
  const now = ctx.now().getTime();
  for (const item of meeting.agenda) {
    if (!item.startedAt) continue;
    item.elapsedSec = (item.elapsedSec ?? 0) + Math.max(0, Math.round((now - Date.parse(item.startedAt)) / 1000));
    delete item.startedAt;
  }
}

/** Seconds spent on an item so far (running timer included). */
export function elapsedSeconds(item: Meeting['agenda'][number], now: Date): number {
  return (item.elapsedSec ?? 0) + (item.startedAt ? Math.max(0, Math.round((now.getTime() - Date.parse(item.startedAt)) / 1000)) : 0);
}

export async function setCurrentItem(ctx: ServiceContext, meetingId: string, itemId: string, startTimer = true): Promise<Meeting> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, meetingId);
    assertNotLocked(meeting);
    const item = getItem(meeting, itemId);
    if (meeting.currentAgendaItemId !== itemId) stopTimer(ctx, meeting);
    meeting.currentAgendaItemId = itemId;
    if (startTimer && meeting.status === 'in_progress' && item.kind === 'item' && !item.startedAt) item.startedAt = nowIso(ctx);
    touch(meeting, nowIso(ctx));
    return meeting;
  });
}

export async function timer(ctx: ServiceContext, meetingId: string, itemId: string, action: 'start' | 'stop' | 'reset'): Promise<Meeting> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, meetingId);
    assertNotLocked(meeting);
    const item = getItem(meeting, itemId);
    if (action === 'start') {
      if (meeting.status !== 'in_progress') throw new DomainError('conflict', t.errors.notRunning);
      stopTimer(ctx, meeting);
      item.startedAt = nowIso(ctx);
      meeting.currentAgendaItemId = itemId;
    } else if (action === 'stop') {
      if (item.startedAt) {
        item.elapsedSec = elapsedSeconds(item, ctx.now());
        delete item.startedAt;
      }
    } else {
      delete item.startedAt;
      delete item.elapsedSec;
    }
    touch(meeting, nowIso(ctx));
    return meeting;
  });
}

/**
 * Captures a decision or an action in one durable write. An action goes to the plan (objective or the
 * « à classer » inbox) with a journal entry pointing to the meeting; a decision about an existing action
 * updates that action the same way.
 */
export async function capture(ctx: ServiceContext, input: CaptureInput): Promise<CaptureResult> {
  const target = getMeeting(ctx.store.data, input.meetingId);
  const secret = protects(ctx, target);
  if (secret) openVault(ctx); // refused before anything is written when the vault is locked
  const decisionId = newId('dec');
  const mutate = (data: Datastore): CaptureResult => {
    const meeting = getMeeting(data, input.meetingId);
    assertNotLocked(meeting);
    if (input.agendaItemId) getItem(meeting, input.agendaItemId);
    const ref = input.situationRef?.replace(/^situation\s*n°\s*/i, '').trim();
    if (ref && !SITUATION_RE.test(ref)) throw new DomainError('invalid_input', t.errors.situationRefFormat, 'situationRef');
    const when = formatDate(meeting.date);
    const text = input.text.trim();
    // The plan's journal (in clspd.json) never quotes the text of a confidential meeting's decision.
    const comment = `${input.kind === 'action' ? t.journal.createdInMeeting(meeting.title, when) : t.journal.decidedInMeeting(meeting.title, when)} ${ref ? `(${t.situationRef(ref)}) ` : ''}${secret ? '' : text}`.trim();
    const at = nowIso(ctx);
    let action: Action | undefined;
    // Check everything first: nothing is written when any part is wrong.
    if (input.kind === 'action') {
      checkDraft(data, { title: text, objectiveId: input.objectiveId, pilotOrganisationId: input.pilotOrganisationId, dueDate: input.dueDate, comment });
    } else if (input.actionId) {
      checkActionUpdate(data, input.actionId);
    }
    if (input.pilotOrganisationId && !data.organisations.some((o) => o.id === input.pilotOrganisationId)) {
      throw new DomainError('not_found', t.errors.organisationUnknown, 'pilotOrganisationId');
    }
    if (input.kind === 'action') {
      action = createPlanActionIn(
        data,
        ctx,
        { title: text, objectiveId: input.objectiveId, pilotOrganisationId: input.pilotOrganisationId, dueDate: input.dueDate, followingInstanceId: meeting.instanceId, comment },
        meeting.id,
      );
      // Decided in a confidential meeting: the action (whose title is the decision) stays confidential wherever it goes.
      if (meeting.confidentiality === 'confidential') action.confidentiality = 'confidential';
    } else if (input.actionId) {
      action = updatePlanActionIn(data, ctx, input.actionId, { status: input.actionStatus, progress: input.progress, comment }, meeting.id);
    }
    const closes = input.kind === 'decision' && (input.actionStatus === 'done' || input.actionStatus === 'abandoned');
    const decision: Decision = {
      id: decisionId,
      kind: input.kind,
      text: secret ? '' : text,
      status: closes ? 'done' : 'open',
      createdAt: at,
      ...(input.agendaItemId ? { agendaItemId: input.agendaItemId } : {}),
      ...(action ? { actionId: action.id } : {}),
      ...(input.pilotOrganisationId ? { pilotOrganisationId: input.pilotOrganisationId } : action?.pilot.organisationId ? { pilotOrganisationId: action.pilot.organisationId } : {}),
      ...(input.dueDate ? { dueDate: input.dueDate } : {}),
      ...(ref ? { situationRef: ref } : {}),
    };
    meeting.decisions.push(decision);
    touch(meeting, at);
    return { decision, ...(action ? { action } : {}) };
  };
  // A confidential meeting's decision: its row in clspd.json and its text in the coffre are written as one.
  const result = secret ? await commitWithDecisionText(ctx, target, { decisionId, value: input.text.trim() }, mutate) : await ctx.store.update(mutate);
  return revealTexts(ctx, result);
}

export async function updateDecision(
  ctx: ServiceContext,
  input: { meetingId: string; decisionId: string; text?: string; status?: Decision['status']; situationRef?: string; dueDate?: string; pilotOrganisationId?: string },
): Promise<Decision> {
  const target = getMeeting(ctx.store.data, input.meetingId);
  const secret = protects(ctx, target) && input.text !== undefined;
  if (secret) openVault(ctx);
  const mutate = (data: Datastore): Decision => {
    const meeting = getMeeting(data, input.meetingId);
    const d = getDecision(meeting, input.decisionId);
    // The text of validated minutes is locked; the follow-up status may still evolve.
    if (meeting.status === 'validated' && (input.text !== undefined || input.situationRef !== undefined || input.dueDate !== undefined || input.pilotOrganisationId !== undefined)) {
      throw new DomainError('locked', t.errors.locked);
    }
    if (input.text !== undefined && !input.text.trim()) throw new DomainError('invalid_input', t.errors.captureTextRequired, 'text');
    const ref = input.situationRef?.replace(/^situation\s*n°\s*/i, '').trim();
    if (ref && !SITUATION_RE.test(ref)) throw new DomainError('invalid_input', t.errors.situationRefFormat, 'situationRef');
    if (input.pilotOrganisationId && !data.organisations.some((o) => o.id === input.pilotOrganisationId)) throw new DomainError('not_found', t.errors.organisationUnknown);
    if (input.text !== undefined && !secret) d.text = input.text.trim();
    if (input.status) d.status = input.status;
    if (input.situationRef !== undefined) {
      if (ref) d.situationRef = ref;
      else delete d.situationRef;
    }
    if (input.dueDate) d.dueDate = input.dueDate;
    if (input.pilotOrganisationId) d.pilotOrganisationId = input.pilotOrganisationId;
    touch(meeting, nowIso(ctx));
    return d;
  };
  const updated = secret ? await commitWithDecisionText(ctx, target, { decisionId: input.decisionId, value: input.text!.trim() }, mutate) : await ctx.store.update(mutate);
  return revealTexts(ctx, updated);
}

export async function deleteDecision(ctx: ServiceContext, meetingId: string, decisionId: string): Promise<Deleted> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, meetingId);
    assertNotLocked(meeting);
    const d = getDecision(meeting, decisionId);
    const index = meeting.decisions.indexOf(d);
    meeting.decisions.splice(index, 1);
    touch(meeting, nowIso(ctx));
    // The plan action it created stays in the plan (its journal keeps the meeting's reference).
    const label = t.removed.decision((d.text || revealTexts(ctx, d).text).slice(0, 60));
    const saved = detach(d);
    const undoToken = ctx.trash.push(label, (dd) => {
      const m = dd.meetings.find((x) => x.id === meetingId);
      if (m && !m.decisions.some((x) => x.id === saved.id)) m.decisions.splice(Math.min(index, m.decisions.length), 0, saved);
    });
    return { undoToken, label };
  });
}

function orgName(data: Datastore, id?: string): string | undefined {
  return id ? data.organisations.find((o) => o.id === id)?.name : undefined;
}

function actionSummary(a: Action | undefined) {
  return a ? { id: a.id, code: a.code, title: a.title, status: a.status, progress: a.progress } : undefined;
}

/** An earlier meeting of the same instance: the ones whose decisions a meeting follows up. */
function isEarlierMeeting(m: Meeting, meeting: Meeting): boolean {
  return m.instanceId === meeting.instanceId && m.id !== meeting.id && `${m.date} ${m.startTime}` < `${meeting.date} ${meeting.startTime}`;
}

/** A decision of an earlier meeting stays in a meeting's follow-up while open, or when it was closed in that meeting. */
function isFollowedUpIn(d: Decision, meeting: Meeting): boolean {
  return d.status === 'open' || d.closedInMeetingId === meeting.id;
}

/** « Suivi des décisions »: open decisions and actions of the instance's earlier meetings (and those closed in this one). */
export function followUpRows(data: Datastore, meeting: Meeting): FollowUpRow[] {
  const actions = new Map(data.actions.map((a) => [a.id, a]));
  const rows: FollowUpRow[] = [];
  const earlier = data.meetings
    .filter((m) => isEarlierMeeting(m, meeting))
    .sort((a, b) => `${a.date} ${a.startTime}`.localeCompare(`${b.date} ${b.startTime}`));
  for (const m of earlier) {
    for (const d of m.decisions) {
      if (!isFollowedUpIn(d, meeting)) continue;
      const a = d.actionId ? actions.get(d.actionId) : undefined;
      rows.push({
        decision: d,
        meetingId: m.id,
        meetingTitle: m.title,
        meetingDate: m.date,
        ...(a ? { action: actionSummary(a)! } : {}),
        ...(orgName(data, d.pilotOrganisationId ?? a?.pilot.organisationId) ? { pilotName: orgName(data, d.pilotOrganisationId ?? a?.pilot.organisationId) } : {}),
      });
    }
  }
  return rows;
}

export function followUp(ctx: ServiceContext, meetingId: string): FollowUpRow[] {
  const data = ctx.store.data;
  return followUpRows(data, getMeeting(data, meetingId));
}

/** Going through the follow-up: updates the decision and its plan action, journalled with this meeting. */
export async function updateFollowUp(ctx: ServiceContext, input: FollowUpInput): Promise<FollowUpRow> {
  await ctx.store.update((data) => {
    const meeting = getMeeting(data, input.meetingId);
    assertNotLocked(meeting);
    // Only the decisions this meeting follows up (those of earlier meetings): a later meeting's decision is not in its list.
    const source = data.meetings.find((m) => isEarlierMeeting(m, meeting) && m.decisions.some((d) => d.id === input.decisionId));
    if (!source) throw new DomainError('not_found', t.errors.decisionNotFound);
    const d = getDecision(source, input.decisionId);
    // Closed in another meeting: not in this meeting's follow-up, so not updated from it.
    if (!isFollowedUpIn(d, meeting)) throw new DomainError('conflict', t.errors.decisionClosedElsewhere);
    if (d.actionId && (input.actionStatus || input.progress !== undefined)) checkActionUpdate(data, d.actionId);
    if (d.actionId && (input.actionStatus || input.progress !== undefined || input.comment)) {
      updatePlanActionIn(data, ctx, d.actionId, { status: input.actionStatus, progress: input.progress, comment: input.comment }, meeting.id);
    }
    const status = input.status ?? (input.actionStatus === 'done' || input.actionStatus === 'abandoned' ? 'done' : undefined);
    if (status) {
      d.status = status;
      if (status === 'open') delete d.closedInMeetingId;
      else d.closedInMeetingId = meeting.id;
    }
    if (input.comment) d.followUpComment = input.comment;
    touch(meeting, nowIso(ctx));
  });
  const row = followUp(ctx, input.meetingId).find((r) => r.decision.id === input.decisionId);
  if (!row) throw new DomainError('not_found', t.errors.decisionNotFound);
  return row;
}

/** Next free « situation n° AAAA-NNN » for the year (the allocator shared with the register of situations). */
export function nextSituationRef(ctx: ServiceContext, year = ctx.now().getFullYear()): { ref: string } {
  return { ref: allocateSituationRef(ctx, year) };
}

/** The meeting in whose follow-up a decision was closed, or « réunion supprimée » once it has been deleted. */
function closedIn(data: Datastore, meetingId: string): { meetingId?: string; title: string } {
  const m = data.meetings.find((x) => x.id === meetingId);
  return m ? { meetingId: m.id, title: m.title } : { title: meetingLife.deletedMeetingCap };
}

/** All decisions across meetings, newest first, filtered. */
export function decisionLog(ctx: ServiceContext, q: DecisionLogQuery = {}): DecisionLogRow[] {
  const data = { ...ctx.store.data, meetings: revealTexts(ctx, ctx.store.data.meetings) };
  const query = q?.query ? fold(q.query.trim()) : '';
  const actions = new Map(data.actions.map((a) => [a.id, a]));
  const objectives = new Map(data.objectives.map((o) => [o.id, o]));
  const instances = new Map(data.instances.map((i) => [i.id, i]));
  const rows: DecisionLogRow[] = [];
  for (const m of data.meetings) {
    if (q?.instanceId && m.instanceId !== q.instanceId) continue;
    if ((q?.from && m.date < q.from) || (q?.to && m.date > q.to)) continue;
    for (const d of m.decisions) {
      if (q?.status && d.status !== q.status) continue;
      const a = d.actionId ? actions.get(d.actionId) : undefined;
      if (q?.actionStatus && a?.status !== q.actionStatus) continue;
      const item = d.agendaItemId ? m.agenda.find((i) => i.id === d.agendaItemId) : undefined;
      const axisId = (a?.objectiveId ? objectives.get(a.objectiveId)?.axisId : undefined) ?? item?.axisId;
      if (q?.axisId && axisId !== q.axisId) continue;
      if (query && !fold(`${d.text} ${d.situationRef ?? ''} ${m.title} ${a?.code ?? ''} ${a?.title ?? ''}`).includes(query)) continue;
      const pilot = orgName(data, d.pilotOrganisationId ?? a?.pilot.organisationId);
      rows.push({
        decision: d,
        meetingId: m.id,
        meetingTitle: m.title,
        meetingDate: m.date,
        instanceId: m.instanceId,
        instanceName: instances.get(m.instanceId)?.name ?? '—',
        confidentiality: m.confidentiality,
        ...(axisId ? { axisId } : {}),
        ...(a ? { action: { id: a.id, code: a.code, title: a.title, status: a.status } } : {}),
        ...(pilot ? { pilotName: pilot } : {}),
        ...(d.closedInMeetingId ? { closedIn: closedIn(data, d.closedInMeetingId) } : {}),
      });
    }
  }
  const order = new Map(rows.map((r, i) => [r, i]));
  rows.sort((a, b) => b.meetingDate.localeCompare(a.meetingDate) || b.decision.createdAt.localeCompare(a.decision.createdAt) || order.get(b)! - order.get(a)!);
  return q?.limit ? rows.slice(0, q.limit) : rows;
}
