// The team server's rules for confidential meetings' texts, judged inside the request on its caught-up state.
import { clearSecretTexts, clearSideTexts, holdsSecretTexts, holdsSideTexts, meetingSecretTexts, meetingSideTexts, withoutSecretTexts } from '../../shared/confidential-texts';
import { team } from '../../shared/i18n/team';
import type { Datastore, Meeting } from '../../shared/model';
import { fail, ok, type ErrorCode, type Result } from '../../shared/result';
import { handoverValue } from '../team/handover';
import type { Account } from './accounts';
import { confidentialWriteRefusal } from './access';
import type { TeamStore } from './team-store';

export interface GuardRefusal {
  status: 403 | 409;
  code: ErrorCode;
  message: string;
}

export interface GuardedRequest {
  account: Account;
  channel: string;
  payload: unknown;
  /** The `x-clspd-coffre` header: the coordinator's desktop has put the meeting's texts in its coffre. */
  handover?: string;
}

/** The meeting a `meetings:update` makes confidential (undefined for any other request). */
function becomingConfidential(doc: Datastore, channel: string, payload: unknown): Meeting | undefined {
  if (channel !== 'meetings:update' || typeof payload !== 'object' || payload === null) return undefined;
  const { id, patch } = payload as { id?: unknown; patch?: { confidentiality?: unknown } };
  if (typeof id !== 'string' || patch?.confidentiality !== 'confidential') return undefined;
  const meeting = doc.meetings.find((m) => m.id === id);
  return meeting && meeting.confidentiality !== 'confidential' ? meeting : undefined;
}

/** Why the switch to confidential is refused, if it is. */
function switchRefusal(meeting: Meeting, req: GuardedRequest): GuardRefusal | undefined {
  const texts = meetingSecretTexts(meeting);
  const side = meetingSideTexts(meeting);
  if (!holdsSecretTexts(texts) && !holdsSideTexts(side) && req.handover === undefined) return undefined;
  // Only the coordinator's desktop has a coffre to take the texts; a browser or a colleague cannot move them.
  if (req.account.role !== 'coordinator' || req.handover === undefined) return { status: 403, code: 'forbidden', message: team.errors.switchFromDesktop };
  if (req.handover !== handoverValue(meeting.id, texts, side)) return { status: 409, code: 'conflict', message: team.errors.switchTextsChanged };
  return undefined;
}

/**
 * Runs `run` (the channel) under the rules, called inside the store's request: `store.data` is then the state caught
 * up with every process's commits — under the writers' lock when the request writes — so a meeting made confidential
 * by another process a moment ago is judged confidential. A refusal is reported to `refuse` and nothing is written.
 * A meeting made confidential loses its texts on the server in the same transaction (they are in the coffre).
 */
export async function guardedRun(store: TeamStore, req: GuardedRequest, run: () => Promise<Result<unknown>>, refuse: (r: GuardRefusal) => void): Promise<Result<unknown>> {
  const refused = (r: GuardRefusal): Result<unknown> => {
    refuse(r);
    return fail(r.code, r.message);
  };
  const doc = (): Datastore => store.data;
  const secretText = confidentialWriteRefusal(doc, req.channel, req.payload);
  if (secretText) return refused({ status: 403, code: 'forbidden', message: secretText });
  let switching: Meeting | undefined;
  try {
    switching = becomingConfidential(doc(), req.channel, req.payload);
  } catch {
    switching = undefined; // No document yet: the channel itself refuses.
  }
  const no = switching && switchRefusal(switching, req);
  if (no) return refused(no);
  const result = await run();
  if (result.ok && switching) {
    const id = switching.id;
    await store.update((data) => {
      const m = data.meetings.find((x) => x.id === id);
      if (!m) return;
      clearSecretTexts(m, team.confidentialPlaceholder);
      clearSideTexts(m);
    });
    // The answer shows the meeting as stored: without the texts.
    const shown = withoutSecretTexts(result.value as Meeting, team.confidentialPlaceholder);
    clearSideTexts(shown);
    return ok(shown);
  }
  return result;
}
