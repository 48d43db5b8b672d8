// Top of the séance: confidential banner, back link, « Séance — titre » heading, badges, notes save state, « Raccourcis » and « Terminer la séance ».
import { Alert, Button, Group, Kbd, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconKeyboard, IconShieldLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { MeetingDetail } from '../../../../../shared/contract/meetings';
import { formatLongDate, formatTime } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { links } from '../../../app/registry';
import { ConfidentialityBadge, MeetingStatusBadge } from '../badges';
import type { NotesAutosaver } from '../notesAutosave';
import { NotesSaveIndicator } from '../NotesSaveIndicator';

const L = fr.meetings.ui;

export function LiveHeader({ detail, saver, running, onHelp, onEnd }: { detail: MeetingDetail; saver: NotesAutosaver; running: boolean; onHelp: () => void; onEnd: () => void }) {
  const { meeting } = detail;
  return (
    <>
      {meeting.confidentiality === 'confidential' ? (
        <Alert color="red" variant="filled" icon={<IconShieldLock />} role="note" data-testid="confidential-banner" p="xs">
          {L.confidentialBanner}
        </Alert>
      ) : null}
      <Group justify="space-between" wrap="wrap" align="flex-end" gap="xs">
        <Stack gap={0} style={{ flex: '1 1 280px', minWidth: 0 }}>
          <Button component={Link} to={links.meeting(meeting.id)} variant="subtle" size="compact-xs" w="fit-content" leftSection={<IconArrowLeft size={14} />} onClick={() => void saver.flush()}>
            {L.backToMeeting}
          </Button>
          <Title order={1} size="h3" lh={1.3}>
            {L.liveTitle} — {meeting.title}
          </Title>
          <Group gap={6}>
            <MeetingStatusBadge status={meeting.status} />
            <ConfidentialityBadge level={meeting.confidentiality} />
            <Text size="xs" c="dimmed">
              {formatLongDate(meeting.date)}, {formatTime(meeting.startTime)} · {detail.instance.name}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs" wrap="wrap">
          <NotesSaveIndicator saver={saver} />
          <Button variant="default" leftSection={<IconKeyboard size={16} />} onClick={onHelp}>
            {L.shortcuts}
          </Button>
          {running ? (
            <Button color="teal" onClick={onEnd} rightSection={<Kbd size="xs">{L.endShortcut}</Kbd>}>
              {L.endSession}
            </Button>
          ) : null}
        </Group>
      </Group>
    </>
  );
}
