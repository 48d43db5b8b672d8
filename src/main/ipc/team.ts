// Handlers of the team channels where no team connection is wired (team server, CLI, browser harness): local mode only.
import { team } from '../../shared/i18n/team';
import { DomainError } from '../../shared/result';
import type { HandlerSlice } from './handlers';

const desktopOnly = (): never => {
  throw new DomainError('forbidden', team.desktop.errors.desktopOnly);
};

export const localTeamHandlers: HandlerSlice<'team:status' | 'team:connect' | 'team:setPassword' | 'team:disconnect'> = {
  'team:status': () => ({ mode: 'local', queuedNotes: 0, refusedNotes: [] }),
  'team:connect': desktopOnly,
  'team:setPassword': desktopOnly,
  'team:disconnect': desktopOnly,
};
