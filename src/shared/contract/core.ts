// IPC channels of the application itself: state, first run, settings, backups.
import { z } from '../validation';
import { EmailInput, requiredText, text, Year } from '../fields';
import { directory } from '../i18n/directory';
import { CouncilAcronym, Settings } from '../model';
import { channel } from './define';
import type { VaultStatus } from './vault';
import { isNetworkPath } from '../file-safety';
import { shell } from '../i18n/shell';

export interface AppState {
  status: 'ok' | 'empty' | 'broken';
  /** French explanation when broken. */
  message?: string;
  /** French warning to show once (e.g. the daily backup could not be made). */
  warning?: string;
  /** The data folder lies inside a synchronised folder (OneDrive, Dropbox…): French warning, shown once at start and in Paramètres. */
  syncedFolder?: { provider: string; message: string };
  dataDir: string;
  settings?: Settings;
  activePeriod?: { id: string; title: string };
  /** The protected store (coffre), where the app has one. */
  vault?: VaultStatus;
}

export interface BackupSummary {
  name: string;
  reason: string;
  createdAt: string;
  size: number;
}

export const SetupInput = z.object({
  communeName: requiredText(directory.setup.communeRequired, 200),
  councilAcronym: CouncilAcronym,
  presidentName: text(200),
  coordinatorName: text(200),
  periodStartYear: Year,
  periodEndYear: Year,
  axes: z.array(requiredText(undefined, 200)).max(12),
});
export type SetupInput = z.infer<typeof SetupInput>;

export const SettingsPatch = Settings.pick({
  communeName: true,
  councilAcronym: true,
  councilName: true,
  presidentName: true,
  presidentTitle: true,
  coordinatorName: true,
  coordinatorEmail: true,
  coordinatorPhone: true,
  address: true,
  staleAfterMonths: true,
})
  .partial()
  .extend({
    // The commune names the council on every document: it can be changed, not emptied.
    communeName: requiredText(directory.setup.communeRequired).optional(),
    coordinatorEmail: EmailInput,
    // A path the user typed or picked in Paramètres; documents only ever read it as a PNG/JPEG image (see kit/document.ts).
    logoPath: z
      .string()
      .trim()
      .max(300, shell.files.logoTooLong)
      .refine((v) => v === '' || /\.(png|jpe?g)$/i.test(v), { message: shell.files.logoNotImage })
      // Reading an image on a share sends the user's Windows credentials to that computer, silently, at each document.
      .refine((v) => !isNetworkPath(v), { message: shell.files.networkLogo })
      .optional(),
  });
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export interface SearchHit {
  kind: 'action' | 'meeting' | 'instance' | 'partner' | 'person' | 'axis';
  id: string;
  title: string;
  subtitle?: string;
}

export const coreContract = {
  'app:state': channel<AppState>()(z.undefined()),
  'app:setup': channel<AppState>()(SetupInput),
  'app:demo': channel<AppState>()(z.undefined()),
  'settings:get': channel<Settings>()(z.undefined()),
  'settings:update': channel<Settings>()(SettingsPatch),
  'settings:chooseLogo': channel<Settings>()(z.undefined()),
  'backups:list': channel<BackupSummary[]>()(z.undefined()),
  'backups:create': channel<BackupSummary>()(z.undefined()),
  'search:global': channel<SearchHit[]>()(z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100).optional() })),
  'app:restoreFromFile': channel<AppState>()(z.undefined()),
  'app:quit': channel<null>()(z.undefined()),
  'backups:restore': channel<AppState>()(z.object({ name: z.string().regex(/^clspd-[0-9a-z-]+\.(json|zip)$/) })),
} as const;
