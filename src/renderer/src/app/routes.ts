// Collects the routes and palette commands of every screen module (each domain registers both in its routes.tsx).
import * as dashboard from '../screens/dashboard/routes';
import * as directory from '../screens/directory/routes';
import * as documents from '../screens/documents/routes';
import * as instances from '../screens/instances/routes';
import * as meetings from '../screens/meetings/routes';
import * as register from '../screens/register/routes';
import * as settings from '../screens/settings/routes';
import * as sharing from '../screens/sharing/routes';
import * as strategy from '../screens/strategy/routes';
import * as team from '../screens/team/routes';
import type { AppRoute, PaletteCommand } from './registry';

// Directory first: its « Ajouter un partenaire » comes first among the non-section commands, as before.
const modules = [directory, dashboard, strategy, meetings, instances, documents, sharing, register, settings, team];

export const allRoutes: AppRoute[] = modules.flatMap((m) => m.routes);
export const allCommands: PaletteCommand[] = modules.flatMap((m) => m.commands);
