// Lifecycle rules of the shell (src/main/app/lifecycle.ts): data folder choice, single instance.
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { installSingleInstance, resolveDataDir, userDataOverride } from '../../../src/main/app/lifecycle';

function fakeApp(lock = true) {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  return {
    listeners,
    requestSingleInstanceLock: vi.fn(() => lock),
    quit: vi.fn(),
    on: vi.fn((name: string, fn: (...args: unknown[]) => void) => listeners.set(name, fn)),
  };
}

function fakeWindow(minimized = false) {
  return { isMinimized: vi.fn(() => minimized), restore: vi.fn(), show: vi.fn(), focus: vi.fn(), isDestroyed: vi.fn(() => false) };
}

describe('single instance', () => {
  it('a second launch quits at once and does not go on', () => {
    const app = fakeApp(false);
    expect(installSingleInstance(app as never, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.on).not.toHaveBeenCalled();
  });

  it('the first instance focuses (and restores) its window when another launch happens', () => {
    const app = fakeApp(true);
    const win = fakeWindow(true);
    expect(installSingleInstance(app as never, () => win)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.listeners.get('second-instance')!({}, ['clspd'], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('a second launch before the window exists does nothing harmful', () => {
    const app = fakeApp(true);
    installSingleInstance(app as never, () => null);
    expect(() => app.listeners.get('second-instance')!({}, [], '/')).not.toThrow();
  });
});

describe('data folder', () => {
  const userData = '/home/coord/.config/Coordination CLSPD';
  it('defaults to <userData>/data', () => {
    expect(resolveDataDir(['electron', '.'], {}, userData)).toBe(join(userData, 'data'));
  });
  it('uses CLSPD_DATA, and --data wins over it', () => {
    expect(resolveDataDir(['electron', '.'], { CLSPD_DATA: '/srv/clspd' }, userData)).toBe('/srv/clspd');
    expect(resolveDataDir(['electron', '.', '--data', '/tmp/d'], { CLSPD_DATA: '/srv/clspd' }, userData)).toBe('/tmp/d');
    expect(resolveDataDir(['app.exe', '--data=/tmp/e'], {}, userData)).toBe('/tmp/e');
  });
  it('resolves a relative folder from the working directory and ignores an empty value', () => {
    expect(resolveDataDir(['x', '--data', 'donnees'], {}, userData, '/work')).toBe(resolve('/work', 'donnees'));
    expect(resolveDataDir(['x', '--data='], { CLSPD_DATA: '  ' }, userData)).toBe(join(userData, 'data'));
    expect(resolveDataDir(['x', '--data', '--other'], {}, userData)).toBe(join(userData, 'data'));
  });
});

describe('user data folder', () => {
  it('honours --user-data-dir=DIR and nothing else', () => {
    expect(userDataOverride(['electron', '.', '--user-data-dir=/tmp/ud'])).toBe('/tmp/ud');
    expect(userDataOverride(['electron', '.', '--user-data-dir=ud'], '/work')).toBe(resolve('/work', 'ud'));
    expect(userDataOverride(['electron', '.'])).toBeUndefined();
    expect(userDataOverride(['electron', '--user-data-dir='])).toBeUndefined();
  });
});
