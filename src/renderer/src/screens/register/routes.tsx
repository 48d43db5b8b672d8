// Routes and command-palette entries of the register of situations.
import type { AppRoute, PaletteCommand } from '../../app/registry';
import { JournalScreen } from './JournalScreen';
import { RegisterScreen } from './RegisterScreen';
import { SituationScreen } from './SituationScreen';

export const routes: AppRoute[] = [
  { path: '/registre', element: <RegisterScreen /> },
  { path: '/registre/journal', element: <JournalScreen /> },
  { path: '/registre/:id', element: <SituationScreen /> },
];

export const commands: PaletteCommand[] = [
  { id: 'register.open', label: 'Registre des situations', description: 'Situations suivies par les cellules de veille et le CDDF', to: '/registre', keywords: ['situation', 'cellule', 'registre'] },
  { edits: true, id: 'register.new', label: 'Nouvelle situation', description: 'Ajouter une situation au registre', to: '/registre?nouvelle=1', keywords: ['situation', 'registre'] },
  { id: 'register.journal', label: 'Journal de protection des données', description: 'Accès, purges, copies exportées', to: '/registre/journal', keywords: ['rgpd', 'purge', 'dpo', 'accès'] },
];
