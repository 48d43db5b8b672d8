// What the coordinator's desktop and the team server agree on when a meeting's texts move into the desktop's coffre.
import { createHash } from 'node:crypto';
import type { SecretTexts } from '../../shared/confidential-texts';

/**
 * Sent with the `meetings:update` that makes a meeting confidential: `<meetingId>:<digest of the texts now in the
 * coffre>`. The server clears those texts in the same transaction only when its own texts have this digest.
 */
export const HANDOVER_HEADER = 'x-clspd-coffre';

const sorted = (r: Record<string, string>): [string, string][] => Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** SHA-256 of the texts in a fixed order (the same texts give the same digest wherever they were read). */
export function textsDigest(texts: SecretTexts): string {
  const canonical = JSON.stringify([texts.generalNotes, sorted(texts.agendaNotes), sorted(texts.decisionTexts)]);
  return createHash('sha256').update(canonical).digest('hex');
}

export function handoverValue(meetingId: string, texts: SecretTexts): string {
  return `${meetingId}:${textsDigest(texts)}`;
}
