// Pure rules of the meeting page: which step shows, whether minutes exist, how a deletion goes, the « add a point » address.
import type { Meeting, MeetingStatus } from '../../../../../shared/model';

export const STEPS = ['prep', 'invitations', 'session', 'minutes', 'documents'] as const;
export type Step = (typeof STEPS)[number];

/** Held or validated: the séance took place, its minutes can be printed. */
export function hasMinutes(status: MeetingStatus): boolean {
  return status === 'held' || status === 'validated';
}

/** The step named in the address (?etape=…) when it is one, else the one the meeting's state calls for. */
export function stepOf(param: string | null, status: MeetingStatus): Step {
  if (param && (STEPS as readonly string[]).includes(param)) return param as Step;
  return hasMinutes(status) ? 'minutes' : 'prep';
}

/** A held meeting (or one with decisions) does not go to the undo list: it is deleted for good, after confirmation, and registered. */
export function isFinalDeletion(meeting: Pick<Meeting, 'status' | 'decisions'>): boolean {
  return hasMinutes(meeting.status) || meeting.decisions.length > 0;
}

/** `?point=nouveau` opens the « Ajouter un point » dialog of the Préparation step (set by Ctrl+Maj+P), then leaves the address. */
export const ADD_POINT_PARAM = 'point';
export const ADD_POINT_VALUE = 'nouveau';
