// App lifecycle rules: where the data lives and one running instance (quit ordering: quit.ts).
import { isAbsolute, join, resolve } from 'node:path';
import type { App, BrowserWindow } from 'electron';

/** Data folder: `--data DIR` (or `--data=DIR`), else CLSPD_DATA, else <userData>/data. */
export function resolveDataDir(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, userData: string, cwd = process.cwd()): string {
  let fromArg: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data' && i + 1 < argv.length && !argv[i + 1].startsWith('--')) fromArg = argv[i + 1];
    else if (a.startsWith('--data=')) fromArg = a.slice('--data='.length);
  }
  const chosen = fromArg?.trim() || env.CLSPD_DATA?.trim();
  if (!chosen) return join(userData, 'data');
  return isAbsolute(chosen) ? chosen : resolve(cwd, chosen);
}

/** `--user-data-dir=DIR` (Chromium's switch), honoured explicitly so tests and portable launches are fully isolated. */
export function userDataOverride(argv: readonly string[], cwd = process.cwd()): string | undefined {
  const arg = argv.find((a) => a.startsWith('--user-data-dir='));
  const dir = arg?.slice('--user-data-dir='.length).trim();
  return dir ? resolve(cwd, dir) : undefined;
}

type WindowLike = Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus' | 'isDestroyed'>;

/** Brings an existing window to the front (restored if minimised). */
export function focusWindow(win: WindowLike | null | undefined): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/**
 * Takes the single-instance lock. The first instance focuses its window when another launch happens; a second
 * instance quits at once and returns false (it must not open the datastore).
 */
export function installSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>, getWindow: () => WindowLike | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusWindow(getWindow()));
  return true;
}
