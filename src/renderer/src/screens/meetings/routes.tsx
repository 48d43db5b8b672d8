// Routes and command-palette entries contributed by the meetings screens.
import type { AppRoute, PaletteCommand } from '../../app/registry';

export const routes: AppRoute[] = [];
export const commands: PaletteCommand[] = [];
