// Who may do what on the screens: one answer, from the browser's session or the desktop's team connection (local file: the coordinator).
import type { ReactNode } from 'react';
import type { TeamRole, TeamStatus } from '../../../shared/contract/team';
import { useWebSession } from '../web/session';
import { useTeamStatus } from './teamStatus';

export interface Access {
  role: TeamRole;
  /** Create, change, delete, reorder: coordinator and staff. The server refuses a reader's writes anyway. */
  canEdit: boolean;
  /** Accounts and the audit log (coordinator only). */
  canManageUsers: boolean;
  /** The council's settings, logo, backups and complete export (coordinator only on the server). */
  canAdminister: boolean;
}

export function accessFor(role: TeamRole): Access {
  return { role, canEdit: role !== 'reader', canManageUsers: role === 'coordinator', canAdminister: role === 'coordinator' };
}

/** The role the screens act for: the browser's account, else the desktop's team account, else (local file) the coordinator. */
export function roleOf(browserRole: TeamRole | undefined, team: TeamStatus | undefined): TeamRole {
  if (browserRole) return browserRole;
  if (team?.mode === 'team' && team.role) return team.role;
  return 'coordinator';
}

export function useAccess(): Access {
  const session = useWebSession();
  const team = useTeamStatus();
  return accessFor(roleOf(session?.account.role, team));
}

/** Renders its children only for an account that may edit (the control is not offered to a reader). */
export function EditOnly({ children }: { children: ReactNode }): ReactNode {
  return useAccess().canEdit ? children : null;
}
