// Routes and command-palette entries contributed by the sharing screens.
import type { AppRoute, PaletteCommand } from '../../app/registry';
import { fr } from '../../../../shared/i18n';
import { ImportScreen } from './import/ImportScreen';
import { SharingScreen } from './SharingScreen';

export const routes: AppRoute[] = [
  { path: '/partage', element: <SharingScreen /> },
  { path: '/partage/importer', element: <ImportScreen /> },
];

export const commands: PaletteCommand[] = [
  { id: 'nav-sharing', label: fr.palette.openSharing, to: '/partage' },
  { id: 'sharing.export', label: fr.sharing.ui.cmdExport, to: '/partage?export=1', keywords: ['excel', 'csv', 'tableau', 'export'] },
  { edits: true, id: 'sharing.import', label: fr.sharing.ui.cmdImport, to: '/partage/importer', keywords: ['import', 'excel', 'csv', 'partenaires'] },
  { id: 'sharing.pack', label: fr.sharing.ui.cmdPack, to: '/partage', keywords: ['fiche', 'mise à jour', 'pilote'] },
];
