// IPC channels of the strategy domain: periods, axes, objectives, fiches action, indicators, aggregates, dashboard.
import { z } from '../validation';
import { Amount, CalendarDate, ClearableDate, ClearableId, Colour, Id as id, measure, optText, Progress, requiredDate, requiredText, text, Year } from '../fields';
import { strategy as t } from '../i18n/strategy';
import { ActionStatus, IndicatorType, PartnerRole } from '../model';
import type { Action, ArchiveFile, Axis, Indicator, Measurement, Objective, StrategyPeriod } from '../model';
import type { Health, HealthLevel, IndicatorStatus } from '../health';
import { channel } from './define';
import type { Deleted } from './directory';

export const CODE_RE = /^[^\s]{1,30}$/;
const code = z.string().trim().regex(CODE_RE, t.errors.codeFormat);

export const MilestoneInput = z.object({
  id: id.optional(),
  title: requiredText(t.ui.milestoneTitleRequired),
  dueDate: requiredDate(t.ui.milestoneDateRequired),
  doneAt: ClearableDate,
});
export type MilestoneInput = z.infer<typeof MilestoneInput>;

export const FundingInput = z.object({
  id: id.optional(),
  funder: requiredText(t.ui.funderRequired),
  year: Year.optional(),
  requested: Amount,
  obtained: Amount,
  spent: Amount,
});
export type FundingInput = z.infer<typeof FundingInput>;

export const MeasurementInput = z.object({
  date: requiredDate(t.errors.measurementDate),
  value: measure(t.errors.measurementValue),
  comment: optText(),
});
export type MeasurementInput = z.infer<typeof MeasurementInput>;

export const IndicatorInput = z.object({
  title: requiredText(t.ui.indicatorTitleRequired),
  definition: optText(5000),
  unit: text(60),
  type: IndicatorType,
  baseline: measure(t.errors.baselineNotNumber).optional(),
  target: measure(t.errors.targetNotNumber).min(0, t.errors.targetNegative).optional(),
  targetDate: ClearableDate,
  source: optText(),
  frequency: optText(),
  responsibleOrganisationId: ClearableId,
});
export type IndicatorInput = z.infer<typeof IndicatorInput>;

export const PartnerInput = z.object({ organisationId: id, role: PartnerRole, note: optText() });

/**
 * An existing attachment as the fiche edit sends it back (rename, reorder, remove). No path: a file is only ever
 * linked through the main-process dialog (`actions:addAttachment`), never named by the renderer.
 */
export const AttachmentInput = z.object({
  id,
  label: requiredText(t.errors.attachmentLabelRequired),
});

/** Every field of a fiche action. `objectiveId` absent → the action waits in « À classer ». */
export const ActionInput = z.object({
  objectiveId: ClearableId,
  /** Absent → generated from the tree (A<axe>.<objectif>.<n>). */
  code: code.optional(),
  title: requiredText(t.errors.titleRequired),
  nationalMeasures: z.array(text(120)).max(30).optional(),
  context: optText(20_000),
  description: optText(20_000),
  modalities: optText(20_000),
  pilot: z.object({ organisationId: ClearableId, personId: ClearableId }).optional(),
  partners: z.array(PartnerInput).max(100).optional(),
  targetPublic: optText(),
  territory: optText(),
  startDate: ClearableDate,
  endDate: ClearableDate,
  milestones: z.array(MilestoneInput).max(100).optional(),
  means: optText(20_000),
  funding: z.array(FundingInput).max(100).optional(),
  indicators: z.array(IndicatorInput).max(50).optional(),
  status: ActionStatus.optional(),
  progress: Progress.optional(),
  followingInstanceId: ClearableId,
  attachments: z.array(AttachmentInput).max(100).optional(),
});
export type ActionInput = z.infer<typeof ActionInput>;

/** Fields of a fiche edit (everything but status/progress/dates, which go through the journalled update). */
export const ActionPatch = ActionInput.omit({ objectiveId: true }).partial();
export type ActionPatch = z.infer<typeof ActionPatch>;

export const ProgressUpdate = z.object({
  status: ActionStatus.optional(),
  progress: Progress.optional(),
  startDate: ClearableDate,
  endDate: ClearableDate,
  comment: optText(5000),
  meetingId: ClearableId,
});
export type ProgressUpdate = z.infer<typeof ProgressUpdate>;

// ---------- reminders (dashboard « À faire maintenant ») ----------
export type ReminderKind =
  | 'action_late'
  | 'action_stale'
  | 'milestone_overdue'
  | 'actions_inbox'
  | 'meeting_to_prepare'
  | 'minutes_to_validate'
  | 'plenary_missing'
  | 'decision_overdue'
  | 'purge_upcoming'
  | 'other';

export interface Reminder {
  id: string;
  kind: ReminderKind;
  severity: 'high' | 'medium' | 'low';
  /** French, one line. */
  title: string;
  detail?: string;
  link: { screen: 'action' | 'meeting' | 'axis' | 'instance' | 'register'; id: string };
  /** Optional sort key (YYYY-MM-DD), earliest first within a severity. */
  date?: string;
}

// ---------- outputs ----------
export interface ActionRow {
  id: string;
  code: string;
  title: string;
  periodId: string;
  /** « 2019–2022 », set when rows of several periods are listed together. */
  periodLabel?: string;
  axisId?: string;
  axisTitle?: string;
  axisColour?: string;
  objectiveId?: string;
  objectiveTitle?: string;
  pilotOrganisationId?: string;
  pilotName?: string;
  partnerIds: string[];
  partnerNames: string[];
  targetPublic?: string;
  territory?: string;
  startDate?: string;
  endDate?: string;
  status: Action['status'];
  progress: number;
  health: HealthLevel;
  healthReasons: string[];
  lastUpdateAt: string;
  archived: boolean;
}

export interface ActionDetail {
  action: Action;
  health: Health;
  axis?: Axis;
  objective?: Objective;
  indicators: { indicator: Indicator; status: IndicatorStatus }[];
  pilotName?: string;
  pilotPersonName?: string;
  /** Names of the partner institutions by id. */
  partnerNames: Record<string, string>;
  followingInstanceName?: string;
  /** Meetings in which the action was discussed or decided on (filled when meetings exist). */
  meetings: { id: string; title: string; date: string; decisions: { id: string; text: string; status: string }[] }[];
  /** Meetings named in the journal that have been deleted since (« réunion supprimée »). */
  deletedMeetingIds?: string[];
  readOnly: boolean;
}

export interface TreeObjective extends Objective {
  actions: ActionRow[];
}
export interface TreeAxis extends Axis {
  objectives: TreeObjective[];
}
export interface PlanTree {
  period: StrategyPeriod;
  axes: TreeAxis[];
  inbox: ActionRow[];
}

export type StatusCounts = Record<Action['status'], number>;
export type HealthCounts = Record<HealthLevel, number>;

export interface DueItem {
  kind: 'end' | 'milestone';
  actionId: string;
  code: string;
  title: string;
  /** Milestone title when kind = milestone. */
  label?: string;
  date: string;
  /** 30, 60 or 90: the first window the date falls into. */
  within: 30 | 60 | 90;
}

export interface IndicatorSummary {
  actionId: string;
  actionCode: string;
  actionStartDate?: string;
  indicator: Indicator;
  status: IndicatorStatus;
}

export interface FundingTotals {
  requested: number;
  obtained: number;
  spent: number;
  byFunder: { funder: string; requested: number; obtained: number; spent: number }[];
}

export interface AxisSummary {
  axis: Axis;
  objectivesCount: number;
  actionsCount: number;
  byStatus: StatusCounts;
  byHealth: HealthCounts;
  averageProgress: number;
  late: ActionRow[];
  due: DueItem[];
  indicators: { reached: number; on_trajectory: number; behind: number; no_data: number };
  funding: FundingTotals;
}

export interface AxisPage extends AxisSummary {
  period: StrategyPeriod;
  objectives: { objective: Objective; actions: ActionRow[]; averageProgress: number }[];
  indicatorSeries: IndicatorSummary[];
  readOnly: boolean;
}

export interface UpcomingMeeting {
  id: string;
  title: string;
  date: string;
  startTime: string;
  instanceId: string;
  instanceName: string;
  status: string;
  confidentiality: string;
}

export interface Dashboard {
  today: string;
  period?: StrategyPeriod;
  reminders: Reminder[];
  axes: AxisSummary[];
  totals: { actions: number; byHealth: HealthCounts; byStatus: StatusCounts; averageProgress: number };
  upcomingMeetings: UpcomingMeeting[];
}

export interface PeriodSummary extends StrategyPeriod {
  axesCount: number;
  actionsCount: number;
  active: boolean;
}

export interface ArchiveSearchHit {
  periodId: string;
  periodTitle: string;
  action: { id: string; code: string; title: string; status: Action['status']; progress: number };
}

export const ActionFilter = z.object({
  periodId: id.optional(),
  /** Rows of every period (the active one and the archived ones), for searching the whole history. */
  allPeriods: z.boolean().optional(),
  axisId: id.optional(),
  objectiveId: z.union([id, z.literal('inbox')]).optional(),
  status: z.array(ActionStatus).max(5).optional(),
  health: z.array(z.enum(['on_track', 'watch', 'late', 'unknown'])).max(4).optional(),
  pilotId: id.optional(),
  partnerId: id.optional(),
  territory: text().optional(),
  targetPublic: text().optional(),
  text: text().optional(),
  includeArchived: z.boolean().optional(),
});
export type ActionFilter = z.infer<typeof ActionFilter>;

const IdIn = z.object({ id });

export const AxisInput = z.object({
  title: requiredText(t.ui.axisTitleRequired),
  colour: Colour.optional(),
  description: optText(20_000),
});
export const ObjectiveInput = z.object({
  axisId: id,
  title: requiredText(t.ui.objectiveTitleRequired),
  description: optText(20_000),
});

export const strategyContract = {
  // periods
  'strategy:periods': channel<PeriodSummary[]>()(z.undefined()),
  'strategy:createPeriod': channel<StrategyPeriod>()(
    z.object({
      title: requiredText(t.ui.periods.titleRequired),
      startYear: Year,
      endYear: Year,
      /** Unfinished actions of the active period to carry over. */
      carryOverActionIds: z.array(id).max(5000).optional(),
      /** Copy the axes and objectives of the active period (default true). */
      copyStructure: z.boolean().optional(),
    }),
  ),
  'strategy:closePeriod': channel<StrategyPeriod>()(IdIn),
  'strategy:archive': channel<ArchiveFile>()(IdIn),
  'strategy:searchArchives': channel<ArchiveSearchHit[]>()(z.object({ query: requiredText() })),
  // tree and table
  'strategy:tree': channel<PlanTree>()(z.object({ periodId: id.optional() }).optional()),
  'strategy:actions': channel<ActionRow[]>()(ActionFilter.optional()),
  // axes
  'axes:list': channel<Axis[]>()(z.object({ periodId: id.optional(), includeArchived: z.boolean().optional() }).optional()),
  'axes:create': channel<Axis>()(AxisInput),
  'axes:update': channel<Axis>()(z.object({ id, patch: AxisInput.partial() })),
  'axes:reorder': channel<Axis[]>()(z.object({ ids: z.array(id).min(1).max(50) })),
  'axes:archive': channel<Axis>()(z.object({ id, archived: z.boolean() })),
  'axes:page': channel<AxisPage>()(z.object({ id, today: CalendarDate.optional() })),
  // objectives
  'objectives:create': channel<Objective>()(ObjectiveInput),
  'objectives:update': channel<Objective>()(z.object({ id, patch: ObjectiveInput.omit({ axisId: true }).partial() })),
  'objectives:reorder': channel<Objective[]>()(z.object({ axisId: id, ids: z.array(id).min(1).max(100) })),
  'objectives:move': channel<Objective>()(z.object({ id, axisId: id })),
  'objectives:archive': channel<Objective>()(z.object({ id, archived: z.boolean() })),
  'objectives:delete': channel<Deleted>()(IdIn),
  // actions
  'actions:get': channel<ActionDetail>()(IdIn),
  'actions:create': channel<Action>()(ActionInput),
  'actions:update': channel<Action>()(z.object({ id, patch: ActionPatch })),
  'actions:updateProgress': channel<Action>()(z.object({ id, update: ProgressUpdate })),
  'actions:move': channel<{ moved: number }>()(z.object({ ids: z.array(id).min(1).max(5000), objectiveId: ClearableId })),
  'actions:archive': channel<Action>()(z.object({ id, archived: z.boolean() })),
  'actions:delete': channel<Deleted>()(IdIn),
  'actions:addMilestone': channel<Action>()(z.object({ id, milestone: MilestoneInput })),
  'actions:updateMilestone': channel<Action>()(z.object({ id, milestoneId: id, patch: MilestoneInput.partial() })),
  'actions:deleteMilestone': channel<Deleted>()(z.object({ id, milestoneId: id })),
  'actions:addFunding': channel<Action>()(z.object({ id, funding: FundingInput })),
  'actions:updateFunding': channel<Action>()(z.object({ id, fundingId: id, patch: FundingInput.partial() })),
  'actions:deleteFunding': channel<Deleted>()(z.object({ id, fundingId: id })),
  /** Asks for a file on disk (dialog) and links it to the action; null when the dialog was cancelled. */
  'actions:addAttachment': channel<Action | null>()(z.object({ id, label: optText() })),
  'actions:openAttachment': channel<null>()(z.object({ id, attachmentId: id })),
  'actions:deleteAttachment': channel<Deleted>()(z.object({ id, attachmentId: id })),
  // indicators
  'indicators:create': channel<Indicator>()(z.object({ actionId: id, indicator: IndicatorInput })),
  'indicators:update': channel<Indicator>()(z.object({ actionId: id, indicatorId: id, patch: IndicatorInput.partial() })),
  'indicators:delete': channel<Deleted>()(z.object({ actionId: id, indicatorId: id })),
  'indicators:addMeasurement': channel<Measurement>()(z.object({ actionId: id, indicatorId: id, measurement: MeasurementInput })),
  'indicators:deleteMeasurement': channel<Deleted>()(z.object({ actionId: id, indicatorId: id, measurementId: id })),
  // dashboard
  'dashboard:get': channel<Dashboard>()(z.object({ today: CalendarDate.optional() }).optional()),
  'reminders:list': channel<Reminder[]>()(z.object({ today: CalendarDate.optional() }).optional()),
} as const;
