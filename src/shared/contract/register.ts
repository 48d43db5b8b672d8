// IPC channels of the register of situations, the retention engine and the DPO journals.
import { isoDateInput, z } from '../validation';
import type { BackupExport, ListItem, PurgeEntry, RegisterSettings } from '../model';
import { AgeBracket, NOTE_MAX, SITUATION_REF_RE, SituationStatus, type AccessEntry, type RetentionTargetKind, type Situation } from '../register-model';
import { channel } from './define';
import type { GeneratedInfo } from './documents';

const id = z.string().min(1).max(64);
const code = z.string().regex(/^[a-z0-9_]{1,40}$/, 'Choisissez une valeur de la liste.');
const isoDate = isoDateInput('La date n’est pas valide (AAAA-MM-JJ attendu).');
const reason = z.string().trim().min(1, 'Indiquez le motif : il est inscrit au journal des accès.').max(300);

export const SituationInput = z.object({
  /** Empty: the next free reference is allocated. */
  reference: z
    .string()
    .trim()
    .regex(SITUATION_REF_RE, 'La référence doit avoir la forme AAAA-NNN (par exemple 2026-014).')
    .optional(),
  openedAt: isoDate,
  instanceIds: z.array(id).min(1, 'Choisissez au moins une instance qui suit la situation.').max(10),
  origin: code,
  reason: code,
  ageBracket: AgeBracket,
  /** Used only to compute the legal end date; never stored. */
  birthYear: z.number().int().min(1900, 'L’année de naissance doit être une année sur quatre chiffres, par exemple 2012.').max(2100).optional(),
  referentOrganisationId: id.optional(),
  orientations: z.array(code).max(20),
  note: z.string().trim().max(NOTE_MAX, 'Le texte ne doit pas dépasser 300 caractères.'),
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
        label: z.string().trim().min(1, 'Chaque valeur de la liste doit avoir un libellé.').max(300),
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
  'register:stats': channel<RegisterStats>()(z.object({ year: z.number().int().min(2000).max(2100).optional() }).optional()),
  'register:statsPdf': channel<GeneratedInfo>()(z.object({ year: z.number().int().min(2000).max(2100).optional() }).optional()),
  'register:journal': channel<DpoJournal>()(z.undefined()),
  'register:journalPdf': channel<GeneratedInfo>()(z.undefined()),
  'register:settings': channel<RegisterSettings>()(z.undefined()),
  'register:updateList': channel<ListItem[]>()(ListPatch),
  'register:updateOptions': channel<RegisterSettings>()(
    z.object({
      meetingTextsYears: z.number().int().min(1, 'Au moins un an.').max(10, 'Au plus dix ans.').optional(),
      correspondenceEnabled: z.boolean().optional(),
      countsOnDashboard: z.boolean().optional(),
    }),
  ),
  'register:dashboardCounts': channel<DashboardCounts>()(z.object({ year: z.number().int().min(2000).max(2100).optional() }).optional()),
  'register:correspondenceReveal': channel<CorrespondenceView>()(
    z.object({ id, passphrase: z.string().min(1, 'Saisissez de nouveau la phrase de passe.').max(1000), reason: reason.optional() }).strict(),
  ),
  'register:correspondenceSet': channel<{ reference: string; name: string | null }>()(
    z.object({ id, token: z.string().min(1).max(100), name: z.string().trim().max(120, 'Le nom ne doit pas dépasser 120 caractères.') }).strict(),
  ),
  'retention:plan': channel<RetentionReport>()(z.object({ asOf: isoDate.optional() }).optional()),
  'retention:apply': channel<RetentionReport>()(z.undefined()),
  'retention:postpone': channel<PlannedPurge>()(
    z.object({
      kind: z.enum(['situation', 'meeting_texts']),
      targetId: id,
      until: isoDate,
      reason: z.string().trim().min(1, 'Indiquez pourquoi la purge est reportée : le motif est inscrit au journal.').max(300),
    }),
  ),
} as const;

export type RegisterChannel = keyof typeof registerContract;
