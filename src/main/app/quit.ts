// Quit ordering: windows close first (a page still saving holds its unload, retried, then a French choice), the datastore is
// flushed and its lock released only once quitting is certain (will-quit), and at Windows log-off or system shutdown too.
import type { App, BrowserWindow, Event, PowerMonitor } from 'electron';
import { logError, logInfo, logWarn } from '../log';

type QuitApp = Pick<App, 'on' | 'quit' | 'exit'>;
type WatchedWindow = Pick<BrowserWindow, 'close' | 'isDestroyed' | 'on'> & { webContents: Pick<BrowserWindow['webContents'], 'on'> };

export interface QuitOrderingOptions {
  app: QuitApp;
  /** Flushes the datastore and releases the folder lock. */
  close: () => Promise<void>;
  /** Asked (synchronously, in French) when a page still holds its unload after the retries: true = quit anyway. */
  confirmLeave: (win: WatchedWindow) => boolean;
  /** How long a page saving its last notes is given before the quit is tried again, and how many times. */
  retryDelayMs?: number;
  maxRetries?: number;
  setTimer?: (fn: () => void, ms: number) => void;
}

export interface QuitOrdering {
  /**
   * Handles `will-prevent-unload` of a window (the séance screen holds the unload while its notes are saving) and
   * its `session-end` (Windows log-off or shutdown: no before-quit, the process may be ended at any moment).
   */
  watchWindow(win: WatchedWindow): void;
  /** Closes the datastore at once (log-off, shutdown): the windows may be gone without any unload. */
  emergencyClose(reason: string): Promise<void>;
  readonly state: 'running' | 'closing' | 'closed';
}

export function installQuitOrdering(o: QuitOrderingOptions): QuitOrdering {
  const retryDelayMs = o.retryDelayMs ?? 400;
  const maxRetries = o.maxRetries ?? 5;
  const setTimer = o.setTimer ?? ((fn, ms) => void setTimeout(fn, ms));
  let state: QuitOrdering['state'] = 'running';
  let quitting = false;
  let retries = 0;

  const closeStore = (reason: string): Promise<void> => {
    if (state !== 'running') return Promise.resolve();
    state = 'closing';
    logInfo('app.closing', { reason });
    return o
      .close()
      .catch((e: unknown) => logError('app.closeFailed', { reason }, e))
      .finally(() => {
        state = 'closed';
      });
  };

  o.app.on('before-quit', () => {
    quitting = true;
  });

  // Every window is closed now and nothing can cancel the quit any more: flush, release, then really quit.
  o.app.on('will-quit', (event: Event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    void closeStore('quit').finally(() => o.app.quit());
  });

  return {
    get state() {
      return state;
    },
    watchWindow(win) {
      win.on('session-end', () => void this.emergencyClose('session-end'));
      win.webContents.on('will-prevent-unload', (event: Event) => {
        const wasQuitting = quitting;
        // Whatever happens next, this close is cancelled unless we prevent the page's refusal: re-arm.
        quitting = false;
        if (retries < maxRetries) {
          // The page is sending its last notes: give the save a moment, then try again.
          retries++;
          setTimer(() => {
            if (win.isDestroyed()) return;
            if (wasQuitting) o.app.quit();
            else win.close();
          }, retryDelayMs);
          return;
        }
        retries = 0;
        if (o.confirmLeave(win)) {
          logWarn('app.leftUnsaved', { quitting: wasQuitting });
          quitting = wasQuitting;
          event.preventDefault(); // ignore the page's beforeunload: the window closes
        }
        // Otherwise the coordinator stays; nothing was flushed or released, the next quit starts over.
      });
    },
    emergencyClose(reason) {
      logWarn('app.emergencyClose', { reason });
      return closeStore(reason);
    },
  };
}

/**
 * Linux and macOS announce a shutdown through powerMonitor: delay it, quit in order (the pages send their last
 * notes), and close the datastore anyway after `graceMs`.
 */
export function installShutdown(app: QuitApp, powerMonitor: Pick<PowerMonitor, 'on'>, ordering: QuitOrdering, graceMs = 3_000, setTimer: (fn: () => void, ms: number) => void = (fn, ms) => void setTimeout(fn, ms)): void {
  // Electron passes an event whose preventDefault delays the shutdown (its typings omit it).
  const onShutdown = (event?: Pick<Event, 'preventDefault'>) => {
    event?.preventDefault();
    app.quit();
    setTimer(() => void ordering.emergencyClose('shutdown').finally(() => app.exit(0)), graceMs);
  };
  powerMonitor.on('shutdown', onShutdown as () => void);
}
