// The relevé de décisions of a confidential meeting on the coordinator's desktop in team mode: made here, with the coffre's texts.
//
// The server's relevé shows « décision prise » for every decision (it never has the texts). On the coordinator's computer,
// with the coffre open, the same document code renders the meeting as the server shows it merged with the coffre's
// texts; only reads are sent to the server. The PDF is then kept like a downloaded one (saved where the user chooses).
import type { ChannelName } from '../../shared/contract';
import type { GeneratedInfo } from '../../shared/contract/documents';
import type { MeetingDetail } from '../../shared/contract/meetings';
import { teamCoffre } from '../../shared/i18n/team-coffre';
import { SCHEMA_VERSION, type Category, type Datastore, type Organisation, type Person, type Settings } from '../../shared/model';
import { DomainError, fail, ok, type Result } from '../../shared/result';
import { generateDocument } from '../documents';
import type { GeneratedDocument } from '../documents/data';
import { revealTexts } from '../services/meetings/texts';
import { asDomain, type CoffreWriter } from './coffre-writer';

export interface MinutesDeps {
  send(channel: ChannelName, payload: unknown): Promise<Result<unknown>>;
  /** Keeps the PDF under a local token, as a document downloaded from the server is. */
  keep(doc: GeneratedDocument): GeneratedInfo;
  now(): Date;
}

/** What the relevé needs besides the meeting: the directory (attendance, pilots, protocol order) and the settings. */
async function directory(deps: MinutesDeps): Promise<Result<Pick<Datastore, 'settings' | 'categories' | 'organisations' | 'people'>>> {
  const [settings, categories, organisations, people] = await Promise.all([
    deps.send('settings:get', undefined),
    deps.send('categories:list', undefined),
    deps.send('partners:list', undefined),
    deps.send('people:list', undefined),
  ]);
  for (const r of [settings, categories, organisations, people]) if (!r.ok) return r;
  const v = <T>(r: Result<unknown>): T => (r as { value: T }).value;
  return ok({ settings: v<Settings>(settings), categories: v<Category[]>(categories), organisations: v<Organisation[]>(organisations), people: v<Person[]>(people) });
}

/**
 * The relevé of a confidential meeting made on this computer (undefined: not confidential, or no coffre here — the
 * server's document is then the right one). A locked coffre is refused in French: the server's copy would not have the texts.
 */
export async function confidentialMinutes(coffre: CoffreWriter, deps: MinutesDeps, meetingId: string): Promise<Result<GeneratedInfo> | undefined> {
  if (!coffre.exists()) return undefined;
  const shown = await deps.send('meetings:get', { id: meetingId });
  if (!shown.ok) return undefined; // the server answers the document request itself (not found, not a member…)
  const { meeting, instance } = shown.value as MeetingDetail;
  if (meeting.confidentiality !== 'confidential') return undefined;
  let vault;
  try {
    vault = coffre.open();
  } catch (e) {
    return e instanceof DomainError ? fail('locked', teamCoffre.minutesCoffreLocked) : asDomain(e);
  }
  const dir = await directory(deps);
  if (!dir.ok) return dir;
  const data: Datastore = {
    schemaVersion: SCHEMA_VERSION,
    ...dir.value,
    instances: [instance],
    memberships: [],
    periods: [],
    axes: [],
    objectives: [],
    actions: [],
    meetings: [revealTexts({ vault }, meeting)],
    purgeLog: [],
  };
  try {
    return ok(deps.keep(await generateDocument('minutes', data, { meetingId }, { now: deps.now() })));
  } catch (e) {
    return asDomain(e);
  }
}
