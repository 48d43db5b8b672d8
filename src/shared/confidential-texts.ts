// What a confidential meeting's texts are (the one definition of what the coffre keeps), and which writes would carry them to the team server.
import { team } from './i18n/team';
import type { Confidentiality, Meeting } from './model';

/** The texts of one meeting the coffre keeps: general notes, séance notes per agenda item, decision texts per decision. */
export interface SecretTexts {
  generalNotes: string;
  agendaNotes: Record<string, string>;
  decisionTexts: Record<string, string>;
}

type TextParts = Pick<Meeting, 'generalNotes' | 'agenda' | 'decisions'>;

/** A decision text that says nothing: empty, or the team server's « décision prise » placeholder. */
export function isPlaceholderText(text: string | undefined): boolean {
  return !text || text === team.confidentialPlaceholder;
}

/**
 * The texts of `meeting` that belong in the coffre once it is confidential — the single definition used by local
 * mode (clspd.json ↔ coffre), `server import`, the team server and the coordinator's desktop in team mode.
 */
export function meetingSecretTexts(meeting: TextParts): SecretTexts {
  const texts: SecretTexts = { generalNotes: meeting.generalNotes, agendaNotes: {}, decisionTexts: {} };
  for (const i of meeting.agenda) if (i.notes) texts.agendaNotes[i.id] = i.notes;
  for (const d of meeting.decisions) if (!isPlaceholderText(d.text)) texts.decisionTexts[d.id] = d.text;
  return texts;
}

/** True when `texts` holds anything to keep. */
export function holdsSecretTexts(texts: SecretTexts): boolean {
  return texts.generalNotes !== '' || Object.keys(texts.agendaNotes).length > 0 || Object.keys(texts.decisionTexts).length > 0;
}

/**
 * Empties, in place (a store draft), the texts of `meetingSecretTexts`: notes emptied, each decision's text replaced by
 * `placeholder` ('' in clspd.json, `team.confidentialPlaceholder` on the team server, which shows a decision was taken).
 */
export function clearSecretTexts(meeting: TextParts, placeholder: string): void {
  meeting.generalNotes = '';
  for (const i of meeting.agenda) if (i.notes) i.notes = '';
  for (const d of meeting.decisions) if (d.text !== placeholder) d.text = placeholder;
}

/** A copy of `meeting` without its coffre texts (see `clearSecretTexts`). */
export function withoutSecretTexts<M extends TextParts>(meeting: M, placeholder: string): M {
  const copy = { ...meeting, agenda: meeting.agenda.map((i) => ({ ...i })), decisions: meeting.decisions.map((d) => ({ ...d })) };
  clearSecretTexts(copy, placeholder);
  return copy;
}

/**
 * Texts the coffre keeps for a confidential meeting in team mode only (local mode leaves them in clspd.json): chair notes
 * per agenda item, follow-up comments per decision (typed in a later meeting's « Suivi des décisions »).
 */
export interface SideTexts {
  chairNotes: Record<string, string>;
  followUpComments: Record<string, string>;
}

export function meetingSideTexts(meeting: TextParts): SideTexts {
  const side: SideTexts = { chairNotes: {}, followUpComments: {} };
  for (const i of meeting.agenda) if (i.chairNotes?.trim()) side.chairNotes[i.id] = i.chairNotes;
  for (const d of meeting.decisions) if (d.followUpComment?.trim()) side.followUpComments[d.id] = d.followUpComment;
  return side;
}

export function holdsSideTexts(side: SideTexts): boolean {
  return Object.keys(side.chairNotes).length > 0 || Object.keys(side.followUpComments).length > 0;
}

/** Removes, in place, the chair notes and follow-up comments of `meeting` (a store draft, or a copy). */
export function clearSideTexts(meeting: TextParts): void {
  for (const i of meeting.agenda) if (i.chairNotes !== undefined) delete i.chairNotes;
  for (const d of meeting.decisions) if (d.followUpComment !== undefined) delete d.followUpComment;
}

/** Where the caller looks confidentiality up (undefined when the meeting is not known there). */
export interface ConfidentialityLookup {
  meeting(meetingId: string): Confidentiality | undefined;
  /** The confidentiality of the meeting where a decision was taken (a follow-up writes on an earlier meeting's decision). */
  decision?(decisionId: string): Confidentiality | undefined;
  /**
   * 'confidential' for a plan action decided in a meeting still confidential whose title the server holds as the
   * placeholder (its title is in the coordinator's coffre).
   */
  action?(actionId: string): Confidentiality | undefined;
}

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * A text that would be stored: a non-empty string other than the « décision prise » placeholder (an empty one clears a
 * field or is refused by the channel itself; the placeholder is what the coordinator's desktop sends in its place).
 */
const typed = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '' && v !== team.confidentialPlaceholder;

/**
 * The team server knows that a confidential meeting exists (date, instance, attendance, decisions taken), never
 * its texts: they stay in the coordinator's coffre, on the coordinator's computer. Returns the French refusal for a
 * write that would send such a text, undefined otherwise. Used by the server (which enforces it) and by the
 * desktop's team client (which refuses before sending, so nothing typed is queued or lost silently).
 */
export function confidentialTextRefusal(channel: string, payload: unknown, lookup: ConfidentialityLookup): string | undefined {
  if (!isObject(payload)) return undefined;
  if (channel === 'actions:update') {
    const patch = isObject(payload.patch) ? payload.patch : {};
    return typed(patch.title) && typeof payload.id === 'string' && lookup.action?.(payload.id) === 'confidential' ? team.errors.confidentialActionTitle : undefined;
  }
  const meetingId = typeof payload.meetingId === 'string' ? payload.meetingId : typeof payload.id === 'string' ? payload.id : undefined;
  if (meetingId === undefined) return undefined;
  const secret = (after?: unknown): boolean => (typeof after === 'string' ? after : lookup.meeting(meetingId)) === 'confidential';
  switch (channel) {
    case 'meetings:saveNotes':
      return secret() ? team.errors.confidentialNotes : undefined;
    case 'meetings:capture':
      // The decision's or the action's text is required: only the placeholder may reach the server.
      return typed(payload.text) && secret() ? team.errors.confidentialTexts : undefined;
    case 'meetings:updateDecision':
      return typed(payload.text) && secret() ? team.errors.confidentialTexts : undefined;
    case 'meetings:updateFollowUp': {
      // The comment goes on the followed decision (taken in an earlier meeting) and on its plan action.
      const taken = typeof payload.decisionId === 'string' ? lookup.decision?.(payload.decisionId) : undefined;
      return typed(payload.comment) && (secret() || taken === 'confidential') ? team.errors.confidentialTexts : undefined;
    }
    case 'meetings:update': {
      const patch = isObject(payload.patch) ? payload.patch : {};
      // Judged on the confidentiality the meeting will have once the patch is applied.
      return typed(patch.generalNotes) && secret(patch.confidentiality) ? team.errors.confidentialNotes : undefined;
    }
    case 'meetings:addAgendaItem':
      return isObject(payload.item) && typed(payload.item.chairNotes) && secret() ? team.errors.confidentialTexts : undefined;
    case 'meetings:updateAgendaItem':
      return isObject(payload.patch) && typed(payload.patch.chairNotes) && secret() ? team.errors.confidentialTexts : undefined;
    default:
      return undefined;
  }
}
