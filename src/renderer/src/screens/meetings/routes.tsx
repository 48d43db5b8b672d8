// Routes and command-palette entries contributed by the meetings screens.
import type { AppRoute, PaletteCommand } from '../../app/registry';
import { fr } from '../../../../shared/i18n';
import { ArchivedMeetingScreen } from './ArchivedMeetings';
import { DecisionsScreen } from './DecisionsScreen';
import { LiveScreen } from './live/LiveScreen';
import { MeetingScreen } from './meeting/MeetingScreen';
import { MeetingsScreen } from './MeetingsScreen';

export const routes: AppRoute[] = [
  { path: '/reunions', element: <MeetingsScreen /> },
  { path: '/reunions/decisions', element: <DecisionsScreen /> },
  { path: '/reunions/archives/:periodId/:id', element: <ArchivedMeetingScreen /> },
  { path: '/reunions/:id', element: <MeetingScreen /> },
  { path: '/reunions/:id/seance', element: <LiveScreen /> },
];

export const commands: PaletteCommand[] = [
  { id: 'nav-meetings', label: fr.palette.openMeetings, to: '/reunions' },
  { edits: true, id: 'meetings.new', label: 'Nouvelle réunion', description: 'Programmer une réunion et son ordre du jour', to: '/reunions?nouvelle=1', keywords: ['réunion', 'séance', 'convocation'] },
  { id: 'meetings.decisions', label: 'Journal des décisions', description: 'Toutes les décisions prises en réunion', to: '/reunions/decisions', keywords: ['décision', 'relevé'] },
];
