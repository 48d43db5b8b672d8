// The main window (remembered size and position, shown when ready, loads app://clspd) and the French application menu.
import { mkdirSync, renameSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions, MenuItemConstructorOptions, Rectangle } from 'electron';
import { z } from 'zod';
import { fr } from '../../shared/i18n';
import { APP_ENTRY_URL, secureWebPreferences } from './security';

export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 640;
export const DEFAULT_WIDTH = 1280;
export const DEFAULT_HEIGHT = 800;
export const WINDOW_STATE_FILE = 'window-state.json';

const WindowState = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof WindowState>;

/** Reads the remembered window state; anything missing, unreadable or malformed gives undefined (defaults apply). */
export function loadWindowState(file: string): WindowState | undefined {
  try {
    const parsed = WindowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the window state beside the user's settings (temp file + rename so a crash never leaves half a file). */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, file);
  } catch {
    // Losing the window position is harmless; never disturb quitting for it.
  }
}

function overlap(a: Rectangle, b: Rectangle): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Fits remembered bounds to the current displays: sizes within [minimum, work area]; a window whose title bar
 * would sit off every screen (unplugged monitor, changed layout) is centred on the primary display instead.
 */
export function clampToDisplays(saved: WindowState | undefined, workAreas: Rectangle[]): Rectangle & { maximized: boolean } {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT };
  const fit = (area: Rectangle, width: number, height: number) => ({
    width: Math.max(Math.min(width, area.width), Math.min(MIN_WIDTH, area.width)),
    height: Math.max(Math.min(height, area.height), Math.min(MIN_HEIGHT, area.height)),
  });
  const centred = (area: Rectangle, width: number, height: number) => {
    const size = fit(area, width, height);
    return {
      x: Math.round(area.x + (area.width - size.width) / 2),
      y: Math.round(area.y + (area.height - size.height) / 2),
      ...size,
    };
  };
  if (!saved) return { ...centred(primary, DEFAULT_WIDTH, DEFAULT_HEIGHT), maximized: false };
  // The title bar (top 40 px) must be reachable with the mouse on some display.
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: Math.min(40, saved.height) };
  const host = workAreas
    .map((area) => ({ area, shared: overlap(titleBar, area) }))
    .filter((c) => c.shared >= Math.min(titleBar.width, 100) * titleBar.height * 0.5)
    .sort((a, b) => b.shared - a.shared)[0]?.area;
  if (!host) return { ...centred(primary, saved.width, saved.height), maximized: saved.maximized };
  const size = fit(host, saved.width, saved.height);
  const x = Math.min(Math.max(saved.x, host.x), host.x + host.width - size.width);
  const y = Math.min(Math.max(saved.y, host.y), host.y + host.height - size.height);
  return { x, y, ...size, maximized: saved.maximized };
}

export interface MenuOptions {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  appName: string;
}

/** The French application menu. Recharger and the developer tools exist only outside packaged builds. */
export function buildMenuTemplate({ isPackaged, platform, appName }: MenuOptions): MenuItemConstructorOptions[] {
  const m = fr.shell.menu;
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: appName,
      submenu: [
        { role: 'about', label: m.aboutApp(appName) },
        { type: 'separator' },
        { role: 'hide', label: m.hide(appName) },
        { role: 'hideOthers', label: m.hideOthers },
        { role: 'unhide', label: m.showAll },
        { type: 'separator' },
        { role: 'quit', label: m.quitApp(appName) },
      ],
    });
  }
  template.push({
    label: m.file,
    submenu: [isMac ? { role: 'close', label: fr.actions.close } : { role: 'quit', label: m.quit, accelerator: 'CmdOrCtrl+Q' }],
  });
  template.push({
    label: m.edit,
    submenu: [
      { role: 'undo', label: m.undo },
      { role: 'redo', label: m.redo },
      { type: 'separator' },
      { role: 'cut', label: m.cut },
      { role: 'copy', label: m.copy },
      { role: 'paste', label: m.paste },
      { type: 'separator' },
      { role: 'selectAll', label: m.selectAll },
    ],
  });
  const view: MenuItemConstructorOptions[] = [];
  if (!isPackaged) {
    view.push({ role: 'reload', label: m.reload }, { role: 'toggleDevTools', label: m.toggleDevTools }, { type: 'separator' });
  }
  view.push(
    { role: 'zoomIn', label: m.zoomIn },
    { role: 'zoomOut', label: m.zoomOut },
    { role: 'resetZoom', label: m.resetZoom },
    { type: 'separator' },
    { role: 'togglefullscreen', label: m.fullScreen },
  );
  template.push({ label: m.view, submenu: view });
  if (isMac) template.push({ label: m.window, submenu: [{ role: 'minimize', label: m.minimize }, { role: 'zoom' }] });
  template.push({ label: m.help, submenu: [{ role: 'about', label: isMac ? m.aboutApp(appName) : m.about }] });
  return template;
}

export interface MainWindowOptions {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  workAreas: Rectangle[];
  statePath: string;
  preloadPath: string;
  isPackaged: boolean;
  title: string;
  icon?: string;
}

/** Creates the main window with the secure preferences, restores its place, shows it once painted and loads the app. */
export function createMainWindow(o: MainWindowOptions): BrowserWindow {
  const bounds = clampToDisplays(loadWindowState(o.statePath), o.workAreas);
  const win = new o.BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: o.title,
    backgroundColor: '#ffffff',
    ...(o.icon ? { icon: o.icon } : {}),
    webPreferences: secureWebPreferences(o.preloadPath, o.isPackaged),
  });
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  let timer: NodeJS.Timeout | undefined;
  const remember = () => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    const b = win.getNormalBounds();
    saveWindowState(o.statePath, { x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(remember, 500);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('close', () => {
    clearTimeout(timer);
    remember();
  });

  void win.loadURL(APP_ENTRY_URL);
  return win;
}
