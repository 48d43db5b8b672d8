// Wires the opt-in updates to Electron: setting in userData, policy from the environment, French dialog, electron-updater
// loaded only once the coordinator has turned updates on.
import type { App, BrowserWindow, Dialog, MessageBoxOptions } from 'electron';
import { maintenance } from '../../shared/i18n/maintenance';
import type { DataStore, UpdatesControl } from '../services/context';
import { logError, logWarn } from '../log';
import { createUpdates, type UpdaterPort } from './updates';
import { readUpdatesEnabled, readUpdatesPolicy, writeUpdatesEnabled } from './updates-settings';

type UpdaterModule = typeof import('electron-updater');

/**
 * Loads electron-updater. It is CommonJS and its `autoUpdater` is a lazy getter on module.exports: Node's dynamic import
 * does not turn such a getter into a named export, so it is then read from the namespace's `default` (module.exports);
 * bundlers and test runners that do expose it by name are served as they are.
 */
export async function loadElectronUpdater(importer: () => Promise<unknown> = () => import('electron-updater')): Promise<UpdaterModule> {
  const ns = (await importer()) as Partial<UpdaterModule> & { default?: UpdaterModule };
  return (Object.prototype.hasOwnProperty.call(ns, 'autoUpdater') || !ns.default ? ns : ns.default) as UpdaterModule;
}

/** A séance is in progress when a meeting of the data is « en cours » (started, not ended). */
export function seanceInProgress(store: Pick<DataStore, 'isReady' | 'data'>): boolean {
  return store.isReady && store.data.meetings.some((m) => m.status === 'in_progress');
}

export interface AppUpdatesOptions {
  app: Pick<App, 'isPackaged' | 'getVersion' | 'getPath'>;
  dialog: Pick<Dialog, 'showMessageBox'>;
  getWindow(): BrowserWindow | null;
  /** The current store (it can be replaced by a restore). */
  getStore(): DataStore;
  env?: NodeJS.ProcessEnv;
}

export function installUpdates(o: AppUpdatesOptions): UpdatesControl & { start(): void; stop(): void } {
  const dir = o.app.getPath('userData');
  const d = maintenance.updates.dialog;
  let loaded: typeof import('electron-updater') | undefined;
  return createUpdates({
    async createUpdater() {
      loaded ??= await loadElectronUpdater();
      const { autoUpdater } = loaded;
      autoUpdater.logger = {
        info: () => undefined,
        warn: (m: unknown) => logWarn('updates.updater', { message: String(m) }),
        error: (m: unknown) => logError('updates.updater', { message: String(m) }),
      };
      return autoUpdater as unknown as UpdaterPort;
    },
    // electron-updater's CancellationToken (a download starts only after createUpdater loaded the module).
    createCancellation: () => (loaded ? new loaded.CancellationToken() : { cancel: () => undefined }),
    readEnabled: () => readUpdatesEnabled(dir),
    writeEnabled: (enabled) => writeUpdatesEnabled(dir, enabled),
    policy: readUpdatesPolicy(o.env ?? process.env),
    packaged: o.app.isPackaged,
    currentVersion: o.app.getVersion(),
    seanceRunning: () => seanceInProgress(o.getStore()),
    async ask(version) {
      const options: MessageBoxOptions = { type: 'question', title: d.title, message: d.message(version), detail: d.detail, buttons: [d.later, d.install], defaultId: 1, cancelId: 0, noLink: true };
      const win = o.getWindow();
      const r = win ? await o.dialog.showMessageBox(win, options) : await o.dialog.showMessageBox(options);
      return r.response === 1;
    },
    prepareInstall: () => o.getStore().flush(),
  });
}
