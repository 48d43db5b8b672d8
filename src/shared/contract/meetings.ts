// IPC channels of the meetings domain: instances, memberships, meetings, agenda, attendance, live mode, decisions.
import { z } from '../validation';
import { CalendarDate as isoDate, ClearableDate, ClearableTime, ClockTime as clock, EmailInput, Id as id, longText, optText, Progress, requiredText, Year } from '../fields';
import { meetings as t } from '../i18n/meetings';
import {
  ActionStatus,
  AttendanceStatus,
  Confidentiality,
  InstanceKind,
  MemberRole,
  MeetingStatus,
  type Action,
  type Attendance,
  type Decision,
  type Instance,
  type Invitee,
  type Meeting,
  type Membership,
  type PurgeEntry,
} from '../model';
import { channel } from './define';
import type { Deleted } from './directory';


// ---------- instances ----------
export const InstanceInput = z.object({
  name: requiredText(t.errors.instanceNameRequired),
  kind: InstanceKind,
  theme: optText(),
  territory: optText(),
  confidentiality: Confidentiality,
  purpose: optText(20_000),
  cadence: optText(),
});
export type InstanceInput = z.infer<typeof InstanceInput>;

export const QuickCellInput = z.object({
  theme: requiredText(t.errors.cellThemeRequired),
  name: optText(),
  territory: optText(),
  confidentiality: Confidentiality.optional(),
  /** People joining as members (their institution comes from the directory). */
  personIds: z.array(id).max(60),
  /** Institutions joining without a named person yet: their first contact is used when one exists. */
  organisationIds: z.array(id).max(60).optional(),
  startDate: isoDate.optional(),
  /** Date the members signed the charter, when it was signed at creation. */
  charterSignedAt: isoDate.optional(),
});
export type QuickCellInput = z.infer<typeof QuickCellInput>;

export const MembershipInput = z.object({
  instanceId: id,
  personId: requiredText(t.errors.memberPersonRequired, 64),
  role: MemberRole,
  seat: z.enum(['titular', 'substitute']),
  titularMembershipId: id.optional(),
  startDate: isoDate,
  endDate: isoDate.optional(),
  charterSignedAt: isoDate.optional(),
});
export type MembershipInput = z.infer<typeof MembershipInput>;

export interface MemberRow {
  membership: Membership;
  personName: string;
  jobTitle?: string;
  organisationId: string;
  organisationName: string;
  /** Current at the reference date. */
  current: boolean;
  /** Confidential group and no charter signature (the charter is signed once, never renewed). */
  charterMissing: boolean;
  /** For a substitute: the titular's name; for a titular: their substitutes' names. */
  linkedNames: string[];
}

export interface InstanceRow extends Instance {
  currentMembers: number;
  unsignedMembers: number;
  lastMeetingDate?: string;
  nextMeetingDate?: string;
  meetingsCount: number;
}

export interface InstanceDetail {
  instance: Instance;
  /** Current members grouped by institution, in protocol order. */
  byOrganisation: { organisationId: string; organisationName: string; members: MemberRow[] }[];
  /** Every membership, current and past, newest first. */
  history: MemberRow[];
  meetings: { id: string; title: string; date: string; status: Meeting['status'] }[];
  followedActions: { id: string; code: string; title: string; status: Action['status'] }[];
}

// ---------- meetings ----------
export const MeetingInput = z.object({
  instanceId: requiredText(t.errors.meetingInstanceRequired, 64),
  title: requiredText(t.errors.meetingTitleRequired),
  date: isoDate,
  startTime: clock,
  plannedEndTime: clock.optional(),
  place: optText(),
  visioUrl: optText(),
  confidentiality: Confidentiality.optional(),
  template: z.enum(['none', 'plenary', 'restricted', 'working_group', 'copy_previous']).optional(),
});
export type MeetingInput = z.infer<typeof MeetingInput>;

export const MeetingPatch = z.object({
  title: requiredText(t.errors.meetingTitleRequired).optional(),
  date: isoDate.optional(),
  startTime: clock.optional(),
  plannedEndTime: ClearableTime,
  place: optText(),
  visioUrl: optText(),
  confidentiality: Confidentiality.optional(),
  generalNotes: longText().optional(),
  nextMeetingDate: ClearableDate,
});
export type MeetingPatch = z.infer<typeof MeetingPatch>;

export const AgendaItemInput = z.object({
  kind: z.enum(['section', 'item']).default('item'),
  title: requiredText(t.errors.itemTitleRequired),
  durationMin: z.number().int().min(0).max(600).default(10),
  presenter: optText(),
  linkedActionIds: z.array(id).max(100).default([]),
  axisId: id.optional(),
  chairNotes: optText(20_000),
});
export type AgendaItemInput = z.input<typeof AgendaItemInput>;

export const GuestInput = z.object({
  guestName: requiredText(t.errors.guestNameRequired),
  guestOrganisation: optText(),
  guestJobTitle: optText(),
  guestEmail: EmailInput,
});

export const AttendanceInput = z.object({
  meetingId: id,
  inviteeId: id,
  status: AttendanceStatus.optional(),
  representedByPersonId: z.union([id, z.literal('')]).optional(),
  representedByName: optText(),
  arrivedAt: ClearableTime,
  leftAt: ClearableTime,
});
export type AttendanceInput = z.infer<typeof AttendanceInput>;

export const CaptureInput = z.object({
  meetingId: id,
  agendaItemId: id.optional(),
  kind: z.enum(['decision', 'action']),
  text: requiredText(t.errors.captureTextRequired, 2_000),
  situationRef: optText(40),
  /** Action: pilot, due date and objective (absent objective = « à classer » inbox). */
  pilotOrganisationId: id.optional(),
  dueDate: isoDate.optional(),
  objectiveId: id.optional(),
  /** Decision about an existing plan action: the action and its new status / progress. */
  actionId: id.optional(),
  actionStatus: ActionStatus.optional(),
  progress: Progress.optional(),
});
export type CaptureInput = z.infer<typeof CaptureInput>;

export const FollowUpInput = z.object({
  meetingId: id,
  decisionId: id,
  status: z.enum(['open', 'done', 'cancelled']).optional(),
  actionStatus: ActionStatus.optional(),
  progress: Progress.optional(),
  comment: optText(2_000),
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;

export const DecisionLogQuery = z
  .object({
    query: optText(),
    instanceId: id.optional(),
    axisId: id.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    actionStatus: ActionStatus.optional(),
    status: z.enum(['open', 'done', 'cancelled']).optional(),
    limit: z.number().int().min(1).max(5000).optional(),
  })
  .optional();
export type DecisionLogQuery = z.infer<typeof DecisionLogQuery>;

export interface MeetingRow {
  id: string;
  title: string;
  instanceId: string;
  instanceName: string;
  instanceKind: Instance['kind'];
  date: string;
  startTime: string;
  plannedEndTime?: string;
  place?: string;
  status: Meeting['status'];
  confidentiality: Meeting['confidentiality'];
  agendaItems: number;
  decisions: number;
}

export interface InviteeRow {
  invitee: Invitee;
  name: string;
  organisationName: string;
  jobTitle?: string;
  guest: boolean;
  attendance: Attendance;
  /** Confidential meeting and the person has not signed the charter of the instance. */
  charterMissing: boolean;
}

export interface AgendaSummary {
  totalMin: number;
  /** Minutes between start and planned end, when a planned end is set. */
  plannedMin?: number;
  /** Positive when the agenda runs past the planned end. */
  overrunMin?: number;
  /** Clock time the agenda ends at when started on time. */
  endsAt: string;
}

export interface FollowUpRow {
  decision: Decision;
  meetingId: string;
  meetingTitle: string;
  meetingDate: string;
  action?: { id: string; code: string; title: string; status: Action['status']; progress: number };
  pilotName?: string;
}

export interface MeetingDetail {
  meeting: Meeting;
  instance: Instance;
  invitees: InviteeRow[];
  summary: AgendaSummary;
  /** Open decisions and actions of this instance's previous meetings. */
  followUp: FollowUpRow[];
  previousMeetingId?: string;
  /** Allowed next statuses. */
  transitions: Meeting['status'][];
  locked: boolean;
  /** Confidential meeting whose notes and decision texts are in the locked protected store (shown empty). */
  textsLocked?: boolean;
  /**
   * Team mode, coordinator's desktop: texts of a meeting made public that the server refused when they were given back;
   * they are shown from the coffre and sent again at the next opening.
   */
  textsToGiveBack?: number;
}

/** A meeting deleted for good (held or validated ones included). */
export interface MeetingDeletedFinal {
  label: string;
  /** The line added to the registre des purges (kind, count, rule; never content). */
  purge: PurgeEntry;
}

export const CharterReviewInput = z
  .object({
    instanceId: id,
    year: Year,
    reviewedOn: isoDate,
    meetingId: id.optional(),
    summary: longText(20_000),
  })
  .strict();
export type CharterReviewInput = z.infer<typeof CharterReviewInput>;

export interface DecisionLogRow {
  decision: Decision;
  meetingId: string;
  meetingTitle: string;
  meetingDate: string;
  instanceId: string;
  instanceName: string;
  confidentiality: Meeting['confidentiality'];
  axisId?: string;
  action?: { id: string; code: string; title: string; status: Action['status'] };
  pilotName?: string;
  /** Meeting whose « Suivi des décisions » closed it; no id (and « Réunion supprimée ») once that meeting was deleted. */
  closedIn?: { meetingId?: string; title: string };
}

export interface AttendanceStatsRow {
  organisationId: string;
  organisationName: string;
  invited: number;
  present: number;
  represented: number;
  excused: number;
  absent: number;
  unknown: number;
  /** (present + represented) / invited, 0–100. */
  rate: number;
}

export interface NotesSaved {
  savedAt: string;
  /** Team mode without a connection: kept on this computer, sent when the connection returns. */
  queued?: boolean;
}

export interface CaptureResult {
  decision: Decision;
  action?: Action;
}

const IdInput = z.object({ id });
const MeetingIdInput = z.object({ meetingId: id });

// ---------- archived meetings (closed strategy periods, read-only) ----------
export interface ArchivedMeetingRow {
  periodId: string;
  periodTitle: string;
  id: string;
  title: string;
  date: string;
  startTime: string;
  instanceName: string;
  status: MeetingStatus;
  confidentiality: Confidentiality;
  items: number;
  decisions: number;
}
export interface ArchivedMeetingDetail {
  periodId: string;
  periodTitle: string;
  instanceName: string;
  meeting: Meeting;
  /** Invitees with their attendance, names resolved from today's directory. */
  invitees: InviteeRow[];
  /** Plan organisations that pilot the meeting's actions, by id (for the decisions list). */
  pilots: Record<string, string>;
  /** Names of the directory people who represented an invitee, by person id. */
  representatives: Record<string, string>;
}
export const ArchivedMeetingsQuery = z
  .object({ query: optText(200), periodId: id.optional(), limit: z.number().int().min(1).max(5000).optional() })
  .strict()
  .optional();

export const meetingsContract = {
  // instances
  'instances:list': channel<InstanceRow[]>()(
    z.object({ query: optText(), includeClosed: z.boolean().optional() }).optional(),
  ),
  'instances:get': channel<InstanceDetail>()(z.object({ id, date: isoDate.optional() })),
  'instances:create': channel<Instance>()(InstanceInput),
  'instances:quickCell': channel<InstanceDetail>()(QuickCellInput),
  'instances:update': channel<Instance>()(z.object({ id, patch: InstanceInput.partial() })),
  'instances:close': channel<Instance>()(
    z.object({ id, closedAt: isoDate, reason: requiredText(t.errors.closeReasonRequired) }),
  ),
  'instances:reopen': channel<Instance>()(IdInput),
  'instances:saveRules': channel<Instance>()(z.object({ instanceId: id, text: longText() }).strict()),
  'instances:saveCharterReview': channel<Instance>()(CharterReviewInput),
  'instances:deleteCharterReview': channel<Deleted>()(z.object({ instanceId: id, reviewId: id }).strict()),
  'memberships:add': channel<Membership>()(MembershipInput),
  'memberships:update': channel<Membership>()(
    z.object({ id, patch: MembershipInput.omit({ instanceId: true, personId: true }).partial().extend({ endDate: ClearableDate, charterSignedAt: ClearableDate }) }),
  ),
  'memberships:end': channel<Membership>()(z.object({ id, endDate: isoDate })),
  'memberships:remove': channel<Deleted>()(IdInput),
  // meetings
  'meetings:list': channel<MeetingRow[]>()(
    z
      .object({
        instanceId: id.optional(),
        status: MeetingStatus.optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        query: optText(),
      })
      .optional(),
  ),
  'meetings:get': channel<MeetingDetail>()(IdInput),
  'meetings:create': channel<MeetingDetail>()(MeetingInput),
  'meetings:update': channel<Meeting>()(z.object({ id, patch: MeetingPatch })),
  'meetings:delete': channel<Deleted>()(IdInput),
  /** Final deletion of any meeting (held ones included), with a line in the registre des purges; no undo. */
  'meetings:deleteFinal': channel<MeetingDeletedFinal>()(z.object({ id, confirm: z.literal(true) }).strict()),
  'meetings:transition': channel<Meeting>()(
    z.object({ id, to: MeetingStatus, nextMeetingDate: isoDate.optional() }),
  ),
  // agenda
  'meetings:addAgendaItem': channel<Meeting>()(
    z.object({ meetingId: id, item: AgendaItemInput, afterId: id.optional() }),
  ),
  'meetings:updateAgendaItem': channel<Meeting>()(
    z.object({ meetingId: id, agendaItemId: id, patch: AgendaItemInput.partial() }),
  ),
  /** Removes an empty point; `undo:restore` puts it back at its place. */
  'meetings:deleteAgendaItem': channel<Deleted>()(z.object({ meetingId: id, agendaItemId: id })),
  'meetings:reorderAgenda': channel<Meeting>()(z.object({ meetingId: id, order: z.array(id).max(500) })),
  'meetings:moveAgendaItem': channel<Meeting>()(z.object({ meetingId: id, agendaItemId: id, delta: z.number().int().min(-500).max(500) })),
  'meetings:applyTemplate': channel<Meeting>()(
    z.object({ meetingId: id, template: z.enum(['plenary', 'restricted', 'working_group']), replace: z.boolean().optional() }),
  ),
  'meetings:copyPrevious': channel<Meeting>()(MeetingIdInput),
  // invitees and attendance
  'meetings:addInvitee': channel<Meeting>()(
    z.object({ meetingId: id, personId: id.optional(), organisationId: id.optional(), guest: GuestInput.optional(), present: z.boolean().optional(), arrivedAt: clock.optional() }),
  ),
  'meetings:removeInvitee': channel<Meeting>()(z.object({ meetingId: id, inviteeId: id })),
  'meetings:resetInvitees': channel<Meeting>()(MeetingIdInput),
  'meetings:setAttendance': channel<Attendance>()(AttendanceInput),
  'meetings:attendanceStats': channel<AttendanceStatsRow[]>()(z.object({ year: Year, instanceId: id.optional() })),
  // live mode
  'meetings:saveNotes': channel<NotesSaved>()(
    z.object({ meetingId: id, agendaItemId: id.optional(), notes: longText() }),
  ),
  'meetings:setCurrentItem': channel<Meeting>()(z.object({ meetingId: id, agendaItemId: id, startTimer: z.boolean().optional() })),
  'meetings:timer': channel<Meeting>()(z.object({ meetingId: id, agendaItemId: id, action: z.enum(['start', 'stop', 'reset']) })),
  'meetings:capture': channel<CaptureResult>()(CaptureInput),
  'meetings:updateDecision': channel<Decision>()(
    z.object({ meetingId: id, decisionId: id, text: optText(2_000), status: z.enum(['open', 'done', 'cancelled']).optional(), situationRef: optText(40), dueDate: isoDate.optional(), pilotOrganisationId: id.optional() }),
  ),
  'meetings:deleteDecision': channel<Deleted>()(z.object({ meetingId: id, decisionId: id })),
  'meetings:followUp': channel<FollowUpRow[]>()(MeetingIdInput),
  'meetings:updateFollowUp': channel<FollowUpRow>()(FollowUpInput),
  'meetings:nextSituationRef': channel<{ ref: string }>()(z.object({ year: Year.optional() }).optional()),
  'meetings:decisions': channel<DecisionLogRow[]>()(DecisionLogQuery),
  'meetings:archived': channel<ArchivedMeetingRow[]>()(ArchivedMeetingsQuery),
  'meetings:archivedGet': channel<ArchivedMeetingDetail>()(z.object({ periodId: id, id }).strict()),
} as const;
