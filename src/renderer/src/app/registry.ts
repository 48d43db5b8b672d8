// Types of what each screen module contributes to the frame: routes and command-palette entries.
import type { ReactNode } from 'react';

export interface AppRoute {
  /** react-router path, e.g. '/plan/actions/:id'. */
  path: string;
  element: ReactNode;
}

export interface PaletteCommand {
  id: string;
  /** French label, infinitive: « Nouvelle réunion », « Ajouter une action ». */
  label: string;
  description?: string;
  /** Route to open (may carry a query string the screen understands, e.g. '/reunions?nouvelle=1'). */
  to: string;
  keywords?: string[];
  /** Creates or changes something: not offered to an account that may only read. */
  edits?: true;
}

/** Canonical links to records, used by the global search and by every screen. */
export const links = {
  dashboard: () => '/',
  plan: () => '/plan',
  axis: (id: string) => `/plan/axes/${id}`,
  action: (id: string) => `/plan/actions/${id}`,
  meetings: () => '/reunions',
  meeting: (id: string) => `/reunions/${id}`,
  liveMeeting: (id: string) => `/reunions/${id}/seance`,
  decisions: () => '/reunions/decisions',
  instances: () => '/instances',
  instance: (id: string) => `/instances/${id}`,
  partners: () => '/partenaires',
  partner: (id: string) => `/partenaires/${id}`,
  documents: () => '/documents',
  sharing: () => '/partage',
  settings: () => '/parametres',
  register: () => '/registre',
  situation: (id: string) => `/registre/${id}`,
};
