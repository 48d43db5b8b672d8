// IPC channels of the register of situations, the retention engine and the DPO journals.
import { z } from '../validation';
import { CalendarDate as isoDate, Id as id, ListCode as code, requiredText, text, Year } from '../fields';
import { register as t } from '../i18n/register';
import type { BackupExport, ListItem, PurgeEntry, RegisterSettings } from '../model';
import { AgeBracket, NOTE_MAX, SITUATION_REF_RE, SituationStatus, type AccessEntry, type RetentionTargetKind, type Situation } from '../register-model';
import { channel } from './define';
import type { GeneratedInfo } from './documents';

const reason = requiredText(t.errors.reasonRequired);

export const SituationInput = z.object({
  /** Empty: the next free reference is allocated. */
  reference: z
    .string()
    .trim()
    .regex(SITUATION_REF_RE, t.errors.referenceFormat)
    .optional(),
  openedAt: isoDate,
  instanceIds: z.array(id).min(1, t.errors.instanceRequired).max(10),
  origin: code,
  reason: code,
  ageBracket: AgeBracket,
  /** Used only to compute the legal end date; never stored. */
  birthYear: z.number({ error: t.errors.birthYearRange }).int(t.errors.birthYearRange).min(1900, t.errors.birthYearRange).max(2100, t.errors.birthYearRange).optional(),
  referentOrganisationId: id.optional(),
  orientations: z.array(code).max(20),
  note: text(NOTE_MAX),
});
export type SituationInput = z.infer<typeof SituationInput>;

export const SituationPatch = SituationInput.omit({ reference: true }).partial();
export type SituationPatch = z.infer<typeof SituationPatch>;

export const StatusChange = z.object({
  id,
  status: SituationStatus.exclude(['archived']),
  closureReason: code.optional(),
  closedAt: isoDate.optional(),
});
export type StatusChange = z.infer<typeof StatusChange>;

/** A row of the register list (content only for non-archived situations). */
export interface SituationRow {
  id: string;
  reference: string;
  status: Situation['status'];
  openedAt: string;
  closedAt?: string;
  originLabel: string;
  reasonLabel: string;
  ageBracket: Situation['ageBracket'];
  instanceNames: string[];
  referentName?: string;
  /** Next retention step, when one is planned. */
  next?: { step: 'archive' | 'destroy'; date: string };
}

export interface SituationDetail {
  situation: Situation;
  row: SituationRow;
  decisions: { id: string; meetingId: string; meetingTitle: string; meetingDate: string; kind: 'decision' | 'action'; status: string }[];
}

export interface RegisterView {
  rows: SituationRow[];
  /** Instances that may follow situations. */
  instances: { id: string; name: string }[];
}

export interface CountLine {
  code: string;
  label: string;
  count: number;
}
export interface RegisterStats {
  total: number;
  byStatus: CountLine[];
  byOrigin: CountLine[];
  byReason: CountLine[];
  byAgeBracket: CountLine[];
  /** Situations opened per year. */
  byYear: CountLine[];
}

/** The register's counts on the tableau de bord (values already « < 5 » below five); off unless the coordinator opted in. */
export type DashboardCounts =
  | { state: 'off' }
  | { state: 'locked' }
  | { state: 'shown'; year: number; total: string; groups: { heading: string; lines: { label: string; value: string }[] }[] };

export interface PlannedPurge {
  kind: RetentionTargetKind;
  targetId: string;
  /** French, without content: « situation n° 2026-014 », « notes et décisions de « Cellule VIF » du … ». */
  label: string;
  step: 'archive' | 'destroy';
  rule: string;
  date: string;
  postponedUntil?: string;
  canPostpone: boolean;
}

export interface RetentionReport {
  asOf: string;
  applied: boolean;
  /** Due on or before asOf. */
  due: PlannedPurge[];
  /** Within the notice window after asOf. */
  upcoming: PlannedPurge[];
  /** Purged or archived count by kind. */
  counts: { archived: number; situations: number; meetingTexts: number };
  /** False when the protected store was locked: situations were not looked at. */
  situationsChecked: boolean;
}

export interface DpoJournal {
  access: AccessEntry[];
  purges: PurgeEntry[];
  backups: (BackupExport & { expired: boolean })[];
  settings: RegisterSettings;
}

/** The name linked to a reference, shown after the passphrase was typed again; `token` allows editing it for a few minutes. */
export interface CorrespondenceView {
  reference: string;
  name: string | null;
  token: string;
  expiresAt: string;
}

export const ListPatch = z.object({
  list: z.enum(['origins', 'reasons', 'orientations', 'closureReasons']),
  items: z
    .array(
      z.object({
        code,
        label: requiredText(t.errors.listLabelRequired),
        retired: z.boolean().optional(),
      }),
    )
    .min(1)
    .max(60),
});
export type ListPatch = z.infer<typeof ListPatch>;

export const registerContract = {
  'register:view': channel<RegisterView>()(
    z.object({ instanceId: id.optional(), status: SituationStatus.optional(), query: z.string().max(100).optional() }).optional(),
  ),
  'register:get': channel<SituationDetail>()(z.object({ id, reason: reason.optional() })),
  'register:create': channel<Situation>()(SituationInput),
  'register:update': channel<Situation>()(z.object({ id, patch: SituationPatch })),
  'register:setStatus': channel<Situation>()(StatusChange),
  'register:nextReference': channel<{ ref: string }>()(z.undefined()),
  'register:stats': channel<RegisterStats>()(z.object({ year: Year.optional() }).optional()),
  'register:statsPdf': channel<GeneratedInfo>()(z.object({ year: Year.optional() }).optional()),
  'register:journal': channel<DpoJournal>()(z.undefined()),
  'register:journalPdf': channel<GeneratedInfo>()(z.undefined()),
  'register:settings': channel<RegisterSettings>()(z.undefined()),
  'register:updateList': channel<ListItem[]>()(ListPatch),
  'register:updateOptions': channel<RegisterSettings>()(
    z.object({
      meetingTextsYears: z.number({ error: t.errors.meetingTextsYears }).int(t.errors.meetingTextsYears).min(1, t.errors.meetingTextsYears).max(10, t.errors.meetingTextsYears).optional(),
      correspondenceEnabled: z.boolean().optional(),
      countsOnDashboard: z.boolean().optional(),
    }),
  ),
  'register:dashboardCounts': channel<DashboardCounts>()(z.object({ year: Year.optional() }).optional()),
  'register:correspondenceReveal': channel<CorrespondenceView>()(
    z.object({ id, passphrase: z.string().min(1, t.errors.passphraseRequired).max(1000, t.errors.passphraseRequired), reason: reason.optional() }).strict(),
  ),
  'register:correspondenceSet': channel<{ reference: string; name: string | null }>()(
    z.object({ id, token: z.string().min(1).max(100), name: text(120) }).strict(),
  ),
  'retention:plan': channel<RetentionReport>()(z.object({ asOf: isoDate.optional() }).optional()),
  'retention:apply': channel<RetentionReport>()(z.undefined()),
  'retention:postpone': channel<PlannedPurge>()(
    z.object({
      kind: z.enum(['situation', 'meeting_texts']),
      targetId: id,
      until: isoDate,
      reason: requiredText(t.errors.postponeReasonRequired),
    }),
  ),
} as const;

export type RegisterChannel = keyof typeof registerContract;
