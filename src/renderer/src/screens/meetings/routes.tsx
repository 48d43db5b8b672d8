// Routes and command-palette entries contributed by the meetings screens.
import type { AppRoute, PaletteCommand } from '../../app/registry';
import { fr } from '../../../../shared/i18n';
import { ArchivedMeetingScreen } from './ArchivedMeetings';
import { DecisionsScreen } from './DecisionsScreen';
import { LiveScreen } from './live/LiveScreen';
import { MeetingScreen } from './meeting/MeetingScreen';
import { MeetingsScreen } from './MeetingsScreen';

const cmd = fr.commands;

export const routes: AppRoute[] = [
  { path: '/reunions', element: <MeetingsScreen /> },
  { path: '/reunions/decisions', element: <DecisionsScreen /> },
  { path: '/reunions/archives/:periodId/:id', element: <ArchivedMeetingScreen /> },
  { path: '/reunions/:id', element: <MeetingScreen /> },
  { path: '/reunions/:id/seance', element: <LiveScreen /> },
];

export const commands: PaletteCommand[] = [
  { id: 'nav-meetings', label: fr.palette.openMeetings, to: '/reunions' },
  { edits: true, id: 'meetings.new', ...cmd.newMeeting, keywords: [...cmd.newMeeting.keywords], to: '/reunions?nouvelle=1' },
  { id: 'meetings.decisions', ...cmd.decisions, keywords: [...cmd.decisions.keywords], to: '/reunions/decisions' },
];
