// The protected store's document (decrypted in memory only): the cellules' register, the name ↔ reference
// table, the texts of confidential meetings and the data-protection journals. Never written to clspd.json.
import { z } from './validation';
import { Id, IsoDate, IsoDateTime, LongText, ShortText } from './fields';
import { AccessEntry, Postponement, Situation } from './register-model';

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
  /** The register of situations (src/shared/register-model.ts). */
  situations: z.array(Situation).default([]),
  /** Journal des accès: every consultation or change of the register (who, when, which situation, why). */
  accessLog: z.array(AccessEntry).default([]),
  /** Purges postponed by the coordinator, each with its logged reason. */
  postponements: z.array(Postponement).default([]),
  correspondence: z.array(z.object({ reference: ShortText, name: ShortText })).default([]),
});
export type ProtectedData = z.infer<typeof ProtectedData>;
