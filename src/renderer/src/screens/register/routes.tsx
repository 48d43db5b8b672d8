// Routes and command-palette entries of the register of situations.
import type { AppRoute, PaletteCommand } from '../../app/registry';
import { fr } from '../../../../shared/i18n';
import { JournalScreen } from './JournalScreen';
import { RegisterScreen } from './RegisterScreen';
import { SituationScreen } from './SituationScreen';

const cmd = fr.commands;

export const routes: AppRoute[] = [
  { path: '/registre', element: <RegisterScreen /> },
  { path: '/registre/journal', element: <JournalScreen /> },
  { path: '/registre/:id', element: <SituationScreen /> },
];

export const commands: PaletteCommand[] = [
  { id: 'register.open', ...cmd.register, keywords: [...cmd.register.keywords], to: '/registre' },
  { edits: true, id: 'register.new', ...cmd.newSituation, keywords: [...cmd.newSituation.keywords], to: '/registre?nouvelle=1' },
  { id: 'register.journal', ...cmd.protectionJournal, keywords: [...cmd.protectionJournal.keywords], to: '/registre/journal' },
];
