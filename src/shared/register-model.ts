// The register of situations (cellules de veille, CDDF): zod schemas, closed lists and the pure retention rules.
import { z } from './validation';
import { fields as fieldMessages } from './i18n/fields';
import { register } from './i18n/register';
import { Id, IsoDate, IsoDateTime, ListCode, longText, RequiredShortText, ShortText } from './fields';

/** « situation n° 2026-014 »: the year and a number, never a name. */
export const SITUATION_REF_RE = /^\d{4}-\d{3,4}$/;
export const SituationRef = z.string().regex(SITUATION_REF_RE, register.errors.referenceFormat);

export const SituationStatus = z.enum(['open', 'in_follow_up', 'closed', 'archived']);
export type SituationStatus = z.infer<typeof SituationStatus>;

/** Age brackets (closed list, fixed: the 25-year limit depends on them). */
export const AgeBracket = z.enum(['under_11', '11_14', '15_17', '18_21', '22_24', '25_plus'], { error: fieldMessages.listCode });
export type AgeBracket = z.infer<typeof AgeBracket>;
/** Age range of each bracket, in whole years (inclusive). */
export const AGE_BRACKET_RANGE: Record<AgeBracket, { min: number; max: number }> = {
  under_11: { min: 0, max: 10 },
  '11_14': { min: 11, max: 14 },
  '15_17': { min: 15, max: 17 },
  '18_21': { min: 18, max: 21 },
  '22_24': { min: 22, max: 24 },
  '25_plus': { min: 25, max: 150 },
};
/** Under 25: the birth year is asked so that the legal end date can be computed (the year itself is not kept). */
export function bracketNeedsBirthYear(b: AgeBracket): boolean {
  return b !== '25_plus';
}

/** Length of the intermediate archive after the end of the follow-up (CNIL AU-038 art. 5). */
export const ARCHIVE_YEARS = 3;
/** A closed situation stays visible (and can be reopened) this many days before it goes to the archive. */
export const CLOSED_GRACE_DAYS = 30;
/** Upcoming purges appear in « À faire maintenant » this many days ahead. */
export const PURGE_NOTICE_DAYS = 30;
/** A purge can be postponed by at most this many days at a time. */
export const MAX_POSTPONE_DAYS = 90;
export const NOTE_MAX = 300;

export const Situation = z.object({
  id: Id,
  reference: SituationRef,
  openedAt: IsoDate,
  /** Following instances: confidential working groups (L132-5) or CDDF only. */
  instanceIds: z.array(Id).min(1),
  origin: ListCode,
  reason: ListCode,
  ageBracket: AgeBracket,
  /** Day the person may be 25 at the earliest (1 January of birth year + 25); absent for adults. */
  legalEndDate: IsoDate.optional(),
  /** Referent institution (an organisation, never a person). */
  referentOrganisationId: Id.optional(),
  status: SituationStatus,
  closedAt: IsoDate.optional(),
  closureReason: ListCode.optional(),
  archivedAt: IsoDate.optional(),
  /** Orientations and actions decided (closed list). */
  orientations: z.array(ListCode),
  /** Short text, no names, no health data, no judgement. */
  note: longText(NOTE_MAX),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Situation = z.infer<typeof Situation>;

export const AccessAction = z.enum([
  'create',
  'view',
  'update',
  'close',
  'reopen',
  'archive',
  'consult_archived',
  'list',
  'export',
  'correspondence_view',
  'correspondence_update',
  'postpone',
]);
export type AccessAction = z.infer<typeof AccessAction>;

/** One line of the journal des accès: who (operating-system user), when, which situation, why. */
export const AccessEntry = z.object({
  id: Id,
  at: IsoDateTime,
  user: ShortText,
  action: AccessAction,
  reference: ShortText.optional(),
  reason: ShortText.optional(),
});
export type AccessEntry = z.infer<typeof AccessEntry>;

export const RetentionTargetKind = z.enum(['situation', 'meeting_texts']);
export type RetentionTargetKind = z.infer<typeof RetentionTargetKind>;
/** A purge postponed by the coordinator, always with a reason. */
export const Postponement = z.object({
  id: Id,
  at: IsoDateTime,
  user: ShortText,
  kind: RetentionTargetKind,
  targetId: Id,
  until: IsoDate,
  reason: RequiredShortText,
});
export type Postponement = z.infer<typeof Postponement>;

export { ListCode, ListItem, RegisterSettings } from './model';
export type ListName = 'origins' | 'reasons' | 'orientations' | 'closureReasons';

// ---------- pure date rules ----------
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // 29 February + n years → 28 February when the target year is not a leap year.
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
export { addDays, addYears };

/**
 * Legal end date from a birth year (not stored): the person may turn 25 as early as 1 January of
 * birthYear + 25, so nothing is kept from that day on. Undefined for an adult (25 and over).
 */
export function legalEndDate(ageBracket: AgeBracket, birthYear: number | undefined): string | undefined {
  if (!bracketNeedsBirthYear(ageBracket) || birthYear === undefined) return undefined;
  return `${birthYear + 25}-01-01`;
}

/** Whether a birth year fits the age bracket at the opening date (one year of tolerance: the day is unknown). */
export function birthYearFits(ageBracket: AgeBracket, birthYear: number, openedAt: string): boolean {
  const age = Number(openedAt.slice(0, 4)) - birthYear;
  const r = AGE_BRACKET_RANGE[ageBracket];
  return age >= r.min && age <= r.max + 1;
}

export type RetentionStep = 'archive' | 'destroy';
export interface RetentionDue {
  step: RetentionStep;
  /** Day the step is due (on or after which the engine applies it). */
  date: string;
  /** Rule code written in the registre des purges. */
  rule: 'retention' | 'age_25' | 'archive';
}

/**
 * The next retention step of a situation: archive 30 days after closure, destroy 3 years after the end
 * of the follow-up, and in any case destroy on the legal end date (25 years), whatever the status.
 */
export function situationNextStep(s: Pick<Situation, 'status' | 'closedAt' | 'archivedAt' | 'legalEndDate'>): RetentionDue | undefined {
  const age = s.legalEndDate ? ({ step: 'destroy', date: s.legalEndDate, rule: 'age_25' } as const) : undefined;
  const closed = s.closedAt ?? s.archivedAt;
  let normal: RetentionDue | undefined;
  if (s.status === 'closed' && closed) normal = { step: 'archive', date: addDays(closed, CLOSED_GRACE_DAYS), rule: 'archive' };
  else if (s.status === 'archived' && closed) normal = { step: 'destroy', date: addYears(closed, ARCHIVE_YEARS), rule: 'retention' };
  if (!age) return normal;
  if (!normal) return age;
  // The 25-year limit wins when it comes first, or ties with a destruction.
  if (age.date <= normal.date) return age;
  return normal;
}

/** Day the notes and decision texts of a confidential meeting are destroyed. */
export function meetingTextsDestroyDate(meetingDate: string, years: number): string {
  return addYears(meetingDate, years);
}

/** Statistics shared outside the group: every count under 5 (0 included) is shown « < 5 ». */
export function suppressSmall(count: number): string {
  return count < 5 ? '< 5' : String(count);
}
