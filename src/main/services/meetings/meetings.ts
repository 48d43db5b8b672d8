// Meetings: list, detail, creation from a template, edits, confidentiality rule, lifecycle, invitees and attendance.
import type { Deleted } from '../../../shared/contract/directory';
import type { AttendanceInput, AttendanceStatsRow, InviteeRow, MeetingDetail, MeetingInput, MeetingPatch, MeetingRow } from '../../../shared/contract/meetings';
import { common } from '../../../shared/i18n/common';
import { newId } from '../../../shared/ids';
import { meetings as t } from '../../../shared/i18n/meetings';
import { CONFIDENTIALITY_RANK, type Attendance, type Datastore, type Invitee, type Meeting, type MeetingStatus } from '../../../shared/model';
import { clearSecretTexts, meetingSecretTexts } from '../../../shared/confidential-texts';
import { DomainError } from '../../../shared/result';
import { personLabel } from '../../../shared/text';
import { fold } from '../directory';
import { nowIso, type ServiceContext } from '../context';
import { charterState, getInstance, today } from '../instances';
import { agendaSummary, copiedAgenda, makeItem, previousMeeting, templateItems } from './agenda';
import { assertNotLocked, assertTimes, getMeeting, toMinutes, touch } from './common';
import { followUpRows } from './live';
import { detach } from '../../store/transaction';
import { openVault, protects, revealTexts, textsLocked, withTexts, writeTexts } from './texts';

/** Allowed lifecycle moves. `convened → draft` withdraws a convocation; `held → in_progress` resumes a séance. */
export const TRANSITIONS: Record<MeetingStatus, MeetingStatus[]> = {
  draft: ['convened', 'in_progress'],
  convened: ['draft', 'in_progress'],
  in_progress: ['held'],
  held: ['validated', 'in_progress'],
  validated: [],
};

export function listMeetings(
  ctx: ServiceContext,
  input?: { instanceId?: string; status?: MeetingStatus; from?: string; to?: string; query?: string },
): MeetingRow[] {
  const data = ctx.store.data;
  const instances = new Map(data.instances.map((i) => [i.id, i]));
  const q = input?.query ? fold(input.query.trim()) : '';
  return data.meetings
    .filter((m) => (!input?.instanceId || m.instanceId === input.instanceId) && (!input?.status || m.status === input.status))
    .filter((m) => (!input?.from || m.date >= input.from) && (!input?.to || m.date <= input.to))
    .filter((m) => !q || fold(`${m.title} ${instances.get(m.instanceId)?.name ?? ''} ${m.place ?? ''}`).includes(q))
    .map((m) => {
      const ins = instances.get(m.instanceId);
      return {
        id: m.id,
        title: m.title,
        instanceId: m.instanceId,
        instanceName: ins?.name ?? '—',
        instanceKind: ins?.kind ?? 'working_group',
        date: m.date,
        startTime: m.startTime,
        ...(m.plannedEndTime ? { plannedEndTime: m.plannedEndTime } : {}),
        ...(m.place ? { place: m.place } : {}),
        status: m.status,
        confidentiality: m.confidentiality,
        agendaItems: m.agenda.filter((i) => i.kind === 'item').length,
        decisions: m.decisions.length,
      };
    })
    .sort((a, b) => `${b.date} ${b.startTime}`.localeCompare(`${a.date} ${a.startTime}`));
}

export function inviteeRows(data: Datastore, meeting: Meeting): InviteeRow[] {
  const instance = data.instances.find((i) => i.id === meeting.instanceId);
  const attendance = new Map(meeting.attendance.map((a) => [a.inviteeId, a]));
  const orgs = new Map(data.organisations.map((o) => [o.id, o]));
  const rank = (orgId?: string) => data.categories.find((c) => c.id === orgs.get(orgId ?? '')?.categoryId)?.protocolRank ?? 999;
  return meeting.invitees
    .map((inv) => {
      const person = inv.personId ? data.people.find((p) => p.id === inv.personId) : undefined;
      const orgId = inv.organisationId ?? person?.organisationId;
      const mship = person ? data.memberships.find((m) => m.instanceId === meeting.instanceId && m.personId === person.id && m.startDate <= meeting.date && (!m.endDate || m.endDate >= meeting.date)) : undefined;
      const charter = instance && mship ? charterState(instance, mship) : { missing: false };
      return {
        invitee: inv,
        name: person ? personLabel(person) : (inv.guestName ?? (orgId ? (orgs.get(orgId)?.name ?? '—') : '—')),
        organisationName: orgId ? (orgs.get(orgId)?.name ?? '—') : (inv.guestOrganisation ?? ''),
        ...(person?.jobTitle || inv.guestJobTitle ? { jobTitle: person?.jobTitle ?? inv.guestJobTitle } : {}),
        guest: !inv.personId && !inv.organisationId,
        attendance: attendance.get(inv.id) ?? { inviteeId: inv.id, status: 'unknown' as const },
        charterMissing: meeting.confidentiality === 'confidential' && (!mship || charter.missing),
      };
    })
    .sort((a, b) => rank(a.invitee.organisationId) - rank(b.invitee.organisationId) || a.organisationName.localeCompare(b.organisationName, 'fr') || a.name.localeCompare(b.name, 'fr'));
}

export function meetingDetail(ctx: ServiceContext, id: string): MeetingDetail {
  const data = ctx.store.data;
  const meeting = getMeeting(data, id);
  const instance = getInstance(data, meeting.instanceId);
  return {
    meeting: withTexts(ctx, meeting),
    ...(textsLocked(ctx, meeting) ? { textsLocked: true } : {}),
    instance,
    invitees: inviteeRows(data, meeting),
    summary: agendaSummary(meeting),
    followUp: revealTexts(ctx, followUpRows(data, meeting)),
    ...(previousMeeting(data, meeting) ? { previousMeetingId: previousMeeting(data, meeting)!.id } : {}),
    transitions: TRANSITIONS[meeting.status],
    locked: meeting.status === 'validated',
  };
}

/** The instance's current members as invitees (one row per person). */
function defaultInvitees(data: Datastore, instanceId: string, date: string, today: string): Invitee[] {
  const seen = new Set<string>();
  const out: Invitee[] = [];
  // Members on the meeting's date; for a meeting entered after the fact, today's members count too.
  const ref = date > today ? date : today;
  const members = data.memberships.filter((m) => m.instanceId === instanceId && m.startDate <= ref && (!m.endDate || m.endDate >= date));
  for (const m of members) {
    if (seen.has(m.personId)) continue;
    seen.add(m.personId);
    out.push({ id: newId('inv'), personId: m.personId, organisationId: m.organisationId });
  }
  return out;
}

function assertConfidentiality(data: Datastore, meeting: Pick<Meeting, 'instanceId' | 'confidentiality' | 'status'>, next: Meeting['confidentiality']): void {
  const instance = getInstance(data, meeting.instanceId);
  if (CONFIDENTIALITY_RANK[next] < CONFIDENTIALITY_RANK[instance.confidentiality]) {
    throw new DomainError('invalid_input', t.errors.confidentialityBelowInstance(common.confidentiality[instance.confidentiality]), 'confidentiality');
  }
  if (CONFIDENTIALITY_RANK[next] < CONFIDENTIALITY_RANK[meeting.confidentiality] && meeting.status !== 'draft' && meeting.status !== 'convened') {
    throw new DomainError('invalid_input', t.errors.confidentialityLoweredAfterStart, 'confidentiality');
  }
}

export async function createMeeting(ctx: ServiceContext, input: MeetingInput): Promise<MeetingDetail> {
  const created = await ctx.store.update((data) => {
    const instance = getInstance(data, input.instanceId);
    if (instance.status === 'closed') throw new DomainError('conflict', t.errors.instanceClosed(instance.name));
    assertTimes(input.startTime, input.plannedEndTime);
    const confidentiality = input.confidentiality ?? instance.confidentiality;
    if (CONFIDENTIALITY_RANK[confidentiality] < CONFIDENTIALITY_RANK[instance.confidentiality]) {
      throw new DomainError('invalid_input', t.errors.confidentialityBelowInstance(common.confidentiality[instance.confidentiality]), 'confidentiality');
    }
    const at = nowIso(ctx);
    const meeting: Meeting = {
      id: newId('mtg'),
      instanceId: instance.id,
      title: input.title.trim(),
      date: input.date,
      startTime: input.startTime,
      ...(input.plannedEndTime ? { plannedEndTime: input.plannedEndTime } : {}),
      ...(input.place ? { place: input.place } : {}),
      ...(input.visioUrl ? { visioUrl: input.visioUrl } : {}),
      confidentiality,
      status: 'draft',
      agenda: [],
      invitees: defaultInvitees(data, instance.id, input.date, today(ctx)),
      attendance: [],
      decisions: [],
      generalNotes: '',
      createdAt: at,
      updatedAt: at,
    };
    const prev = previousMeeting(data, meeting);
    const template = input.template ?? 'none';
    if (template === 'copy_previous') {
      if (!prev || !prev.agenda.length) throw new DomainError('not_found', t.errors.nothingToCopy);
      meeting.agenda = copiedAgenda(prev);
      // Every meeting reviews what the previous ones decided: make sure the copy has that item.
      if (!meeting.agenda.some((i) => i.title === t.templates.followUp)) {
        meeting.agenda.splice(meeting.agenda[0]?.title === t.templates.opening ? 1 : 0, 0, makeItem({ title: t.templates.followUp, durationMin: 15 }));
      }
    } else if (template !== 'none') {
      meeting.agenda = templateItems(data, template, prev !== undefined);
    }
    data.meetings.push(meeting);
    return meeting;
  });
  return meetingDetail(ctx, created.id);
}

/** The refusals of a meeting change (locked, times, confidentiality, next meeting before this one). */
function assertPatchAllowed(data: Datastore, meeting: Meeting, patch: MeetingPatch): void {
  assertNotLocked(meeting);
  const startTime = patch.startTime ?? meeting.startTime;
  const end = patch.plannedEndTime === '' ? undefined : (patch.plannedEndTime ?? meeting.plannedEndTime);
  assertTimes(startTime, end);
  if (patch.confidentiality) assertConfidentiality(data, meeting, patch.confidentiality);
  if (patch.nextMeetingDate && patch.nextMeetingDate < (patch.date ?? meeting.date)) {
    throw new DomainError('invalid_input', t.errors.nextMeetingBefore, 'nextMeetingDate');
  }
}

export async function updateMeeting(ctx: ServiceContext, id: string, patch: MeetingPatch): Promise<Meeting> {
  const before = getMeeting(ctx.store.data, id);
  // Every refusal comes before the protected store is written: a refused change must leave both stores as they were.
  assertPatchAllowed(ctx.store.data, before, patch);
  const wasSecret = protects(ctx, before);
  const willBeSecret = protects(ctx, { confidentiality: patch.confidentiality ?? before.confidentiality });
  // The vault is needed only when texts move or change: a new place or time does not ask to unlock.
  if ((willBeSecret && patch.generalNotes !== undefined) || wasSecret !== willBeSecret) {
    assertNotLocked(before);
    openVault(ctx);
  }
  // Becoming confidential: the texts already written move into the protected store first.
  if (willBeSecret && !wasSecret) {
    const moved = meetingSecretTexts(before);
    await writeTexts(ctx, before, (t) => {
      t.generalNotes = moved.generalNotes;
      Object.assign(t.agendaNotes, moved.agendaNotes);
      Object.assign(t.decisionTexts, moved.decisionTexts);
    });
  }
  const clear = wasSecret && !willBeSecret ? withTexts(ctx, before) : undefined;
  if (willBeSecret && patch.generalNotes !== undefined) {
    const notes = patch.generalNotes;
    await writeTexts(ctx, before, (t) => void (t.generalNotes = notes));
    patch = { ...patch, generalNotes: undefined };
  }
  const updated = await ctx.store.update((data) => {
    const meeting = getMeeting(data, id);
    assertPatchAllowed(data, meeting, patch);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      if (v === '' && k !== 'generalNotes') delete (meeting as Record<string, unknown>)[k];
      else (meeting as Record<string, unknown>)[k] = typeof v === 'string' && k !== 'generalNotes' ? v.trim() : v;
    }
    if (willBeSecret && !wasSecret) {
      clearSecretTexts(meeting, '');
    } else if (clear) {
      // No longer confidential (possible before the séance only): the texts come back in clear.
      meeting.generalNotes = patch.generalNotes ?? clear.generalNotes;
      for (const i of meeting.agenda) i.notes = clear.agenda.find((x) => x.id === i.id)?.notes ?? i.notes;
      for (const d of meeting.decisions) d.text = clear.decisions.find((x) => x.id === d.id)?.text ?? d.text;
    }
    touch(meeting, nowIso(ctx));
    return meeting;
  });
  if (clear) await openVault(ctx).update((d) => void (d.meetingTexts = d.meetingTexts.filter((m) => m.meetingId !== id)));
  return withTexts(ctx, updated);
}

export async function deleteMeeting(ctx: ServiceContext, id: string): Promise<Deleted> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, id);
    if (meeting.status === 'held' || meeting.status === 'validated' || meeting.decisions.length) throw new DomainError('conflict', t.errors.deleteHeld);
    const index = data.meetings.indexOf(meeting);
    data.meetings.splice(index, 1);
    const label = t.removed.meeting(meeting.title);
    const saved = detach(meeting);
    const undoToken = ctx.trash.push(label, (d) => {
      if (!d.meetings.some((m) => m.id === saved.id)) d.meetings.splice(Math.min(index, d.meetings.length), 0, saved);
    });
    return { undoToken, label };
  });
}

/** Moves a meeting through its lifecycle. Ending stops running timers; validating locks the minutes. */
export async function transitionMeeting(ctx: ServiceContext, id: string, to: MeetingStatus, nextMeetingDate?: string): Promise<Meeting> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, id);
    if (!TRANSITIONS[meeting.status].includes(to)) {
      if (meeting.status === 'validated') throw new DomainError('locked', t.errors.locked);
      throw new DomainError('conflict', t.errors.transition(common.meetingStatus[meeting.status], common.meetingStatus[to]));
    }
    if (nextMeetingDate && nextMeetingDate < meeting.date) {
      throw new DomainError('invalid_input', t.errors.nextMeetingBefore, 'nextMeetingDate');
    }
    const at = nowIso(ctx);
    if (to === 'in_progress' && !meeting.currentAgendaItemId) {
      const first = meeting.agenda.find((i) => i.kind === 'item');
      if (first) meeting.currentAgendaItemId = first.id;
    }
    if (to === 'held') {
      for (const item of meeting.agenda) {
        if (item.startedAt) {
          item.elapsedSec = (item.elapsedSec ?? 0) + Math.max(0, Math.round((ctx.now().getTime() - Date.parse(item.startedAt)) / 1000));
          delete item.startedAt;
        }
      }
      meeting.heldAt = at;
    }
    if (to === 'validated') meeting.validatedAt = at;
    if (nextMeetingDate) meeting.nextMeetingDate = nextMeetingDate;
    meeting.status = to;
    touch(meeting, at);
    return meeting;
  });
}

// ---------- invitees and attendance ----------

export async function addInvitee(
  ctx: ServiceContext,
  input: { meetingId: string; personId?: string; organisationId?: string; guest?: { guestName: string; guestOrganisation?: string; guestJobTitle?: string; guestEmail?: string }; present?: boolean; arrivedAt?: string },
): Promise<Meeting> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, input.meetingId);
    assertNotLocked(meeting);
    let invitee: Invitee;
    if (input.personId) {
      const person = data.people.find((p) => p.id === input.personId);
      if (!person) throw new DomainError('not_found', t.errors.personUnknown, 'personId');
      if (meeting.invitees.some((i) => i.personId === person.id)) throw new DomainError('conflict', t.errors.alreadyInvited, 'personId');
      invitee = { id: newId('inv'), personId: person.id, organisationId: person.organisationId };
    } else if (input.guest) {
      invitee = { id: newId('inv') };
      for (const [k, v] of Object.entries(input.guest)) if (v) (invitee as Record<string, unknown>)[k] = v;
    } else if (input.organisationId) {
      if (!data.organisations.some((o) => o.id === input.organisationId)) throw new DomainError('not_found', t.errors.organisationUnknown, 'organisationId');
      invitee = { id: newId('inv'), organisationId: input.organisationId };
    } else {
      throw new DomainError('invalid_input', t.errors.guestOrPerson);
    }
    meeting.invitees.push(invitee);
    if (input.present) {
      meeting.attendance.push({ inviteeId: invitee.id, status: 'present', ...(input.arrivedAt ? { arrivedAt: input.arrivedAt } : {}) });
    }
    touch(meeting, nowIso(ctx));
    return meeting;
  });
}

export async function removeInvitee(ctx: ServiceContext, meetingId: string, inviteeId: string): Promise<Meeting> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, meetingId);
    assertNotLocked(meeting);
    if (!meeting.invitees.some((i) => i.id === inviteeId)) throw new DomainError('not_found', t.errors.inviteeNotFound);
    const att = meeting.attendance.find((a) => a.inviteeId === inviteeId);
    if (att && att.status !== 'unknown') throw new DomainError('conflict', t.errors.inviteeHasAttendance);
    meeting.invitees = meeting.invitees.filter((i) => i.id !== inviteeId);
    meeting.attendance = meeting.attendance.filter((a) => a.inviteeId !== inviteeId);
    touch(meeting, nowIso(ctx));
    return meeting;
  });
}

/** Re-adds the instance's current members who are not invited yet (variable geometry keeps guests). */
export async function resetInvitees(ctx: ServiceContext, meetingId: string): Promise<Meeting> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, meetingId);
    assertNotLocked(meeting);
    for (const inv of defaultInvitees(data, meeting.instanceId, meeting.date, today(ctx))) {
      if (!meeting.invitees.some((i) => i.personId === inv.personId)) meeting.invitees.push(inv);
    }
    touch(meeting, nowIso(ctx));
    return meeting;
  });
}

export async function setAttendance(ctx: ServiceContext, input: AttendanceInput): Promise<Attendance> {
  return ctx.store.update((data) => {
    const meeting = getMeeting(data, input.meetingId);
    assertNotLocked(meeting);
    if (!meeting.invitees.some((i) => i.id === input.inviteeId)) throw new DomainError('not_found', t.errors.inviteeNotFound);
    const prev = meeting.attendance.find((a) => a.inviteeId === input.inviteeId) ?? { inviteeId: input.inviteeId, status: 'unknown' as const };
    const next: Attendance = { ...prev };
    if (input.status) next.status = input.status;
    for (const k of ['representedByPersonId', 'representedByName', 'arrivedAt', 'leftAt'] as const) {
      const v = input[k];
      if (v === undefined) continue;
      if (v === '') delete next[k];
      else next[k] = v;
    }
    if (next.status === 'represented') {
      if (next.representedByPersonId && !data.people.some((p) => p.id === next.representedByPersonId)) {
        throw new DomainError('invalid_input', t.errors.representativeUnknown, 'representedByPersonId');
      }
      if (!next.representedByPersonId && !next.representedByName?.trim()) {
        throw new DomainError('invalid_input', t.errors.representativeRequired, 'representedByName');
      }
    } else {
      delete next.representedByPersonId;
      delete next.representedByName;
    }
    if (next.status !== 'present' && next.status !== 'represented') {
      delete next.arrivedAt;
      delete next.leftAt;
    }
    if (next.arrivedAt && next.leftAt && toMinutes(next.leftAt) < toMinutes(next.arrivedAt)) {
      throw new DomainError('invalid_input', t.errors.leftBeforeArrived, 'leftAt');
    }
    const i = meeting.attendance.findIndex((a) => a.inviteeId === input.inviteeId);
    if (i >= 0) meeting.attendance[i] = next;
    else meeting.attendance.push(next);
    touch(meeting, nowIso(ctx));
    return next;
  });
}

/** Attendance per institution over a year, for meetings that were held (held or validated). */
export function attendanceStats(ctx: ServiceContext, year: number, instanceId?: string): AttendanceStatsRow[] {
  const data = ctx.store.data;
  const rows = new Map<string, AttendanceStatsRow>();
  const orgs = new Map(data.organisations.map((o) => [o.id, o]));
  for (const m of data.meetings) {
    if (!m.date.startsWith(`${year}-`) || (m.status !== 'held' && m.status !== 'validated')) continue;
    if (instanceId && m.instanceId !== instanceId) continue;
    const att = new Map(m.attendance.map((a) => [a.inviteeId, a.status]));
    // One count per institution and meeting: an institution is present when any of its invitees is.
    const perOrg = new Map<string, Attendance['status']>();
    const best: Attendance['status'][] = ['present', 'represented', 'excused', 'absent', 'unknown'];
    for (const inv of m.invitees) {
      const orgId = inv.organisationId ?? (inv.personId ? data.people.find((p) => p.id === inv.personId)?.organisationId : undefined);
      if (!orgId) continue;
      const s = att.get(inv.id) ?? 'unknown';
      const cur = perOrg.get(orgId);
      if (!cur || best.indexOf(s) < best.indexOf(cur)) perOrg.set(orgId, s);
    }
    for (const [orgId, s] of perOrg) {
      let r = rows.get(orgId);
      if (!r) {
        r = { organisationId: orgId, organisationName: orgs.get(orgId)?.name ?? t.removed.organisation, invited: 0, present: 0, represented: 0, excused: 0, absent: 0, unknown: 0, rate: 0 };
        rows.set(orgId, r);
      }
      r.invited++;
      r[s]++;
    }
  }
  for (const r of rows.values()) r.rate = r.invited ? Math.round(((r.present + r.represented) / r.invited) * 100) : 0;
  return [...rows.values()].sort((a, b) => b.rate - a.rate || a.organisationName.localeCompare(b.organisationName, 'fr'));
}

export { today };
