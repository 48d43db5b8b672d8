// In team mode, the live séance says that one person writes an item's notes at a time, and that notes typed offline wait on this computer.
import { Alert } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { fr } from '../../../../../shared/i18n';
import { useTeamStatus } from '../../../app/teamStatus';

export function TeamNotesNotice() {
  const status = useTeamStatus();
  if (!status || status.mode !== 'team') return null;
  const offline = status.connection !== 'online';
  return (
    <Alert color={offline ? 'yellow' : 'gray'} icon={<IconUsers size={16} aria-hidden />} p="xs" data-testid="team-notes-notice">
      {offline ? `${fr.team.desktop.notesQueued} ${status.queuedNotes > 0 ? fr.team.desktop.queuedNotes(status.queuedNotes) : ''}` : fr.team.desktop.notesOnePerson}
    </Alert>
  );
}
