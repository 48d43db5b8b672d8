// The fiche action's journal: every change, measurement and decision, newest first, with the meeting it came from.
import { Anchor, Stack, Text } from '@mantine/core';
import type { ActionDetail } from '../../../../../shared/contract/strategy';
import { formatDate } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import type { JournalEntry } from '../../../../../shared/model';
import { links } from '../../../app/registry';
import { formatDateTime, frenchText, journalValue } from './text';

const s = fr.strategy.ui;

export function Journal({ entries, meetings, deletedMeetingIds }: { entries: JournalEntry[]; meetings: ActionDetail['meetings']; deletedMeetingIds?: string[] }) {
  const deleted = new Set(deletedMeetingIds ?? []);
  const titles = new Map(meetings.map((m) => [m.id, `${m.title} (${formatDate(m.date)})`]));
  const list = [...entries].reverse();
  return (
    <Stack gap="xs" role="list" aria-label={s.sections.journal} mah={520} style={{ overflowY: 'auto' }}>
      {list.map((j) => (
        <div key={j.id} role="listitem" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)', paddingLeft: 10 }}>
          <Text size="xs" c="dimmed">
            {formatDateTime(j.at)}
          </Text>
          <Text size="sm">
            <b>{fr.strategy.journalField[j.field] ?? j.field}</b>
            {j.field === 'moved' || j.field === 'note' || j.field === 'update_pack' ? null : j.field === 'created' || j.field === 'measurement' || j.field === 'milestone' || !j.from ? (
              <> : {journalValue(j.field, j.to)}</>
            ) : (
              <>
                {' '}: {journalValue(j.field, j.from)} → {journalValue(j.field, j.to)}
              </>
            )}
          </Text>
          {j.comment ? (
            <Text size="sm" c="dark.6" style={{ whiteSpace: 'pre-line' }}>
              {frenchText(j.comment)}
            </Text>
          ) : null}
          {j.meetingId && deleted.has(j.meetingId) ? (
            <Text size="xs" c="dimmed" fs="italic">
              {fr.meetingLife.decidedInDeletedMeeting}
            </Text>
          ) : j.meetingId ? (
            <Anchor size="xs" href={`#${links.meeting(j.meetingId)}`}>
              {s.fromMeeting(titles.get(j.meetingId) ?? s.aMeeting)}
            </Anchor>
          ) : null}
        </div>
      ))}
    </Stack>
  );
}
