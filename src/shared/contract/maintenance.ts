// IPC channels of this installation's upkeep: the technical log and the opt-in updates (settings kept on this computer).
import { z } from '../validation';
import { channel } from './define';

export type UpdatesState = 'off' | 'unsupported' | 'idle' | 'checking' | 'downloading' | 'ready' | 'upToDate' | 'error';

export interface UpdatesStatus {
  /** The coordinator turned the search for updates on in Paramètres (off by default). */
  enabled: boolean;
  /** The service informatique forbade updates on this computer (CLSPD_UPDATES=off): the switch is shown disabled. */
  forbidden: boolean;
  state: UpdatesState;
  /** French sentence describing the state, shown under the switch. */
  message: string;
  /** Where updates come from, in French (the project's published versions, or the service informatique's server). */
  source: string;
  currentVersion: string;
  /** The version found or downloaded. */
  availableVersion?: string;
  /** Download progress, 0–100. */
  percent?: number;
  /** ISO date-time of the last search. */
  lastCheckedAt?: string;
  /** A séance is in progress: the installation waits for its end. */
  waitingForSeance: boolean;
}

export const maintenanceContract = {
  'app:openLog': channel<null>()(z.undefined()),
  'updates:status': channel<UpdatesStatus>()(z.undefined()),
  'updates:setEnabled': channel<UpdatesStatus>()(z.object({ enabled: z.boolean() }).strict()),
  'updates:check': channel<UpdatesStatus>()(z.undefined()),
  'updates:install': channel<UpdatesStatus>()(z.undefined()),
} as const;
