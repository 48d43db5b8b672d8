// In team mode, the live séance says that one person writes an item's notes at a time, that notes typed offline wait on this
// computer, and, in a confidential meeting on the coordinator's desktop, that texts stay in this computer's coffre.
import { Alert } from '@mantine/core';
import { IconLock, IconUsers } from '@tabler/icons-react';
import { fr } from '../../../../../shared/i18n';
import { useTeamStatus } from '../../../app/teamStatus';

export function TeamNotesNotice({ confidential = false }: { confidential?: boolean }) {
  const status = useTeamStatus();
  if (!status || status.mode !== 'team') return null;
  if (confidential && status.role === 'coordinator') {
    return (
      <Alert color="gray" icon={<IconLock size={16} aria-hidden />} p="xs" data-testid="team-notes-notice">
        {fr.team.desktop.notesInCoffre}
      </Alert>
    );
  }
  const offline = status.connection !== 'online';
  return (
    <Alert color={offline ? 'yellow' : 'gray'} icon={<IconUsers size={16} aria-hidden />} p="xs" data-testid="team-notes-notice">
      {offline ? `${fr.team.desktop.notesQueued} ${status.queuedNotes > 0 ? fr.team.desktop.queuedNotes(status.queuedNotes) : ''}` : fr.team.desktop.notesOnePerson}
    </Alert>
  );
}
