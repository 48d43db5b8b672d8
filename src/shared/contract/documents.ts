// IPC channels of the documents domain: generate a PDF (kept in the main process under a token), preview, save, open, show.
import { z } from '../validation';
import { Id as id, Year } from '../fields';
import type { Confidentiality, MeetingStatus } from '../model';
import { channel } from './define';

/** Explicit choice (after a confirmation dialog) to print confidential instances' content; the document is then marked. */
const includeConfidential = z.boolean().optional();
const token = z.object({ token: z.string().regex(/^[a-z0-9]{8,40}$/) }).strict();

/** What a generation returns: the PDF stays in the main process, the renderer gets a token. */
export interface GeneratedInfo {
  token: string;
  pages: number;
  title: string;
  suggestedName: string;
  /** French sentences (missing logo…) to show next to the preview. */
  warnings: string[];
}

/** Everything the Documents screen needs to offer its pickers. */
export interface DocumentChoices {
  meetings: { id: string; title: string; date: string; status: MeetingStatus; instanceName: string; confidentiality: Confidentiality; minutesAvailable: boolean }[];
  actions: { id: string; code: string; title: string }[];
  /** `governed`: a confidential group with a règlement intérieur and a charter (working group, CDDF). */
  instances: { id: string; name: string; confidentiality: Confidentiality; governed?: boolean }[];
  years: number[];
  currentYear: number;
}

export const documentsContract = {
  'documents:choices': channel<DocumentChoices>()(z.undefined()),
  'documents:convocation': channel<GeneratedInfo>()(z.object({ meetingId: id, personalised: z.boolean().optional() }).strict()),
  'documents:emargement': channel<GeneratedInfo>()(z.object({ meetingId: id, blankLines: z.number().int().min(0).max(100).optional() }).strict()),
  'documents:minutes': channel<GeneratedInfo>()(z.object({ meetingId: id }).strict()),
  'documents:plan': channel<GeneratedInfo>()(z.object({ periodId: id.optional(), includeConfidential }).strict().optional()),
  'documents:fiche': channel<GeneratedInfo>()(z.object({ actionId: id }).strict()),
  'documents:dashboard': channel<GeneratedInfo>()(z.object({ year: Year, includeConfidential }).strict()),
  'documents:members': channel<GeneratedInfo>()(z.object({ instanceId: id.optional(), includeConfidential }).strict().optional()),
  'documents:rules': channel<GeneratedInfo>()(z.object({ instanceId: id, versionId: id.optional() }).strict()),
  'documents:charter': channel<GeneratedInfo>()(z.object({ instanceId: id }).strict()),
  'documents:charterReview': channel<GeneratedInfo>()(z.object({ instanceId: id, year: Year }).strict()),
  'documents:bytes': channel<Uint8Array>()(token),
  'documents:saveAs': channel<{ saved: boolean; path?: string }>()(token),
  'documents:open': channel<{ opened: boolean }>()(token),
  'documents:showInFolder': channel<{ shown: boolean }>()(token),
} as const;
