// Routes and command-palette entries contributed by the instances screens.
import type { AppRoute, PaletteCommand } from '../../app/registry';
import { fr } from '../../../../shared/i18n';
import { InstanceScreen } from './instance/InstanceScreen';
import { InstancesScreen } from './InstancesScreen';

const cmd = fr.commands;

export const routes: AppRoute[] = [
  { path: '/instances', element: <InstancesScreen /> },
  { path: '/instances/:id', element: <InstanceScreen /> },
];

export const commands: PaletteCommand[] = [
  { id: 'nav-instances', label: fr.palette.openInstances, to: '/instances' },
  { edits: true, id: 'instances.newCell', ...cmd.newCell, keywords: [...cmd.newCell.keywords], to: '/instances?cellule=1' },
];
