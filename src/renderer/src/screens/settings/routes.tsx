// Routes and command-palette entries contributed by the settings screen (paramètres).
import type { AppRoute, PaletteCommand } from '../../app/registry';
import { links } from '../../app/registry';
import { fr } from '../../../../shared/i18n';
import { SettingsScreen } from './SettingsScreen';

export const routes: AppRoute[] = [{ path: links.settings(), element: <SettingsScreen /> }];

export const commands: PaletteCommand[] = [{ id: 'nav-settings', label: fr.palette.openSettings, to: links.settings() }];
