// Routes and command-palette entries contributed by the documents screens.
import type { AppRoute, PaletteCommand } from '../../app/registry';
import { fr } from '../../../../shared/i18n';
import { DocumentsScreen } from './DocumentsScreen';

const s = fr.documents.screen;

export const routes: AppRoute[] = [{ path: '/documents', element: <DocumentsScreen /> }];

export const commands: PaletteCommand[] = [
  { id: 'documents.open', label: s.cmdOpen, to: '/documents', keywords: ['pdf', 'imprimer', 'convocation', 'émargement'] },
  { id: 'documents.minutes', label: s.cmdMinutes, to: '/documents?kind=minutes', keywords: ['compte rendu', 'relevé de décisions', 'pdf'] },
  { id: 'documents.plan', label: s.cmdPlan, to: '/documents?kind=plan', keywords: ['plan d’actions', 'pdf'] },
  { id: 'documents.dashboard', label: s.cmdDashboard, to: '/documents?kind=dashboard', keywords: ['bilan', 'tableau de bord', 'pdf'] },
];
