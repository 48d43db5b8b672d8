// Main window and menu (src/main/app/window.ts): secure creation, remembered bounds kept on screen, French menu.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import type { BrowserWindowConstructorOptions, MenuItemConstructorOptions } from 'electron';
import {
  buildMenuTemplate,
  clampToDisplays,
  createMainWindow,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  saveWindowState,
} from '../../../src/main/app/window';

const screenA = { x: 0, y: 0, width: 1920, height: 1040 };
const screenB = { x: 1920, y: 0, width: 1280, height: 984 };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-win-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

class FakeWindow {
  static last: FakeWindow;
  listeners = new Map<string, () => void>();
  once = vi.fn((name: string, fn: () => void) => this.listeners.set(name, fn));
  on = vi.fn((name: string, fn: () => void) => this.listeners.set(name, fn));
  show = vi.fn();
  maximize = vi.fn();
  loadURL = vi.fn(() => Promise.resolve());
  isDestroyed = () => false;
  isMinimized = () => false;
  isFullScreen = () => false;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 100, y: 50, width: 1300, height: 760 });
  constructor(readonly options: BrowserWindowConstructorOptions) {
    FakeWindow.last = this;
  }
}

function open(isPackaged: boolean) {
  return createMainWindow({
    BrowserWindow: FakeWindow as never,
    workAreas: [screenA],
    statePath: join(dir, 'window-state.json'),
    preloadPath: '/app/out/preload/index.cjs',
    isPackaged,
    title: 'Coordination CLSPD',
  }) as unknown as FakeWindow;
}

describe('main window', () => {
  it('is created with the secure webPreferences, hidden until painted, and loads app://clspd/index.html', () => {
    const win = open(true);
    const p = win.options.webPreferences!;
    expect(p).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false, preload: '/app/out/preload/index.cjs' });
    expect(win.options.show).toBe(false);
    expect(win.options.minWidth).toBe(MIN_WIDTH);
    expect(win.options.minHeight).toBe(MIN_HEIGHT);
    expect(win.loadURL).toHaveBeenCalledWith('app://clspd/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.listeners.get('ready-to-show')!();
    expect(win.show).toHaveBeenCalled();
  });

  it('keeps DevTools available in development only', () => {
    expect(open(false).options.webPreferences!.devTools).toBe(true);
  });

  it('remembers its size and position when closed, and reopens there', () => {
    const win = open(false);
    win.listeners.get('close')!();
    const saved = JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ x: 100, y: 50, width: 1300, height: 760, maximized: false });
    const again = open(false);
    expect(again.options).toMatchObject({ x: 100, y: 50, width: 1300, height: 760 });
  });

  it('ignores a corrupt or malformed state file', () => {
    const file = join(dir, 'window-state.json');
    writeFileSync(file, '{"x": "gauche"');
    expect(loadWindowState(file)).toBeUndefined();
    writeFileSync(file, JSON.stringify({ x: 1.5, y: 0, width: 800, height: 600 }));
    expect(loadWindowState(file)).toBeUndefined();
    saveWindowState(file, { x: 10, y: 20, width: 1100, height: 700, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 10, y: 20, width: 1100, height: 700, maximized: true });
    expect(open(false).maximize).toHaveBeenCalled();
  });
});

describe('bounds kept on a visible display', () => {
  it('centres a 1280×800 window on the primary display the first time', () => {
    expect(clampToDisplays(undefined, [screenA])).toEqual({ x: 320, y: 120, width: 1280, height: 800, maximized: false });
  });

  it('keeps bounds that are visible, on any display', () => {
    const onB = { x: 2000, y: 40, width: 1100, height: 800, maximized: false };
    expect(clampToDisplays(onB, [screenA, screenB])).toEqual(onB);
  });

  it('brings back a window left on a display that is gone', () => {
    const r = clampToDisplays({ x: 2000, y: 40, width: 1100, height: 800, maximized: false }, [screenA]);
    expect(r.x).toBeGreaterThanOrEqual(0);
    expect(r.x + r.width).toBeLessThanOrEqual(1920);
    expect(r.y + r.height).toBeLessThanOrEqual(1040);
  });

  it('shrinks a window larger than the screen and never below the minimum that fits', () => {
    const small = { x: 0, y: 0, width: 1366, height: 728 };
    const r = clampToDisplays({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [small]);
    expect(r).toMatchObject({ x: 0, y: 0, width: 1366, height: 728 });
    const tiny = clampToDisplays({ x: 10, y: 10, width: 200, height: 100, maximized: false }, [screenA]);
    expect(tiny.width).toBe(MIN_WIDTH);
    expect(tiny.height).toBe(MIN_HEIGHT);
  });

  it('pulls a window whose title bar is above the screen back into view', () => {
    const r = clampToDisplays({ x: 100, y: -500, width: 1200, height: 800, maximized: false }, [screenA]);
    expect(r.y).toBeGreaterThanOrEqual(0);
  });
});

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.map((i) => i.label ?? '');
}
function submenu(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return items.find((i) => i.label === label)!.submenu as MenuItemConstructorOptions[];
}

describe('French application menu', () => {
  it('has Fichier, Édition, Affichage, Aide with French items', () => {
    const t = buildMenuTemplate({ isPackaged: true, platform: 'win32', appName: 'Coordination CLSPD' });
    expect(labels(t)).toEqual(['Fichier', 'Édition', 'Affichage', 'Aide']);
    expect(labels(submenu(t, 'Fichier'))).toEqual(['Quitter']);
    expect(labels(submenu(t, 'Édition')).filter(Boolean)).toEqual(['Annuler', 'Rétablir', 'Couper', 'Copier', 'Coller', 'Tout sélectionner']);
    expect(labels(submenu(t, 'Affichage')).filter(Boolean)).toEqual(['Zoom avant', 'Zoom arrière', 'Taille réelle', 'Plein écran']);
    expect(labels(submenu(t, 'Aide'))).toEqual(['À propos']);
  });

  it('offers Recharger and the developer tools only in development', () => {
    const dev = buildMenuTemplate({ isPackaged: false, platform: 'linux', appName: 'Coordination CLSPD' });
    const view = submenu(dev, 'Affichage');
    expect(view.map((i) => i.role)).toContain('reload');
    expect(view.map((i) => i.role)).toContain('toggleDevTools');
    const packaged = submenu(buildMenuTemplate({ isPackaged: true, platform: 'linux', appName: 'Coordination CLSPD' }), 'Affichage');
    expect(packaged.map((i) => i.role)).not.toContain('reload');
    expect(packaged.map((i) => i.role)).not.toContain('toggleDevTools');
  });

  it('has an application menu in French on macOS', () => {
    const t = buildMenuTemplate({ isPackaged: true, platform: 'darwin', appName: 'Coordination CLSPD' });
    expect(t[0].label).toBe('Coordination CLSPD');
    expect(labels(t[0].submenu as MenuItemConstructorOptions[])).toContain('Quitter Coordination CLSPD');
  });
});
