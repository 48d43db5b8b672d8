// Opt-in updates with electron-updater: nothing at all until the coordinator turns them on in Paramètres; then a search
// at start-up and every six hours, a background download, and always a question before installing — never during a séance.
import type { UpdatesState, UpdatesStatus } from '../../shared/contract/maintenance';
import { maintenance } from '../../shared/i18n/maintenance';
import { DomainError } from '../../shared/result';
import { logInfo, logWarn } from '../log';
import type { UpdatesControl } from '../services/context';
import type { UpdatesPolicy } from './updates-settings';

/** What is used of electron-updater's AppUpdater (the real one is passed by the composition root; tests pass a fake). */
export interface UpdaterPort {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  checkForUpdates(): Promise<{ isUpdateAvailable: boolean; updateInfo: { version: string } } | null>;
  downloadUpdate(cancellationToken?: never): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  setFeedURL(options: { provider: 'generic'; url: string; channel: string }): void;
  on(event: 'download-progress', listener: (info: { percent: number }) => void): unknown;
}

/** A download that can be stopped when the coordinator turns updates off (electron-updater's CancellationToken). */
export interface Cancellation {
  cancel(): void;
}

export interface UpdatesDeps {
  /** Creates the updater; called only once updates are enabled (before that, electron-updater is not even loaded). */
  createUpdater(): UpdaterPort | Promise<UpdaterPort>;
  createCancellation(): Cancellation;
  readEnabled(): boolean;
  writeEnabled(enabled: boolean): void;
  policy: UpdatesPolicy;
  /** Only an installed (packaged) app can update itself. */
  packaged: boolean;
  currentVersion: string;
  /** True while a séance is in progress: nothing is installed then. */
  seanceRunning(): boolean;
  /** The main-process question (French dialog); true = install now. */
  ask(version: string): Promise<boolean>;
  /** Saves everything before the app closes for the installer (store flushed). */
  prepareInstall(): Promise<void>;
  now?: () => Date;
  /** Delay of the first search after start-up or after turning updates on, and the period of the next ones. */
  firstDelayMs?: number;
  intervalMs?: number;
  /** How often a ready update waiting for the end of a séance looks again. */
  seancePollMs?: number;
}

const SIX_HOURS = 6 * 60 * 60 * 1000;

export function createUpdates(deps: UpdatesDeps): UpdatesControl & { start(): void; stop(): void } {
  const t = maintenance.updates;
  const now = deps.now ?? (() => new Date());
  const usable = !deps.policy.forbidden && !deps.policy.badUrl && deps.packaged;
  let enabled = usable && deps.readEnabled();
  let state: UpdatesState = 'idle';
  let version: string | undefined;
  let percent: number | undefined;
  let lastCheckedAt: string | undefined;
  let waitingForSeance = false;
  let declined = false;
  let asking = false;
  let updater: UpdaterPort | undefined;
  let cancellation: Cancellation | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seanceTimer: ReturnType<typeof setTimeout> | undefined;

  const effectiveState = (): UpdatesState => (!deps.packaged && !deps.policy.forbidden && !deps.policy.badUrl ? 'unsupported' : !enabled ? 'off' : state);

  const message = (s: UpdatesState): string => {
    if (deps.policy.forbidden) return t.states.forbidden;
    if (deps.policy.badUrl) return t.states.badUrl;
    switch (s) {
      case 'off':
        return t.states.off;
      case 'unsupported':
        return t.states.unsupported;
      case 'checking':
        return t.states.checking;
      case 'downloading':
        return t.states.downloading(version ?? '', Math.round(percent ?? 0));
      case 'ready':
        return waitingForSeance ? t.states.waitingForSeance(version ?? '') : t.states.ready(version ?? '');
      case 'upToDate':
        return t.states.upToDate;
      case 'error':
        return t.states.error;
      default:
        return t.states.idle;
    }
  };

  const status = (): UpdatesStatus => {
    const s = effectiveState();
    return {
      enabled,
      forbidden: deps.policy.forbidden,
      state: s,
      message: message(s),
      source: deps.policy.feedUrl ? t.sourceIt(deps.policy.feedUrl) : t.sourceProject,
      currentVersion: deps.currentVersion,
      ...(version && (s === 'downloading' || s === 'ready') ? { availableVersion: version } : {}),
      ...(s === 'downloading' && percent !== undefined ? { percent: Math.round(percent) } : {}),
      ...(lastCheckedAt ? { lastCheckedAt } : {}),
      waitingForSeance: s === 'ready' && waitingForSeance,
    };
  };

  const getUpdater = async (): Promise<UpdaterPort> => {
    if (updater) return updater;
    const u = await deps.createUpdater();
    // We decide when to download and when to install: never silently at quit, never a pre-release, never a downgrade.
    u.autoDownload = false;
    u.autoInstallOnAppQuit = false;
    u.allowPrerelease = false;
    u.allowDowngrade = false;
    if (deps.policy.feedUrl) u.setFeedURL({ provider: 'generic', url: deps.policy.feedUrl, channel: 'latest' });
    u.on('download-progress', (info) => {
      if (state === 'downloading') percent = info.percent;
    });
    updater = u;
    return u;
  };

  const clearTimers = () => {
    if (timer) clearTimeout(timer);
    if (seanceTimer) clearTimeout(seanceTimer);
    timer = seanceTimer = undefined;
  };

  const schedule = (delayMs: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void search().finally(() => enabled && !timer && schedule(deps.intervalMs ?? SIX_HOURS));
    }, delayMs);
    timer.unref?.();
  };

  /** Installs now if no séance runs (checked again: one may have started while the question was on screen). */
  const installNow = async (): Promise<void> => {
    if (deps.seanceRunning()) {
      waitingForSeance = true;
      watchSeance();
      return;
    }
    await deps.prepareInstall();
    logInfo('updates.install', { version: version ?? '' });
    (await getUpdater()).quitAndInstall(false, true);
  };

  /** Asks once the update is ready and no séance runs; « Plus tard » is respected until the next start or « Installer ». */
  const offer = async (): Promise<void> => {
    if (!enabled || state !== 'ready' || asking || declined) return;
    if (deps.seanceRunning()) {
      waitingForSeance = true;
      watchSeance();
      return;
    }
    waitingForSeance = false;
    asking = true;
    try {
      if (await deps.ask(version ?? '')) await installNow();
      else declined = true;
    } finally {
      asking = false;
    }
  };

  const watchSeance = () => {
    if (seanceTimer) return;
    seanceTimer = setTimeout(() => {
      seanceTimer = undefined;
      void offer();
    }, deps.seancePollMs ?? 60_000);
    seanceTimer.unref?.();
  };

  /** Background download; the question comes once it is complete (and no séance runs). */
  const download = async (u: UpdaterPort): Promise<void> => {
    const token = deps.createCancellation();
    cancellation = token;
    try {
      await u.downloadUpdate(token as never);
      if (cancellation !== token || !enabled) return;
      state = 'ready';
      logInfo('updates.downloaded', { version: version ?? '' });
      void offer();
    } catch (e) {
      if (cancellation !== token || !enabled) return;
      logWarn('updates.failed', { during: 'download' }, e);
      state = 'error';
    } finally {
      if (cancellation === token) cancellation = undefined;
    }
  };

  /** One search at a time; resolves when the search is answered (the download goes on in the background). */
  const search = async (): Promise<void> => {
    if (!enabled) return;
    if (state === 'ready') return offer();
    if (state === 'checking' || state === 'downloading') return;
    state = 'checking';
    let u: UpdaterPort;
    let found: Awaited<ReturnType<UpdaterPort['checkForUpdates']>>;
    try {
      u = await getUpdater();
      found = await u.checkForUpdates();
      lastCheckedAt = now().toISOString();
    } catch (e) {
      if (!enabled) return;
      logWarn('updates.failed', { during: 'check' }, e);
      state = 'error';
      return;
    }
    if (!enabled) return;
    if (!found) {
      state = 'idle';
      return;
    }
    if (!found.isUpdateAvailable) {
      state = 'upToDate';
      return;
    }
    version = found.updateInfo.version;
    percent = 0;
    state = 'downloading';
    void download(u);
  };

  return {
    status,
    start() {
      if (enabled) schedule(deps.firstDelayMs ?? 30_000);
    },
    stop: clearTimers,
    setEnabled(next) {
      if (deps.policy.forbidden || deps.policy.badUrl) throw new DomainError('forbidden', t.errors.forbidden);
      if (!deps.packaged) throw new DomainError('forbidden', t.errors.unsupported);
      deps.writeEnabled(next);
      enabled = next;
      logInfo('updates.setting', { enabled: next });
      if (next) {
        declined = false;
        if (state !== 'ready') state = 'idle';
        schedule(deps.firstDelayMs ?? 30_000);
      } else {
        clearTimers();
        cancellation?.cancel();
        cancellation = undefined;
        waitingForSeance = false;
        if (state !== 'ready') state = 'idle';
      }
      return status();
    },
    async checkNow() {
      if (!enabled) throw new DomainError('forbidden', usable ? t.errors.disabled : deps.packaged ? t.errors.forbidden : t.errors.unsupported);
      await search();
      return status();
    },
    async install() {
      if (!enabled) throw new DomainError('forbidden', usable ? t.errors.disabled : deps.packaged ? t.errors.forbidden : t.errors.unsupported);
      if (state !== 'ready') throw new DomainError('conflict', t.errors.notReady);
      if (deps.seanceRunning()) throw new DomainError('conflict', t.errors.seance);
      if (asking) return status();
      asking = true;
      try {
        if (await deps.ask(version ?? '')) await installNow();
      } finally {
        asking = false;
      }
      return status();
    },
  };
}
