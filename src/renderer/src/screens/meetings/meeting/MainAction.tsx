// The meeting's main buttons for its state: convene or start (draft), start (convened), open the séance, resume or validate (held).
import { Button, Group } from '@mantine/core';
import { IconLock, IconPlayerPlay, IconSend } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { MeetingDetail } from '../../../../../shared/contract/meetings';
import { fr } from '../../../../../shared/i18n';
import { useAccess } from '../../../app/access';
import { links } from '../../../app/registry';
import { confirmDanger } from '../../../components/confirm';
import { LockedBadge } from '../badges';
import { useTransitions } from './useTransitions';

const L = fr.meetings.ui;

export function MainAction({ detail }: { detail: MeetingDetail }) {
  const { meeting } = detail;
  const { go, start } = useTransitions(meeting.id);
  const { canEdit } = useAccess();
  // Convening, the séance and validation change the meeting: not offered to an account that may only read.
  if (!canEdit && meeting.status !== 'validated') return null;
  switch (meeting.status) {
    case 'draft':
      return (
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPlayerPlay size={16} />} onClick={start}>
            {L.startSession}
          </Button>
          <Button leftSection={<IconSend size={16} />} onClick={() => go('convened')}>
            {L.convene}
          </Button>
        </Group>
      );
    case 'convened':
      return (
        <Group gap="xs">
          <Button variant="subtle" onClick={() => go('draft')}>
            {L.unconvene}
          </Button>
          <Button leftSection={<IconPlayerPlay size={16} />} onClick={start}>
            {L.startSession}
          </Button>
        </Group>
      );
    case 'in_progress':
      return (
        <Button component={Link} to={links.liveMeeting(meeting.id)} leftSection={<IconPlayerPlay size={16} />}>
          {L.openLive}
        </Button>
      );
    case 'held':
      return (
        <Group gap="xs">
          <Button variant="subtle" onClick={start}>
            {L.resumeSession}
          </Button>
          <Button
            leftSection={<IconLock size={16} />}
            onClick={async () => {
              if (await confirmDanger(L.validateMinutes, L.validateConfirm, L.validateMinutes)) await go('validated');
            }}
          >
            {L.validateMinutes}
          </Button>
        </Group>
      );
    default:
      return <LockedBadge />;
  }
}
