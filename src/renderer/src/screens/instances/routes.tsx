// Routes and command-palette entries contributed by the instances screens.
import type { AppRoute, PaletteCommand } from '../../app/registry';
import { fr } from '../../../../shared/i18n';
import { InstanceScreen } from './instance/InstanceScreen';
import { InstancesScreen } from './InstancesScreen';

export const routes: AppRoute[] = [
  { path: '/instances', element: <InstancesScreen /> },
  { path: '/instances/:id', element: <InstanceScreen /> },
];

export const commands: PaletteCommand[] = [
  { id: 'nav-instances', label: fr.palette.openInstances, to: '/instances' },
  { edits: true, id: 'instances.newCell', label: 'Nouvelle cellule de veille', description: 'Créer une cellule à partir d’un thème et de quelques partenaires', to: '/instances?cellule=1', keywords: ['cellule', 'groupe de travail', 'veille'] },
];
