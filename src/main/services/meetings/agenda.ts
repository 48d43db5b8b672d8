// Agenda builder: sections and items, reorder, templates per instance kind, copy from the previous meeting.
import type { Deleted } from '../../../shared/contract/directory';
import type { AgendaItemInput, AgendaSummary } from '../../../shared/contract/meetings';
import { defaultPresidentTitle } from '../../../shared/council';
import { newId } from '../../../shared/ids';
import { meetings as t } from '../../../shared/i18n/meetings';
import type { AgendaItem, Datastore, Meeting } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import { clipText } from '../../../shared/text';
import { detach } from '../../store/transaction';
import { nowIso, type ServiceContext } from '../context';
import { assertNotLocked, fromMinutes, getItem, getMeeting, toMinutes, touch } from './common';
import { itemNotes } from './texts';

export type TemplateKind = 'plenary' | 'restricted' | 'working_group';

export function agendaSummary(meeting: Meeting): AgendaSummary {
  const totalMin = meeting.agenda.reduce((s, i) => s + (i.kind === 'item' ? i.durationMin : 0), 0);
  const start = toMinutes(meeting.startTime);
  const plannedMin = meeting.plannedEndTime ? toMinutes(meeting.plannedEndTime) - start : undefined;
  return {
    totalMin,
    ...(plannedMin !== undefined ? { plannedMin, overrunMin: totalMin - plannedMin } : {}),
    endsAt: fromMinutes(start + totalMin),
  };
}

function checkLinks(data: Datastore, input: Partial<AgendaItemInput>): void {
  if (input.axisId && !data.axes.some((a) => a.id === input.axisId)) throw new DomainError('not_found', t.errors.axisUnknown, 'axisId');
  for (const id of input.linkedActionIds ?? []) {
    if (!data.actions.some((a) => a.id === id)) throw new DomainError('not_found', t.errors.linkedActionUnknown, 'linkedActionIds');
  }
}

export function makeItem(input: AgendaItemInput): AgendaItem {
  const title = (input.title ?? '').trim();
  if (!title) throw new DomainError('invalid_input', t.errors.itemTitleRequired, 'title');
  const item: AgendaItem = {
    id: newId('itm'),
    kind: input.kind ?? 'item',
    title,
    durationMin: input.kind === 'section' ? 0 : (input.durationMin ?? 10),
    linkedActionIds: [...new Set(input.linkedActionIds ?? [])],
    notes: '',
  };
  if (input.presenter) item.presenter = input.presenter;
  if (input.axisId) item.axisId = input.axisId;
  if (input.chairNotes) item.chairNotes = input.chairNotes;
  return item;
}

export async function addAgendaItem(ctx: ServiceContext, meetingId: string, input: AgendaItemInput, afterId?: string): Promise<Meeting> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, meetingId);
    assertNotLocked(meeting);
    checkLinks(data, input);
    const item = makeItem(input);
    const at = afterId ? meeting.agenda.findIndex((i) => i.id === afterId) : -1;
    if (afterId && at < 0) throw new DomainError('not_found', t.errors.itemNotFound);
    if (at >= 0) meeting.agenda.splice(at + 1, 0, item);
    else meeting.agenda.push(item);
    touch(meeting, nowIso(ctx));
    return meeting;
  });
}

export async function updateAgendaItem(ctx: ServiceContext, meetingId: string, itemId: string, patch: Partial<AgendaItemInput>): Promise<Meeting> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, meetingId);
    assertNotLocked(meeting);
    const item = getItem(meeting, itemId);
    if (patch.title !== undefined && !patch.title.trim()) throw new DomainError('invalid_input', t.errors.itemTitleRequired, 'title');
    checkLinks(data, patch);
    if (patch.title !== undefined) item.title = patch.title.trim();
    if (patch.kind !== undefined) item.kind = patch.kind;
    if (patch.durationMin !== undefined) item.durationMin = patch.durationMin;
    if (item.kind === 'section') item.durationMin = 0;
    if (patch.linkedActionIds !== undefined) item.linkedActionIds = [...new Set(patch.linkedActionIds)];
    for (const k of ['presenter', 'axisId', 'chairNotes'] as const) {
      const v = patch[k];
      if (v === undefined) continue;
      if (v === '') delete item[k];
      else item[k] = v;
    }
    touch(meeting, nowIso(ctx));
    return meeting;
  });
}

/**
 * Removes an empty point (no notes, no decision) with undo: the undo puts it back exactly (links, chair notes,
 * timer) after the point that preceded it, or at its former place, and makes it current again if it was. The undo
 * is refused if the meeting is gone (deleted, archived) or its minutes were validated since.
 */
export async function deleteAgendaItem(ctx: ServiceContext, meetingId: string, itemId: string): Promise<Deleted> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, meetingId);
    assertNotLocked(meeting);
    const item = getItem(meeting, itemId);
    if (itemNotes(ctx, meeting, itemId).trim() || meeting.decisions.some((d) => d.agendaItemId === itemId)) {
      throw new DomainError('conflict', t.errors.itemNotEmpty(item.title));
    }
    const index = meeting.agenda.indexOf(item);
    const previousId = meeting.agenda[index - 1]?.id;
    const wasCurrent = meeting.currentAgendaItemId === itemId;
    meeting.agenda.splice(index, 1);
    if (wasCurrent) delete meeting.currentAgendaItemId;
    touch(meeting, nowIso(ctx));
    const label = t.ux.itemRemoved(item.title);
    const saved = detach(item);
    const undoToken = ctx.trash.push(label, (d) => restoreAgendaItem(ctx, d, meetingId, saved, { index, previousId, wasCurrent }));
    return { undoToken, label };
  });
}

function restoreAgendaItem(ctx: ServiceContext, data: Datastore, meetingId: string, saved: AgendaItem, at: { index: number; previousId?: string; wasCurrent: boolean }): void {
  const meeting = data.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new DomainError('not_found', t.errors.itemRestoreGone(saved.title));
  if (meeting.status === 'validated') throw new DomainError('locked', t.errors.itemRestoreLocked(saved.title));
  if (meeting.agenda.some((i) => i.id === saved.id)) return; // already back (a retried restore)
  const after = at.previousId === undefined ? -1 : meeting.agenda.findIndex((i) => i.id === at.previousId);
  const position = at.previousId === undefined ? 0 : after >= 0 ? after + 1 : Math.min(at.index, meeting.agenda.length);
  meeting.agenda.splice(position, 0, detach(saved));
  if (at.wasCurrent && !meeting.currentAgendaItemId) meeting.currentAgendaItemId = saved.id;
  touch(meeting, nowIso(ctx));
}

/** Sets the full order (drag and drop). The list must contain every item exactly once. */
export async function reorderAgenda(ctx: ServiceContext, meetingId: string, order: string[]): Promise<Meeting> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, meetingId);
    assertNotLocked(meeting);
    const byId = new Map(meeting.agenda.map((i) => [i.id, i]));
    if (order.length !== meeting.agenda.length || new Set(order).size !== order.length || order.some((id) => !byId.has(id))) {
      throw new DomainError('conflict', t.errors.agendaChanged);
    }
    meeting.agenda = order.map((id) => byId.get(id)!);
    touch(meeting, nowIso(ctx));
    return meeting;
  });
}

/** Keyboard reorder: moves one item up (negative) or down (positive). */
export async function moveAgendaItem(ctx: ServiceContext, meetingId: string, itemId: string, delta: number): Promise<Meeting> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, meetingId);
    assertNotLocked(meeting);
    const from = meeting.agenda.findIndex((i) => i.id === itemId);
    if (from < 0) throw new DomainError('not_found', t.errors.itemNotFound);
    const to = Math.max(0, Math.min(meeting.agenda.length - 1, from + delta));
    const [item] = meeting.agenda.splice(from, 1);
    meeting.agenda.splice(to, 0, item);
    touch(meeting, nowIso(ctx));
    return meeting;
  });
}

/** The agenda items a template proposes for a meeting (built from the datastore: axes of the active period). */
export function templateItems(data: Datastore, kind: TemplateKind, hasPrevious: boolean): AgendaItem[] {
  const T = t.templates;
  const items: AgendaItemInput[] = [{ title: T.opening, durationMin: 5, presenter: data.settings.presidentTitle || defaultPresidentTitle(data.settings.councilAcronym) }];
  if (hasPrevious && kind !== 'plenary') items.push({ title: T.followUp, durationMin: 15 });
  if (kind === 'plenary') {
    items.push(
      { title: T.plenaryStats, durationMin: 30, presenter: T.prefectPresenter },
      { title: T.plenaryReview, durationMin: 30, presenter: 'Coordonnateur du CLSPD' },
      { title: T.plenaryStrategy, durationMin: 20 },
      { title: T.plenaryOrientations, durationMin: 20, presenter: data.settings.presidentTitle || defaultPresidentTitle(data.settings.councilAcronym) },
    );
  } else if (kind === 'restricted') {
    const period = data.periods.find((p) => p.id === data.settings.activePeriodId) ?? data.periods.find((p) => p.status === 'active');
    const axes = period ? data.axes.filter((a) => a.periodId === period.id && !a.archived).sort((a, b) => a.order - b.order) : [];
    if (axes.length) items.push({ kind: 'section', title: T.axesSection, durationMin: 0 });
    // An axis title may have the full 300 characters: the item title must still fit in its own 300.
    for (const axis of axes) items.push({ title: clipText(T.axisReview(axis.title), 300), durationMin: 20, axisId: axis.id });
  } else {
    items.push(
      { title: T.situationsReview, durationMin: 40 },
      { title: T.newSituations, durationMin: 30 },
      { title: T.decisions, durationMin: 15 },
    );
  }
  items.push({ title: T.misc, durationMin: 10 }, { title: T.nextMeeting, durationMin: 5 });
  return items.map(makeItem);
}

export function previousMeeting(data: Datastore, meeting: Meeting): Meeting | undefined {
  return data.meetings
    .filter((m) => m.instanceId === meeting.instanceId && m.id !== meeting.id && `${m.date} ${m.startTime}` < `${meeting.date} ${meeting.startTime}`)
    .sort((a, b) => `${b.date} ${b.startTime}`.localeCompare(`${a.date} ${a.startTime}`))[0];
}

export async function applyTemplate(ctx: ServiceContext, meetingId: string, kind: TemplateKind, replace = false): Promise<Meeting> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, meetingId);
    assertNotLocked(meeting);
    if (replace && meeting.agenda.some((i) => itemNotes(ctx, meeting, i.id).trim())) {
      throw new DomainError('conflict', t.errors.agendaHasNotes);
    }
    const items = templateItems(data, kind, previousMeeting(data, meeting) !== undefined);
    meeting.agenda = replace ? items : [...meeting.agenda, ...items];
    touch(meeting, nowIso(ctx));
    return meeting;
  });
}

/** Copies the previous meeting's agenda (titles, durations, presenters, links; not notes nor timers). */
export function copiedAgenda(previous: Meeting): AgendaItem[] {
  return previous.agenda.map((i) => ({
    id: newId('itm'),
    kind: i.kind,
    title: i.title,
    durationMin: i.durationMin,
    linkedActionIds: [...i.linkedActionIds],
    notes: '',
    ...(i.presenter ? { presenter: i.presenter } : {}),
    ...(i.axisId ? { axisId: i.axisId } : {}),
    ...(i.chairNotes ? { chairNotes: i.chairNotes } : {}),
  }));
}

export async function copyPreviousAgenda(ctx: ServiceContext, meetingId: string): Promise<Meeting> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, meetingId);
    assertNotLocked(meeting);
    const prev = previousMeeting(data, meeting);
    if (!prev || !prev.agenda.length) throw new DomainError('not_found', t.errors.nothingToCopy);
    meeting.agenda = [...meeting.agenda, ...copiedAgenda(prev)];
    touch(meeting, nowIso(ctx));
    return meeting;
  });
}
