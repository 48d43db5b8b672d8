// Routes and command-palette entries contributed by the dashboard screens.
import type { AppRoute, PaletteCommand } from '../../app/registry';
import { fr } from '../../../../shared/i18n';
import { DashboardScreen } from './DashboardScreen';

export const routes: AppRoute[] = [{ path: '/', element: <DashboardScreen /> }];
export const commands: PaletteCommand[] = [{ id: 'dashboard.open', label: fr.strategy.ui.dashboard.cmd, to: '/', keywords: ['accueil', 'tableau de bord'] }];
