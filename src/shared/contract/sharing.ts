// IPC channels of the sharing domain: exports to a file chosen in the main process, imports with preview then apply.
import { z } from '../validation';
import { Id as IdString } from '../fields';
import { channel } from './define';
import { sharing } from '../i18n/sharing';

export const TableKindInput = z.enum(['actions', 'indicators', 'partners', 'memberships', 'decisions', 'attendance']);
export type TableKindInput = z.infer<typeof TableKindInput>;
export const ImportKind = z.enum(['partners', 'actions', 'updatePack', 'backup']);
export type ImportKind = z.infer<typeof ImportKind>;

export interface PreviewChange {
  field: string;
  /** French label of the field. */
  label: string;
  from?: string;
  to?: string;
}

export interface PreviewIssue {
  /** Column header as written in the file. */
  column?: string;
  message: string;
}

export type PreviewLineAction = 'create' | 'update' | 'merge' | 'unchanged' | 'invalid';

export interface PreviewLine {
  /** Stable id of the line, sent back in `acceptedLineIds`. */
  id: string;
  /** Row number in the file (as shown by Excel). */
  row: number;
  label: string;
  action: PreviewLineAction;
  changes: PreviewChange[];
  errors: PreviewIssue[];
  warnings: string[];
  /** False for an invalid line: it can never be applied. */
  acceptable: boolean;
}

export interface MappingColumn {
  index: number;
  header: string;
  field?: string;
}

/** Where the reading of a file to import stands (polled by the import screen while the preview is prepared). */
export interface ImportProgress {
  /** checking: sizes and format; parsing: rows being read (done of total). */
  phase: 'checking' | 'parsing';
  done: number;
  total: number;
}

export interface ImportPreview {
  token: string;
  kind: ImportKind;
  fileName: string;
  format: 'xlsx' | 'csv' | 'json';
  encoding?: string;
  delimiter?: string;
  /** Partners and actions: one invalid line blocks the whole import. */
  allOrNothing: boolean;
  lines: PreviewLine[];
  summary: { total: number; create: number; update: number; merge: number; unchanged: number; invalid: number; warnings: number };
  /** Column mapping (partners, actions) and the fields it can map to. */
  mapping?: MappingColumn[];
  fields?: { key: string; label: string }[];
  /** Problems with the whole file (missing column, another pilot...): nothing can be applied. */
  fileErrors: string[];
  /** Messages about the whole file (pilot, export date, backup warning...). */
  notices: string[];
  canApply: boolean;
}

export interface ImportResult {
  applied: number;
  skipped: number;
  message: string;
  movedAside?: string;
}

export interface ExportResult {
  /** Undefined when the user cancelled the save dialog. */
  path?: string;
  cancelled: boolean;
  confidential: boolean;
  /** Confidential records left out. */
  excluded: number;
  message: string;
}

export interface SharingOverview {
  tables: { kind: TableKindInput; label: string; rows: number; confidentialRows: number }[];
  pilots: { id: string; name: string; actions: number }[];
  instances: { id: string; name: string; confidential: boolean; upcoming: number }[];
  /** Meetings from 60 days ago onwards, by date (for invitations, e-mail drafts and DOCX minutes). */
  meetings: { id: string; title: string; date: string; instance: string; confidential: boolean; plenary: boolean }[];
}

const Accepted = z.array(z.string().min(1).max(200)).max(100_000);
const Mapping = z
  .record(z.string().max(300), z.string().max(60))
  .refine((m) => Object.keys(m).length <= 500, { message: 'Trop de colonnes dans la correspondance.' })
  .optional();

export const sharingContract = {
  'sharing:overview': channel<SharingOverview>()(z.undefined()),
  'sharing:exportTable': channel<ExportResult>()(
    z.object({ table: TableKindInput, format: z.enum(['xlsx', 'csv']), includeConfidential: z.boolean().default(false) }),
  ),
  'sharing:exportIcs': channel<ExportResult>()(
    z
      .object({ meetingId: IdString.optional(), instanceId: IdString.optional(), includeConfidential: z.boolean().default(false) })
      .refine((v) => !!v.meetingId !== !!v.instanceId, { message: sharing.import.meetingOrInstance }),
  ),
  'sharing:prepareEmail': channel<ExportResult>()(z.object({ meetingId: IdString, includeConfidential: z.boolean().default(false) })),
  'sharing:exportMinutesDocx': channel<ExportResult>()(z.object({ meetingId: IdString })),
  'sharing:exportDossier': channel<ExportResult>()(z.object({ meetingId: IdString, includeConfidential: z.boolean().default(false) })),
  'sharing:exportBackup': channel<ExportResult>()(z.undefined()),
  'sharing:exportUpdatePack': channel<ExportResult>()(z.object({ pilotId: IdString, includeConfidential: z.boolean().default(false) })),
  'sharing:previewImport': channel<ImportPreview | { cancelled: true }>()(
    z.object({ kind: ImportKind, expectedPilotId: IdString.optional() }),
  ),
  'sharing:importProgress': channel<ImportProgress | null>()(z.undefined()),
  'sharing:remapImport': channel<ImportPreview>()(z.object({ token: z.string().min(1).max(80), mapping: Mapping })),
  'sharing:applyImport': channel<ImportResult>()(z.object({ token: z.string().min(1).max(80), acceptedLineIds: Accepted })),
  'sharing:cancelImport': channel<{ cancelled: true }>()(z.object({ token: z.string().min(1).max(80) })),
} as const;
