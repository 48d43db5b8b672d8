// Handlers of this installation's upkeep: « Ouvrir le journal technique » (through the safe opening of files) and updates.
import type { maintenanceContract, UpdatesStatus } from '../../shared/contract/maintenance';
import { maintenance } from '../../shared/i18n/maintenance';
import { DomainError } from '../../shared/result';
import { logFilePath, logInfo } from '../log';
import type { ServiceContext, UpdatesControl } from '../services/context';
import type { HandlerSlice } from './handlers';

/** Where the app cannot update itself (command line, browser, tests): the state says so, every change is refused. */
function noUpdates(): UpdatesStatus {
  const t = maintenance.updates;
  return { enabled: false, forbidden: false, state: 'unsupported', message: t.states.unsupported, source: t.sourceProject, currentVersion: '', waitingForSeance: false };
}

function updates(ctx: ServiceContext): UpdatesControl {
  if (!ctx.platform.updates) throw new DomainError('forbidden', maintenance.updates.errors.unsupported);
  return ctx.platform.updates;
}

export const maintenanceHandlers: HandlerSlice<keyof typeof maintenanceContract> = {
  'app:openLog': async (_i, ctx) => {
    const file = logFilePath();
    if (!file || !ctx.platform.openPath) throw new DomainError('forbidden', maintenance.log.unavailable);
    // Writes a line first, so the file exists even right after a rotation.
    logInfo('log.opened');
    await ctx.platform.openPath(file);
    return null;
  },
  'updates:status': (_i, ctx) => ctx.platform.updates?.status() ?? noUpdates(),
  'updates:setEnabled': (i, ctx) => updates(ctx).setEnabled(i.enabled),
  'updates:check': (_i, ctx) => updates(ctx).checkNow(),
  'updates:install': (_i, ctx) => updates(ctx).install(),
};
