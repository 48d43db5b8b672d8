// Composition root of the Electron main process: security, single instance, data folder, store, IPC, window, menu, quit.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, screen, session, shell } from 'electron';
import { fr } from '../shared/i18n';
import { DomainError } from '../shared/result';
import { createInvoker } from './ipc/handlers';
import { configureLog, isTechnicalLogPath, logDirectory, logError, logInfo } from './log';
import { networkMounts } from './network-mounts';
import { createContext } from './services/context';
import { Store } from './store/store';
import { Vault } from './vault';
import { runRetention } from './services/register/lifecycle';
import { revokeCorrespondenceGrant } from './services/register/correspondence';
import { startIdleLock } from './services/vault';
import { installVaultLock } from './app/vault-lock';
import { registerIpc } from './app/ipc';
import { installSingleInstance, resolveDataDir, userDataOverride } from './app/lifecycle';
import { installQuitOrdering, installShutdown, type QuitOrdering } from './app/quit';
import { openChosenFiles } from './app/chosen-files';
import { followTeamInTitle, startTeamClient } from './app/team';
import type { TeamClient } from './team/client';
import { watchChildProcesses, watchWindowFailures } from './app/failures';
import { createPlatform } from './app/platform';
import { installUpdates } from './app/updates-app';
import { isGeneratedDocumentPath } from './documents/service';
import {
  installAppProtocol,
  installBeforeReady,
  installPermissionHandlers,
  installWebContentsHardening,
} from './app/security';
import { buildMenuTemplate, createMainWindow, WINDOW_STATE_FILE } from './app/window';

const RENDERER_ROOT = join(__dirname, '../renderer');
const PRELOAD_PATH = join(__dirname, '../preload/index.cjs');

let mainWindow: BrowserWindow | null = null;
let quitOrdering: QuitOrdering | null = null;
let teamClient: TeamClient | null = null;

const openExternal = (url: string) => shell.openExternal(url);

/** Opens the data folder; a folder held by another process or unusable is explained in French and the app quits. */
function openStore(dataDir: string): Store | null {
  try {
    return Store.open(dataDir, { owner: 'app' });
  } catch (e) {
    const locked = e instanceof DomainError && e.code === 'locked';
    const reason = e instanceof Error ? e.message : String(e);
    dialog.showErrorBox(
      locked ? fr.shell.startup.lockedTitle : fr.shell.startup.failedTitle,
      `${locked ? reason : fr.shell.startup.failed(reason)}\n\n${fr.shell.startup.dataDirHint(dataDir)}`,
    );
    return null;
  }
}

function windowIcon(): string | undefined {
  const base = app.isPackaged ? join(process.resourcesPath, 'resources') : join(app.getAppPath(), 'resources');
  const icon = join(base, 'icons', 'icon.png');
  return existsSync(icon) ? icon : undefined;
}

function openWindow(): BrowserWindow {
  const win = createMainWindow({
    icon: windowIcon(),
    BrowserWindow,
    workAreas: [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea),
    statePath: join(app.getPath('userData'), WINDOW_STATE_FILE),
    preloadPath: PRELOAD_PATH,
    isPackaged: app.isPackaged,
    title: fr.appName,
  });
  quitOrdering?.watchWindow(win);
  if (teamClient) followTeamInTitle(win, teamClient);
  watchWindowFailures(win, dialog, logDirectory);
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  configureLog({ dir: join(app.getPath('userData'), 'logs') });
  logInfo('app.start', { version: app.getVersion(), electron: process.versions.electron, node: process.versions.node, platform: process.platform, arch: process.arch, packaged: app.isPackaged });
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  const store = openStore(dataDir);
  if (!store) {
    app.quit();
    return;
  }
  quitOrdering = installQuitOrdering({
    app,
    close: () => store.close(),
    confirmLeave: (win) => {
      const q = fr.shell.quit;
      const options = { type: 'warning' as const, title: q.title, message: q.message, detail: q.detail, buttons: [q.stay, q.leave], defaultId: 0, cancelId: 0, noLink: true };
      return (win instanceof BrowserWindow ? dialog.showMessageBoxSync(win, options) : dialog.showMessageBoxSync(options)) === 1;
    },
  });
  installShutdown(app, powerMonitor, quitOrdering);
  watchChildProcesses(app);
  if (store.state.status === 'ok') {
    try {
      store.backup('start');
    } catch (e) {
      // A failed start backup must not keep the coordinator from working; the daily backup will retry.
      console.error(e);
    }
  }
  // A broken or empty datastore is not an error here: the renderer reads `app:state` and shows recovery or first run.
  // Files chosen in this installation's dialogs are remembered outside the data folder (userData).
  const safety = { chosen: openChosenFiles(app.getPath('userData')), isOwnFile: (p: string) => isGeneratedDocumentPath(p) || isTechnicalLogPath(p) };
  const ctx = createContext(store, createPlatform(dialog, shell, () => mainWindow, () => app.quit(), safety));
  // Mapped drives and network mounts, listed now and every two minutes (the PDF layout reads the last listing).
  void networkMounts().refresh();
  setInterval(() => void networkMounts().refresh(), 120_000).unref();
  // Updates: nothing at all unless turned on in Paramètres (setting kept in userData, IT policy from the environment).
  const updates = installUpdates({ app, dialog, getWindow: () => mainWindow, getStore: () => ctx.store });
  ctx.platform.updates = updates;
  updates.start();
  // Retention runs at start-up (what clspd.json holds) and again each time the protected store is unlocked.
  const vault: Vault = new Vault(dataDir, {
    onStateChange: (state) => {
      // A lock ends any re-authentication of the correspondence table; an unlock applies retention.
      if (state !== 'unlocked') revokeCorrespondenceGrant(vault);
      else void runRetention(ctx, (e) => logError('retention.failed', undefined, e));
    },
  });
  ctx.vault = vault;
  void runRetention(ctx, (e) => logError('retention.failed', undefined, e));
  // The coffre locks after the idle delay set in Paramètres and whenever the session locks.
  startIdleLock(ctx);
  installVaultLock(powerMonitor, () => vault.lock());
  // Team mode: every channel goes to the team server when connected (Paramètres « Données de l’équipe »), else locally.
  teamClient = startTeamClient(app.getPath('userData'), createInvoker(ctx), ctx.platform, () => mainWindow, () => ctx.vault);
  registerIpc(ipcMain, teamClient.invoke);

  installAppProtocol(protocol, RENDERER_ROOT);
  installPermissionHandlers(session.defaultSession);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform, appName: fr.appName })));
  app.setAboutPanelOptions({
    applicationName: fr.appName,
    applicationVersion: app.getVersion(),
    credits: fr.shell.about.credits,
    copyright: fr.shell.about.copyright,
  });

  mainWindow = openWindow();
  app.on('activate', () => {
    if (!mainWindow) mainWindow = openWindow();
  });
  app.on('window-all-closed', () => app.quit());
}

const userData = userDataOverride(process.argv);
if (userData) app.setPath('userData', userData); // before the single-instance lock, which lives in userData
installBeforeReady(app, protocol);
app.commandLine.appendSwitch('lang', 'fr');
installWebContentsHardening(app, openExternal);
if (installSingleInstance(app, () => mainWindow)) {
  start().catch((e: unknown) => {
    console.error(e);
    logError('app.startFailed', undefined, e);
    dialog.showErrorBox(fr.shell.startup.failedTitle, fr.shell.startup.failed(e instanceof Error ? e.message : String(e)));
    app.exit(1);
  });
}
