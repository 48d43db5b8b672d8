// What the coordinator's desktop and the team server agree on when a meeting's texts move into the desktop's coffre.
import { createHash } from 'node:crypto';
import { holdsSideTexts, type SecretTexts, type SideTexts } from '../../shared/confidential-texts';

/**
 * Sent with the `meetings:update` that makes a meeting confidential: `<meetingId>:<digest of the texts now in the
 * coffre>`. The server clears those texts in the same transaction only when its own texts have this digest.
 */
export const HANDOVER_HEADER = 'x-clspd-coffre';

const sorted = (r: Record<string, string>): [string, string][] => Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * SHA-256 of the texts in a fixed order (the same texts give the same digest wherever they were read). Chair notes and
 * follow-up comments count only when there are some, so a meeting without them has the digest it always had.
 */
export function textsDigest(texts: SecretTexts, side?: SideTexts): string {
  const parts: unknown[] = [texts.generalNotes, sorted(texts.agendaNotes), sorted(texts.decisionTexts)];
  if (side && holdsSideTexts(side)) parts.push(sorted(side.chairNotes), sorted(side.followUpComments));
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

export function handoverValue(meetingId: string, texts: SecretTexts, side?: SideTexts): string {
  return `${meetingId}:${textsDigest(texts, side)}`;
}
