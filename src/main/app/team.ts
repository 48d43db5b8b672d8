// Team mode in the Electron shell: the team client over the local invoker, and the window title that says who is connected where.
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import type { TeamStatus } from '../../shared/contract/team';
import { keepGenerated } from '../documents/service';
import type { Invoke } from '../ipc/handlers';
import type { Platform } from '../services/context';
import { TeamClient } from '../team/client';
import { windowTitle } from '../team/title';
import type { ProtectedAccess } from '../vault/types';

/** The client whose invoker the IPC handlers use; `getWindow` is the window whose title follows the connection. */
export function startTeamClient(userData: string, local: Invoke, platform: Platform, getWindow: () => BrowserWindow | null, vault?: () => ProtectedAccess | undefined): TeamClient {
  const client = new TeamClient({
    dir: join(userData, 'team'),
    local,
    vault,
    keepDocument: keepGenerated,
    platform,
    onChange: (status) => retitle(getWindow(), status),
  });
  client.start();
  return client;
}

function retitle(win: BrowserWindow | null, status: TeamStatus): void {
  if (!win || win.isDestroyed()) return;
  win.setTitle(windowTitle(win.webContents.getTitle(), status));
}

/** The page sets its own title (one per screen); the shell adds the connection to it. */
export function followTeamInTitle(win: BrowserWindow, client: TeamClient): void {
  win.on('page-title-updated', (event, title) => {
    event.preventDefault();
    win.setTitle(windowTitle(title, client.status()));
  });
}
