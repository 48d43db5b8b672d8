// The datastore model as zod schemas: the single source of truth for stored data and its TypeScript types.
import { z } from './validation';
import { ClockTime, Colour, Id, IsoDate, IsoDateTime, ListCode, LongText, ShortText, RequiredShortText, Year } from './fields';

/** Version of the datastore format written by this build. Bump it with a migration in store/migrations. */
export const SCHEMA_VERSION = 2;

// ---------- primitives: the basic fields, defined once in fields.ts ----------
export { ClockTime, Id, IsoDate, IsoDateTime, ListCode, LongText, ShortText };

export const Confidentiality = z.enum(['public', 'restricted', 'confidential']);
export type Confidentiality = z.infer<typeof Confidentiality>;
export const CONFIDENTIALITY_RANK: Record<Confidentiality, number> = { public: 0, restricted: 1, confidential: 2 };

export const CouncilAcronym = z.enum(['CLSPD', 'CLSPDR', 'CISPD', 'CISPDR']);
export type CouncilAcronym = z.infer<typeof CouncilAcronym>;

// ---------- settings ----------
export const Settings = z.object({
  communeName: ShortText,
  councilAcronym: CouncilAcronym,
  councilName: ShortText,
  presidentName: ShortText,
  presidentTitle: ShortText,
  coordinatorName: ShortText,
  coordinatorEmail: ShortText,
  coordinatorPhone: ShortText,
  address: ShortText,
  logoPath: ShortText.optional(),
  activePeriodId: Id.optional(),
  /** An action with no update for this many months is "non renseignée". */
  staleAfterMonths: z.number().int().min(1).max(24),
  /** True once the first-run flow is finished. */
  configured: z.boolean(),
  demo: z.boolean(),
  /** The protected store locks itself after this many minutes without use (10 when absent). */
  vaultIdleMinutes: z.number().int().min(1).max(240).optional(),
});
export type Settings = z.infer<typeof Settings>;

// ---------- directory ----------
export const Category = z.object({
  id: Id,
  label: RequiredShortText,
  /** Protocol order used for invitee lists (préfet first, then procureur...). */
  protocolRank: z.number().int(),
});
export type Category = z.infer<typeof Category>;

export const Organisation = z.object({
  id: Id,
  name: RequiredShortText,
  shortName: ShortText.optional(),
  categoryId: Id,
  address: ShortText.optional(),
  email: ShortText.optional(),
  phone: ShortText.optional(),
  website: ShortText.optional(),
  notes: LongText.optional(),
  /** Date the head of the institution last changed (new préfet, commissaire, principal...). */
  officeHolderChangedAt: IsoDate.optional(),
  archived: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Organisation = z.infer<typeof Organisation>;

export const Civility = z.enum(['M.', 'Mme', '']);
export const Person = z.object({
  id: Id,
  organisationId: Id,
  civility: Civility,
  firstName: ShortText,
  lastName: RequiredShortText,
  jobTitle: ShortText.optional(),
  email: ShortText.optional(),
  phone: ShortText.optional(),
  /** Date the person left their post; a person who left stays for history. */
  leftAt: IsoDate.optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Person = z.infer<typeof Person>;

// ---------- instances and memberships ----------
export const InstanceKind = z.enum(['plenary', 'restricted', 'working_group', 'cddf', 'gpo']);
export type InstanceKind = z.infer<typeof InstanceKind>;
/** One saved version of a group's règlement intérieur (L132-5): every version is kept with its date. */
export const RulesVersion = z.object({
  id: Id,
  savedAt: IsoDateTime,
  text: LongText.min(1),
});
export type RulesVersion = z.infer<typeof RulesVersion>;
/** The yearly bilan d'application de la charte déontologique of a group (the charter itself is signed once). */
export const CharterReview = z.object({
  id: Id,
  year: Year,
  /** Date the review was held (usually in one of the group's meetings). */
  reviewedOn: IsoDate,
  meetingId: Id.optional(),
  /** What the group noted: how information was exchanged, difficulties, breaches and their follow-up. */
  summary: LongText,
  createdAt: IsoDateTime,
});
export type CharterReview = z.infer<typeof CharterReview>;
export const Instance = z.object({
  id: Id,
  name: RequiredShortText,
  kind: InstanceKind,
  theme: ShortText.optional(),
  territory: ShortText.optional(),
  confidentiality: Confidentiality,
  purpose: LongText.optional(),
  cadence: ShortText.optional(),
  status: z.enum(['active', 'closed']),
  closedAt: IsoDate.optional(),
  closedReason: ShortText.optional(),
  /** Règlement intérieur of the group, every saved version, oldest first (working groups, CDDF). */
  rulesVersions: z.array(RulesVersion).optional(),
  /** Yearly bilans d'application de la charte, one per year. */
  charterReviews: z.array(CharterReview).optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Instance = z.infer<typeof Instance>;

export const MemberRole = z.enum(['ex_officio', 'designated', 'associated', 'qualified']);
export type MemberRole = z.infer<typeof MemberRole>;
export const Membership = z.object({
  id: Id,
  instanceId: Id,
  personId: Id,
  organisationId: Id,
  role: MemberRole,
  seat: z.enum(['titular', 'substitute']),
  /** For a substitute: the titular membership they replace. */
  titularMembershipId: Id.optional(),
  startDate: IsoDate,
  endDate: IsoDate.optional(),
  /** Date the person signed the charte déontologique (confidential groups). */
  charterSignedAt: IsoDate.optional(),
});
export type Membership = z.infer<typeof Membership>;

// ---------- strategy ----------
export const StrategyPeriod = z.object({
  id: Id,
  title: RequiredShortText,
  startYear: Year,
  endYear: Year,
  status: z.enum(['active', 'closed']),
  closedAt: IsoDate.optional(),
  /** File name (in the data folder) holding this period once archived. */
  archiveFile: ShortText.optional(),
});
export type StrategyPeriod = z.infer<typeof StrategyPeriod>;

export const Axis = z.object({
  id: Id,
  periodId: Id,
  order: z.number().int(),
  title: RequiredShortText,
  colour: Colour,
  description: LongText.optional(),
  archived: z.boolean(),
});
export type Axis = z.infer<typeof Axis>;

export const Objective = z.object({
  id: Id,
  axisId: Id,
  order: z.number().int(),
  title: RequiredShortText,
  description: LongText.optional(),
  archived: z.boolean(),
});
export type Objective = z.infer<typeof Objective>;

export const ActionStatus = z.enum(['planned', 'in_progress', 'done', 'postponed', 'abandoned']);
export type ActionStatus = z.infer<typeof ActionStatus>;
export const PartnerRole = z.enum(['associate', 'funder', 'operator', 'other']);
export type PartnerRole = z.infer<typeof PartnerRole>;
export const IndicatorType = z.enum(['output', 'outcome', 'impact']);
export type IndicatorType = z.infer<typeof IndicatorType>;

export const Milestone = z.object({ id: Id, title: RequiredShortText, dueDate: IsoDate, doneAt: IsoDate.optional() });
export type Milestone = z.infer<typeof Milestone>;

export const FundingLine = z.object({
  id: Id,
  /** Funder key (fipdr = FIPD, fipd_prevention, fipd_radicalisation, fipd_securisation, commune, caf, departement, politique_ville, ars, mildeca, other) or free label. */
  funder: RequiredShortText,
  year: z.number().int().optional(),
  requested: z.number().min(0),
  obtained: z.number().min(0),
  spent: z.number().min(0),
});
export type FundingLine = z.infer<typeof FundingLine>;

export const Measurement = z.object({
  id: Id,
  date: IsoDate,
  value: z.number(),
  comment: ShortText.optional(),
});
export type Measurement = z.infer<typeof Measurement>;

export const Indicator = z.object({
  id: Id,
  title: RequiredShortText,
  definition: LongText.optional(),
  unit: ShortText,
  type: IndicatorType,
  baseline: z.number().optional(),
  target: z.number().min(0).optional(),
  targetDate: IsoDate.optional(),
  source: ShortText.optional(),
  frequency: ShortText.optional(),
  responsibleOrganisationId: Id.optional(),
  measurements: z.array(Measurement),
});
export type Indicator = z.infer<typeof Indicator>;

export const JournalEntry = z.object({
  id: Id,
  at: IsoDateTime,
  /** What changed: status, progress, dates, created, update_pack, note... */
  field: ShortText,
  from: ShortText.optional(),
  to: ShortText.optional(),
  comment: LongText.optional(),
  meetingId: Id.optional(),
  /** Set when the meeting `meetingId` was deleted while confidential: its comment stays out of non-confidential documents. */
  deletedMeetingConfidential: z.boolean().optional(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

export const Attachment = z.object({ id: Id, label: RequiredShortText, path: RequiredShortText });

export const Action = z.object({
  id: Id,
  periodId: Id,
  /** Undefined while the action waits in the "à classer" inbox. */
  objectiveId: Id.optional(),
  code: ShortText,
  title: RequiredShortText,
  nationalMeasures: z.array(ShortText),
  context: LongText.optional(),
  description: LongText.optional(),
  modalities: LongText.optional(),
  pilot: z.object({ organisationId: Id.optional(), personId: Id.optional() }),
  partners: z.array(z.object({ organisationId: Id, role: PartnerRole, note: ShortText.optional() })),
  targetPublic: ShortText.optional(),
  territory: ShortText.optional(),
  startDate: IsoDate.optional(),
  endDate: IsoDate.optional(),
  milestones: z.array(Milestone),
  means: LongText.optional(),
  funding: z.array(FundingLine),
  indicators: z.array(Indicator),
  status: ActionStatus,
  progress: z.number().min(0).max(100),
  followingInstanceId: Id.optional(),
  /** Raised level: 'confidential' when the action was decided in a confidential meeting (CSI L132-5). */
  confidentiality: Confidentiality.optional(),
  attachments: z.array(Attachment),
  journal: z.array(JournalEntry),
  /** Last time someone reported on the action (status, progress, measurement, comment). */
  lastUpdateAt: IsoDateTime,
  archived: z.boolean(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Action = z.infer<typeof Action>;

// ---------- meetings ----------
export const MeetingStatus = z.enum(['draft', 'convened', 'in_progress', 'held', 'validated']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const AgendaItem = z.object({
  id: Id,
  /** A section groups the items that follow it. */
  kind: z.enum(['section', 'item']),
  title: RequiredShortText,
  durationMin: z.number().int().min(0).max(600),
  presenter: ShortText.optional(),
  linkedActionIds: z.array(Id),
  axisId: Id.optional(),
  chairNotes: LongText.optional(),
  /** Notes taken during the meeting for this item. */
  notes: LongText,
  startedAt: IsoDateTime.optional(),
  elapsedSec: z.number().int().min(0).optional(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Invitee = z.object({
  id: Id,
  personId: Id.optional(),
  organisationId: Id.optional(),
  /** A guest from outside the directory. */
  guestName: ShortText.optional(),
  guestOrganisation: ShortText.optional(),
  guestJobTitle: ShortText.optional(),
  guestEmail: ShortText.optional(),
});
export type Invitee = z.infer<typeof Invitee>;

export const AttendanceStatus = z.enum(['unknown', 'present', 'excused', 'absent', 'represented']);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;
export const Attendance = z.object({
  inviteeId: Id,
  status: AttendanceStatus,
  representedByPersonId: Id.optional(),
  representedByName: ShortText.optional(),
  arrivedAt: ClockTime.optional(),
  leftAt: ClockTime.optional(),
});
export type Attendance = z.infer<typeof Attendance>;

export const Decision = z.object({
  id: Id,
  agendaItemId: Id.optional(),
  kind: z.enum(['decision', 'action']),
  /** Empty in clspd.json for a confidential meeting: the text lives in the protected store (services check it is written). */
  text: LongText,
  /** The plan action created or updated by this decision. */
  actionId: Id.optional(),
  pilotOrganisationId: Id.optional(),
  dueDate: IsoDate.optional(),
  /** Case reference in confidential groups (situation n° 2026-014), never a name. */
  situationRef: ShortText.optional(),
  status: z.enum(['open', 'done', 'cancelled']),
  /** The later meeting in whose « Suivi des décisions » it was closed. */
  closedInMeetingId: Id.optional(),
  /** Last follow-up comment (« Suivi des décisions »). */
  followUpComment: LongText.optional(),
  createdAt: IsoDateTime,
});
export type Decision = z.infer<typeof Decision>;

export const Meeting = z.object({
  id: Id,
  instanceId: Id,
  title: RequiredShortText,
  date: IsoDate,
  startTime: ClockTime,
  plannedEndTime: ClockTime.optional(),
  place: ShortText.optional(),
  visioUrl: ShortText.optional(),
  confidentiality: Confidentiality,
  status: MeetingStatus,
  agenda: z.array(AgendaItem),
  invitees: z.array(Invitee),
  attendance: z.array(Attendance),
  decisions: z.array(Decision),
  generalNotes: LongText,
  nextMeetingDate: IsoDate.optional(),
  /** Live mode: the agenda item being discussed. */
  currentAgendaItemId: Id.optional(),
  heldAt: IsoDateTime.optional(),
  validatedAt: IsoDateTime.optional(),
  /** Date the retention engine purged the notes and decision texts of this confidential meeting. */
  textsPurgedAt: IsoDate.optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Meeting = z.infer<typeof Meeting>;

// ---------- data-protection journal (no content: date, kind, count) ----------
/** What a purge removed: situations of the register, texts of confidential meetings, a deleted meeting… */
export const PurgeKind = z.enum(['situation', 'situation_archived', 'meeting_texts', 'meeting_deleted', 'correspondence']);
export type PurgeKind = z.infer<typeof PurgeKind>;
/** One line of the « registre des purges »: never any content, only what kind, how many, why and when. */
export const PurgeEntry = z.object({
  id: Id,
  at: IsoDateTime,
  kind: PurgeKind,
  count: z.number().int().min(0),
  /** Code of the rule that applied ('retention', 'age_25', 'manual_deletion', …). */
  rule: ShortText,
});
export type PurgeEntry = z.infer<typeof PurgeEntry>;

// ---------- register of situations: settings only (the register itself is in the protected store) ----------
/** One entry of an editable closed list: the code stays, the label can change, a value can be retired. */
export const ListItem = z.object({ code: ListCode, label: RequiredShortText, retired: z.boolean().optional() });
export type ListItem = z.infer<typeof ListItem>;
/** Register settings (no personal data: closed lists and durations). Absent → defaults (shared/register-defaults). */
export const RegisterSettings = z.object({
  origins: z.array(ListItem),
  reasons: z.array(ListItem),
  orientations: z.array(ListItem),
  closureReasons: z.array(ListItem),
  /** Notes and decision texts of confidential meetings are destroyed this many years after the meeting. */
  meetingTextsYears: z.number().int().min(1).max(10),
  /** Name ↔ reference table (off by default). */
  correspondenceEnabled: z.boolean(),
  /** Counts of the register (« < 5 » below five) on the tableau de bord and in the bilan annuel: only when the coordinator opts in. */
  countsOnDashboard: z.boolean().optional(),
});
export type RegisterSettings = z.infer<typeof RegisterSettings>;
/** A full backup written outside the data folder: a copy to destroy when its content expires (DPO journal). */
export const BackupExport = z.object({ id: Id, at: IsoDateTime, fileName: ShortText, destroyBy: IsoDate.optional() });
export type BackupExport = z.infer<typeof BackupExport>;
/**
 * Texts of confidential meetings taken out of the meetings by the migration to format 2, waiting to be moved
 * into the protected store once the coordinator has chosen its passphrase (then this section is removed).
 */
export const PendingProtectedTexts = z.array(
  z.object({
    meetingId: Id,
    meetingDate: IsoDate,
    generalNotes: LongText,
    agendaNotes: z.record(Id, LongText),
    decisionTexts: z.record(Id, LongText),
  }),
);
export type PendingProtectedTexts = z.infer<typeof PendingProtectedTexts>;

// ---------- the datastore document ----------
export const Datastore = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  settings: Settings,
  categories: z.array(Category),
  organisations: z.array(Organisation),
  people: z.array(Person),
  instances: z.array(Instance),
  memberships: z.array(Membership),
  periods: z.array(StrategyPeriod),
  axes: z.array(Axis),
  objectives: z.array(Objective),
  actions: z.array(Action),
  meetings: z.array(Meeting),
  /** Registre des purges (data protection), appended by the retention engine and meeting deletions. */
  purgeLog: z.array(PurgeEntry).default([]),
  /** Closed lists and durations of the register of situations (defaults when absent). */
  registerSettings: RegisterSettings.optional(),
  /** Full backups exported outside the data folder (date, file name), for the DPO journal. */
  backupExports: z.array(BackupExport).optional(),
  /** Only between the migration to format 2 and the first unlock of the protected store. */
  pendingProtected: PendingProtectedTexts.optional(),
});
export type Datastore = z.infer<typeof Datastore>;

/** An archived strategy period lives in its own read-only file with the same shape, marked as archive. */
export const ArchiveFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  archiveOf: Id,
  period: StrategyPeriod,
  axes: z.array(Axis),
  objectives: z.array(Objective),
  actions: z.array(Action),
  meetings: z.array(Meeting),
  pendingProtected: PendingProtectedTexts.optional(),
});
export type ArchiveFile = z.infer<typeof ArchiveFile>;
