// The protected store's document (decrypted in memory only): the cellules' register, the name ↔ reference
// table, the texts of confidential meetings and the data-protection journals. Never written to clspd.json.
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, LongText, ShortText } from './model';

/** Version of the protected document's format (independent of the main datastore's). */
export const PROTECTED_SCHEMA_VERSION = 1;

/** Notes and decision texts of one confidential meeting, moved out of clspd.json. */
export const MeetingTexts = z.object({
  meetingId: Id,
  generalNotes: LongText,
  /** Agenda item id → notes taken during the séance. */
  agendaNotes: z.record(Id, LongText),
  /** Decision id → decision text. */
  decisionTexts: z.record(Id, LongText),
  /** Date of the meeting, copied here so retention can run without the main store. */
  meetingDate: IsoDate,
  updatedAt: IsoDateTime,
});
export type MeetingTexts = z.infer<typeof MeetingTexts>;

/**
 * One entry of the data-protection journals. Sections are owned by the features that fill them: the
 * register of situations (issue « Cellules de veille ») and the vault. New sections are added as arrays
 * with `.default([])` so that older protected files still parse.
 */
export const ProtectedData = z.object({
  schemaVersion: z.literal(PROTECTED_SCHEMA_VERSION),
  meetingTexts: z.array(MeetingTexts).default([]),
  /** Filled by the register of situations (src/shared/register-model.ts once it exists). */
  situations: z.array(z.record(z.string(), z.unknown())).default([]),
  correspondence: z.array(z.object({ reference: ShortText, name: ShortText })).default([]),
});
export type ProtectedData = z.infer<typeof ProtectedData>;
