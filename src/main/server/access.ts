// What each account may do and see: roles per channel, and the confidential instances left out of its view.
import { confidentialTextRefusal } from '../../shared/confidential-texts';
import type { ChannelName } from '../../shared/contract';
import { team } from '../../shared/i18n/team';
import type { ArchiveFile, Datastore } from '../../shared/model';
import type { Account } from './accounts';
import type { View } from './team-store';

/** Channels that change the council's set-up or its data as a whole: the coordinator only. */
export const COORDINATOR_ONLY: ReadonlySet<string> = new Set<ChannelName>([
  'app:setup',
  'app:demo',
  'settings:update',
  'settings:chooseLogo',
  'backups:create',
  'backups:restore',
  'app:restoreFromFile',
  'audit:list',
  // The whole council's data, archived periods included (not reduced to a per-account view).
  'sharing:exportBackup',
]);

/** Channels that only make sense on the coordinator's own computer (windows, local files, the local app). */
export const DESKTOP_ONLY: ReadonlySet<string> = new Set<ChannelName>(['app:quit', 'team:status', 'team:connect', 'team:setPassword', 'team:disconnect']);

/**
 * The document without the confidential instances the account is not named in: their memberships, their
 * meetings, confidential meetings of other instances and the actions decided in them. A closed period's archive
 * goes through the same rule (its meetings and actions judged against the live document's instances).
 */
export function confidentialView(account: Account, allowed: ReadonlySet<string>): View | undefined {
  if (account.role === 'coordinator') return undefined;
  // The projection depends on the instances the account is named in, not on who it is: accounts naming the same
  // instances share one cached projection of the document (the cache holds one per key, dropped when the document changes).
  const key = `members-of:${[...allowed].sort().join(',')}`;
  const apply = (doc: Datastore): Datastore => withoutHidden(doc, allowed);
  return {
    key,
    apply,
    archive(archive: ArchiveFile, doc: Datastore): ArchiveFile {
      const seen = apply({ ...doc, memberships: [], meetings: archive.meetings, actions: archive.actions });
      // Texts waiting for the coordinator's coffre are never part of what another account is served.
      const { pendingProtected: _pending, ...rest } = archive;
      return { ...rest, meetings: seen.meetings, actions: seen.actions };
    },
  };
}

/**
 * The one rule: hidden confidential instances, their memberships and meetings, other confidential meetings and actions.
 * A meeting whose instance the document does not hold (an archived meeting of an instance since removed) is hidden too,
 * unless the account is named for that instance: nothing says any more whether the instance was confidential, and a
 * meeting held before its instance was made confidential keeps a lower confidentiality of its own.
 */
function withoutHidden(doc: Datastore, allowed: ReadonlySet<string>): Datastore {
  const hidden = new Set(doc.instances.filter((i) => i.confidentiality === 'confidential' && !allowed.has(i.id)).map((i) => i.id));
  const known = new Set(doc.instances.map((i) => i.id));
  const meetingHidden = (m: Datastore['meetings'][number]) =>
    hidden.has(m.instanceId) || (!known.has(m.instanceId) && !allowed.has(m.instanceId)) || (m.confidentiality === 'confidential' && !allowed.has(m.instanceId));
  const hiddenMeetings = new Set(doc.meetings.filter(meetingHidden).map((m) => m.id));
  if (hidden.size === 0 && hiddenMeetings.size === 0 && !doc.actions.some((a) => a.confidentiality === 'confidential')) return doc;
  return {
    ...doc,
    instances: doc.instances.filter((i) => !hidden.has(i.id)),
    memberships: doc.memberships.filter((m) => !hidden.has(m.instanceId)),
    meetings: doc.meetings.filter((m) => !hiddenMeetings.has(m.id)),
    actions: doc.actions.filter((a) => a.confidentiality !== 'confidential' || (a.followingInstanceId !== undefined && allowed.has(a.followingInstanceId))),
  };
}

/**
 * The French refusal for a request that would write a confidential meeting's texts (séance notes, decision texts,
 * follow-up comments, chair notes, titles of actions decided there) on the server, undefined otherwise: those texts stay
 * in the coordinator's coffre.
 */
export function confidentialWriteRefusal(doc: () => Datastore, channel: string, payload: unknown): string | undefined {
  const read = <K extends 'meetings' | 'actions'>(k: K): Datastore[K] => {
    try {
      return doc()[k];
    } catch {
      return []; // No document yet: the channel itself refuses.
    }
  };
  const meetings = (): Datastore['meetings'] => read('meetings');
  return confidentialTextRefusal(channel, payload, {
    meeting: (id) => meetings().find((m) => m.id === id)?.confidentiality,
    decision: (id) => meetings().find((m) => m.decisions.some((d) => d.id === id))?.confidentiality,
    action: (id) => {
      // Recognised as on the coordinator's desktop: the placeholder title, and a decision of a confidential meeting.
      if (read('actions').find((a) => a.id === id)?.title !== team.confidentialPlaceholder) return undefined;
      return meetings().some((m) => m.confidentiality === 'confidential' && m.decisions.some((d) => d.actionId === id)) ? 'confidential' : undefined;
    },
  });
}
