// Which writes would carry a confidential meeting's free text (notes, decision texts, follow-up comments, chair notes) to the team server.
import { team } from './i18n/team';
import type { Confidentiality } from './model';

/** Where the caller looks confidentiality up (undefined when the meeting is not known there). */
export interface ConfidentialityLookup {
  meeting(meetingId: string): Confidentiality | undefined;
  /** The confidentiality of the meeting where a decision was taken (a follow-up writes on an earlier meeting's decision). */
  decision?(decisionId: string): Confidentiality | undefined;
}

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A text that would be stored: a non-empty string (an empty one clears a field or is refused by the channel itself). */
const typed = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';

/**
 * The team server knows that a confidential meeting exists (date, instance, attendance, decisions taken), never
 * its texts: they stay in the coordinator's coffre, on the coordinator's computer. Returns the French refusal for a
 * write that would send such a text, undefined otherwise. Used by the server (which enforces it) and by the
 * desktop's team client (which refuses before sending, so nothing typed is queued or lost silently).
 */
export function confidentialTextRefusal(channel: string, payload: unknown, lookup: ConfidentialityLookup): string | undefined {
  if (!isObject(payload)) return undefined;
  const meetingId = typeof payload.meetingId === 'string' ? payload.meetingId : typeof payload.id === 'string' ? payload.id : undefined;
  if (meetingId === undefined) return undefined;
  const secret = (after?: unknown): boolean => (typeof after === 'string' ? after : lookup.meeting(meetingId)) === 'confidential';
  switch (channel) {
    case 'meetings:saveNotes':
      return secret() ? team.errors.confidentialNotes : undefined;
    case 'meetings:capture':
      // The decision's or the action's text is required: a capture always carries one.
      return secret() ? team.errors.confidentialTexts : undefined;
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
