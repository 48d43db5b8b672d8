// The protected store's document (decrypted in memory only): the cellules' register, the name ↔ reference
// table, the texts of confidential meetings and the data-protection journals. Never written to clspd.json.
import { z } from './validation';
import { Id, IsoDate, IsoDateTime, LongText, ShortText } from './fields';
import { AccessEntry, Postponement, Situation } from './register-model';

/**
 * Version of the protected document's format (independent of the main datastore's). 2: a meeting's entry also keeps
 * chair notes, follow-up comments and the titles of actions decided in it (team mode), as optional fields: a version-1
 * document reads as version 2 without them (`ProtectedData` below), so an existing coffre is never refused.
 */
export const PROTECTED_SCHEMA_VERSION = 2;

/** Notes and decision texts of one confidential meeting, moved out of clspd.json. */
export const MeetingTexts = z.object({
  meetingId: Id,
  generalNotes: LongText,
  /** Agenda item id → notes taken during the séance. */
  agendaNotes: z.record(Id, LongText),
  /** Decision id → decision text. */
  decisionTexts: z.record(Id, LongText),
  /** Agenda item id → notes for the chair (schema 2; team mode: the server never has them). */
  chairNotes: z.record(Id, LongText).optional(),
  /** Decision id → last follow-up comment typed in this meeting's « Suivi des décisions » (schema 2, team mode). */
  followUpComments: z.record(Id, LongText).optional(),
  /** Plan action id → title of an action decided in this meeting (schema 2; team mode: the server has the placeholder). */
  actionTitles: z.record(Id, LongText).optional(),
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
  // Migration 1 → 2 is additive (the new fields of MeetingTexts are optional): the version read is raised to 2.
  schemaVersion: z
    .union([z.literal(1), z.literal(PROTECTED_SCHEMA_VERSION)])
    .transform((): typeof PROTECTED_SCHEMA_VERSION => PROTECTED_SCHEMA_VERSION),
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
