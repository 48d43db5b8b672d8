// Composition root (src/main/index.ts) with `electron` mocked: single instance, data folder, locked/broken data, IPC, window, quit.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../src/shared/contract';
import { fr } from '../../../src/shared/i18n';

type Listener = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  const state = {
    lock: true,
    userData: '',
    appListeners: new Map<string, Listener>(),
    ipc: new Map<string, Listener>(),
    windows: [] as { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[],
  };
  return { state };
});

vi.mock('electron', () => {
  const { state } = h;
  class BrowserWindow {
    options: Record<string, unknown>;
    loadURL = vi.fn(() => Promise.resolve());
    once = vi.fn();
    on = vi.fn();
    webContents = { on: vi.fn(), loadURL: vi.fn(), reload: vi.fn() };
    maximize = vi.fn();
    constructor(options: Record<string, unknown>) {
      this.options = options;
      state.windows.push(this);
    }
  }
  const app = {
    isPackaged: false,
    enableSandbox: vi.fn(),
    commandLine: { appendSwitch: vi.fn() },
    on: vi.fn((name: string, fn: Listener) => state.appListeners.set(name, fn)),
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    getPath: vi.fn(() => state.userData),
    setPath: vi.fn(),
    getVersion: () => '0.1.0',
    getAppPath: () => process.cwd(),
    setAboutPanelOptions: vi.fn(),
  };
  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
  return {
    app,
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBoxSync: vi.fn(() => 0), showMessageBox: vi.fn() },
    powerMonitor: { on: vi.fn(), removeListener: vi.fn() },
    ipcMain: { handle: vi.fn((channel: string, fn: Listener) => state.ipc.set(channel, fn)) },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    screen: { getPrimaryDisplay: () => ({ workArea }), getAllDisplays: () => [{ workArea }] },
    session: { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() } },
    shell: { openExternal: vi.fn(), openPath: vi.fn(), showItemInFolder: vi.fn() },
  };
});

import * as electron from 'electron';

const mocked = electron as unknown as {
  app: Record<string, ReturnType<typeof vi.fn>>;
  dialog: { showErrorBox: ReturnType<typeof vi.fn> };
  protocol: { handle: ReturnType<typeof vi.fn>; registerSchemesAsPrivileged: ReturnType<typeof vi.fn> };
  session: { defaultSession: { setPermissionRequestHandler: ReturnType<typeof vi.fn> } };
  Menu: { setApplicationMenu: ReturnType<typeof vi.fn> };
};

let dataDir: string;
const argv = process.argv;

beforeEach(() => {
  vi.clearAllMocks();
  vi.resetModules();
  h.state.lock = true;
  h.state.appListeners.clear();
  h.state.ipc.clear();
  h.state.windows.length = 0;
  h.state.userData = mkdtempSync(join(tmpdir(), 'clspd-ud-'));
  dataDir = mkdtempSync(join(tmpdir(), 'clspd-'));
  process.argv = ['electron', '.', '--data', dataDir];
});

afterEach(async () => {
  const willQuit = h.state.appListeners.get('will-quit');
  if (willQuit) {
    willQuit({ preventDefault: () => undefined });
    await vi.waitFor(() => expect(mocked.app.quit).toHaveBeenCalled());
  }
  process.argv = argv;
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(h.state.userData, { recursive: true, force: true });
});

async function boot(): Promise<void> {
  await import('../../../src/main/index');
}

const fromApp = { senderFrame: { url: 'app://clspd/index.html', parent: null } };

describe('composition root', () => {
  it('starts: protocol, permissions, menu, one IPC handler per channel, a secure window on app://clspd', async () => {
    await boot();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
    expect(mocked.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(mocked.app.enableSandbox).toHaveBeenCalled();
    expect(mocked.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(mocked.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(mocked.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(h.state.appListeners.has('web-contents-created')).toBe(true);
    expect([...h.state.ipc.keys()].sort()).toEqual([...channelNames].sort());
    const win = h.state.windows[0];
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledWith('app://clspd/index.html');
    // The data folder given by --data is the one opened, and the app holds its lock.
    expect(existsSync(join(dataDir, 'clspd.lock'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, 'clspd.lock'), 'utf8')).owner).toBe('app');
    const state = await h.state.ipc.get('app:state')!(fromApp, undefined);
    expect(state).toEqual({ ok: true, value: { status: 'empty', dataDir } });
  });

  it('honours --user-data-dir before the single-instance lock, and gives the window the app icon', async () => {
    process.argv = [...process.argv, `--user-data-dir=${h.state.userData}`];
    await boot();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
    expect(mocked.app.setPath).toHaveBeenCalledWith('userData', h.state.userData);
    expect(mocked.app.setPath.mock.invocationCallOrder[0]).toBeLessThan(mocked.app.requestSingleInstanceLock.mock.invocationCallOrder[0]);
    expect(String(h.state.windows[0].options.icon)).toMatch(/resources[\\/]icons[\\/]icon\.png$/);
  });

  it('keeps the datastore open at before-quit (a window may still cancel), flushes and closes it at will-quit, then quits', async () => {
    await boot();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
    expect(await h.state.ipc.get('app:demo')!(fromApp, undefined)).toMatchObject({ ok: true });
    h.state.appListeners.get('before-quit')!({ preventDefault: vi.fn() });
    await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(join(dataDir, 'clspd.lock'))).toBe(true);
    const event = { preventDefault: vi.fn() };
    h.state.appListeners.get('will-quit')!(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(mocked.app.quit).toHaveBeenCalled());
    expect(existsSync(join(dataDir, 'clspd.lock'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dataDir, 'clspd.json'), 'utf8')).settings.demo).toBe(true);
    // The quit that follows the flush goes through.
    const last = { preventDefault: vi.fn() };
    h.state.appListeners.get('will-quit')!(last);
    expect(last.preventDefault).not.toHaveBeenCalled();
    h.state.appListeners.delete('will-quit');
  });

  it('the recovery screen’s « Quitter » (app:quit) quits the app, and the datastore is closed on the way out', async () => {
    writeFileSync(join(dataDir, 'clspd.json'), '{"schemaVersion": 1, "settings": {tronqué');
    await boot();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
    expect(await h.state.ipc.get('app:quit')!(fromApp, undefined)).toEqual({ ok: true, value: null });
    expect(mocked.app.quit).toHaveBeenCalledOnce();
  });

  it('watches every window for a held unload and a Windows session end, and powerMonitor for a shutdown', async () => {
    await boot();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
    const win = h.state.windows[0] as unknown as { on: ReturnType<typeof vi.fn>; webContents: { on: ReturnType<typeof vi.fn> } };
    expect(win.webContents.on).toHaveBeenCalledWith('will-prevent-unload', expect.any(Function));
    const sessionEnd = win.on.mock.calls.find((c) => c[0] === 'session-end')?.[1] as () => void;
    expect((electron as unknown as { powerMonitor: { on: ReturnType<typeof vi.fn> } }).powerMonitor.on).toHaveBeenCalledWith('shutdown', expect.any(Function));
    // Windows log-off: no before-quit, the lock is released at once.
    sessionEnd();
    await vi.waitFor(() => expect(existsSync(join(dataDir, 'clspd.lock'))).toBe(false));
    h.state.appListeners.delete('will-quit'); // already closed: the usual clean-up quit has nothing to do
  });

  it('makes a start backup when the datastore is sound', async () => {
    await boot();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
    await h.state.ipc.get('app:demo')!(fromApp, undefined);
    h.state.appListeners.get('will-quit')!({ preventDefault: () => undefined });
    await vi.waitFor(() => expect(mocked.app.quit).toHaveBeenCalled());
    h.state.appListeners.clear();
    h.state.windows.length = 0;
    vi.resetModules();
    vi.clearAllMocks();
    await boot();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
    expect(readdirSync(join(dataDir, 'backups')).some((n) => n.includes('start'))).toBe(true);
  });

  it('does not crash on a broken datastore: the window opens and app:state explains in French, file untouched', async () => {
    writeFileSync(join(dataDir, 'clspd.json'), '{"schemaVersion": 1, "settings": {tronqué');
    await boot();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
    expect(mocked.dialog.showErrorBox).not.toHaveBeenCalled();
    const r = await h.state.ipc.get('app:state')!(fromApp, undefined);
    expect(r).toMatchObject({ ok: true, value: { status: 'broken', message: expect.stringContaining('endommagé') } });
    expect(readFileSync(join(dataDir, 'clspd.json'), 'utf8')).toBe('{"schemaVersion": 1, "settings": {tronqué');
  });

  it('explains in French and quits when the data folder is held by another process', async () => {
    writeFileSync(join(dataDir, 'clspd.lock'), JSON.stringify({ pid: process.ppid, owner: 'cli' }));
    await boot();
    await vi.waitFor(() => expect(mocked.app.quit).toHaveBeenCalled());
    expect(mocked.dialog.showErrorBox).toHaveBeenCalledWith(fr.shell.startup.lockedTitle, expect.stringContaining('déjà ouvertes par la ligne de commande'));
    expect(h.state.windows).toHaveLength(0);
    expect(h.state.ipc.size).toBe(0);
    expect(JSON.parse(readFileSync(join(dataDir, 'clspd.lock'), 'utf8')).owner).toBe('cli');
  });

  it('a second instance quits without opening the datastore or a window', async () => {
    h.state.lock = false;
    await boot();
    await new Promise((r) => setTimeout(r, 50));
    expect(mocked.app.quit).toHaveBeenCalled();
    expect(mocked.app.whenReady).not.toHaveBeenCalled();
    expect(h.state.windows).toHaveLength(0);
    expect(existsSync(join(dataDir, 'clspd.lock'))).toBe(false);
  });
});
