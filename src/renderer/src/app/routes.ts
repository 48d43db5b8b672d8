// Collects the routes and palette commands of every screen module.
import * as dashboard from '../screens/dashboard/routes';
import * as documents from '../screens/documents/routes';
import * as instances from '../screens/instances/routes';
import * as meetings from '../screens/meetings/routes';
import * as register from '../screens/register/routes';
import * as sharing from '../screens/sharing/routes';
import * as strategy from '../screens/strategy/routes';
import type { AppRoute, PaletteCommand } from './registry';

const modules = [dashboard, strategy, meetings, instances, documents, sharing, register];

export const allRoutes: AppRoute[] = modules.flatMap((m) => m.routes);
export const allCommands: PaletteCommand[] = modules.flatMap((m) => m.commands);
