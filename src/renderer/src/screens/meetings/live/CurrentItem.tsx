// Centre of the séance: the current item (title, presenter, timer and its start/stop), chair notes, names reminder, the large autosaved notes, follow-up.
import { ActionIcon, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useViewportSize } from '@mantine/hooks';
import { IconAlertTriangle, IconClockPause, IconClockPlay } from '@tabler/icons-react';
import type { MeetingDetail } from '../../../../../shared/contract/meetings';
import { fr } from '../../../../../shared/i18n';
import { FollowUpPanel } from '../FollowUpPanel';
import { NotesEditor } from '../NotesEditor';
import { GENERAL, type NotesAutosaver } from '../notesAutosave';
import { ItemTimer } from './LiveAgenda';
import { notesRows } from './live';
import { TeamNotesNotice } from './TeamNotesNotice';
import type { LiveSession } from './useLiveSession';

const L = fr.meetings.ui;

export function CurrentItem({ detail, saver, session }: { detail: MeetingDetail; saver: NotesAutosaver; session: LiveSession }) {
  const { meeting } = detail;
  const { current, running, confidential } = session;
  // The three zones fit the window (1366×768 included): the agenda list scrolls, the notes grow with the height.
  const { height } = useViewportSize();
  return (
    <Stack gap="xs">
      {current ? (
        <Group justify="space-between">
          <Stack gap={0}>
            <Text size="xs" c="dimmed">
              {L.currentItem}
              {current.presenter ? ` · ${L.presenter} : ${current.presenter}` : ''}
            </Text>
            <Text fw={700} size="xl">
              {current.title}
            </Text>
          </Stack>
          {running ? (
            <Group gap={4}>
              <ItemTimer item={current} />
              {current.startedAt ? (
                <Tooltip label={L.timerStop}>
                  <ActionIcon variant="light" aria-label={L.timerStop} onClick={() => session.timer('stop')}>
                    <IconClockPause size={16} />
                  </ActionIcon>
                </Tooltip>
              ) : (
                <Tooltip label={L.timerStart}>
                  <ActionIcon variant="light" aria-label={L.timerStart} onClick={() => session.timer('start')}>
                    <IconClockPlay size={16} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          ) : null}
        </Group>
      ) : null}
      {current?.chairNotes ? (
        <Text size="sm" c="dimmed" fs="italic">
          {L.chairNotes} : {current.chairNotes}
        </Text>
      ) : null}
      {confidential ? (
        <Group justify="space-between" p={6} style={{ border: '1px solid var(--mantine-color-red-3)', borderRadius: 6 }}>
          <Text size="sm" c="red.8" fw={600}>
            <IconAlertTriangle size={14} /> {L.namesReminder}
          </Text>
          <Button size="xs" color="red" variant="light" onClick={session.insertRef}>
            {L.insertRef} (Ctrl+Maj+R)
          </Button>
        </Group>
      ) : null}
      <TeamNotesNotice confidential={meeting.confidentiality === 'confidential'} />
      <NotesEditor
        ref={session.notesRef}
        itemKey={current?.id ?? GENERAL}
        initial={current ? current.notes : meeting.generalNotes}
        saver={saver}
        label={current ? L.notesFor(current.title) : L.generalNotes}
        placeholder={L.notesPlaceholder}
        readOnly={detail.locked}
        minRows={notesRows(height)}
      />
      {detail.followUp.length ? (
        <Paper withBorder p="xs">
          <FollowUpPanel meetingId={meeting.id} rows={detail.followUp} locked={detail.locked} compact />
        </Paper>
      ) : null}
    </Stack>
  );
}
