// Routes and command-palette entries contributed by the directory screens (partenaires).
import type { AppRoute, PaletteCommand } from '../../app/registry';
import { links } from '../../app/registry';
import { fr } from '../../../../shared/i18n';
import { PartnerScreen } from './PartnerScreen';
import { PartnersScreen } from './PartnersScreen';

export const routes: AppRoute[] = [
  { path: links.partners(), element: <PartnersScreen /> },
  { path: links.partner(':id'), element: <PartnerScreen /> },
];

export const commands: PaletteCommand[] = [
  { id: 'nav-partners', label: fr.palette.openPartners, to: links.partners() },
  { edits: true, id: 'nav-new-partner', label: fr.palette.newPartner, to: `${links.partners()}?nouveau=1` },
];
