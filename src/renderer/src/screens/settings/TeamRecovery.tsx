// On the recovery screen, in team mode only: the connection panel, so that a server out of reach at start can be left for the local file.
import { useTeamStatus } from '../../app/teamStatus';
import { TeamSettings } from './TeamSettings';

export function TeamRecovery() {
  const status = useTeamStatus();
  return status?.mode === 'team' ? <TeamSettings /> : null;
}
