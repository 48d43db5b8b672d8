// Opt-in updates with electron-updater mocked: nothing happens while they are off (the default), the setting lives on this
// computer (userData), the service informatique can forbid them, a download never installs during a séance, and the app always asks.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The fake electron-updater: counts how often the module was loaded and records what the app asked of it. */
const h = vi.hoisted(() => {
  const state = {
    loaded: 0,
    available: '0.2.0' as string | null,
    failCheck: false,
    /** Resolves the pending download (a download takes as long as the test wants). */
    finishDownload: undefined as (() => void) | undefined,
    cancelled: 0,
    calls: [] as string[],
  };
  const listeners: Record<string, ((x: unknown) => void)[]> = {};
  const autoUpdater = {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    allowPrerelease: true,
    allowDowngrade: true,
    logger: undefined as unknown,
    on: (event: string, l: (x: unknown) => void) => {
      (listeners[event] ??= []).push(l);
      return autoUpdater;
    },
    emit: (event: string, x: unknown) => listeners[event]?.forEach((l) => l(x)),
    checkForUpdates: async () => {
      state.calls.push('check');
      if (state.failCheck) throw new Error('net::ERR_INTERNET_DISCONNECTED');
      return { isUpdateAvailable: state.available !== null, updateInfo: { version: state.available ?? '0.1.0' } };
    },
    downloadUpdate: (token: { onCancel?: () => void }) => {
      state.calls.push('download');
      return new Promise<string[]>((resolve, reject) => {
        state.finishDownload = () => resolve(['installer.exe']);
        token.onCancel = () => reject(new Error('cancelled'));
      });
    },
    quitAndInstall: (isSilent?: boolean, isForceRunAfter?: boolean) => state.calls.push(`quitAndInstall(${isSilent},${isForceRunAfter})`),
    setFeedURL: (o: { url: string }) => state.calls.push(`feed ${o.url}`),
  };
  class CancellationToken {
    onCancel?: () => void;
    cancel() {
      state.cancelled++;
      this.onCancel?.();
    }
  }
  return { state, autoUpdater, CancellationToken };
});

vi.mock('electron', () => ({}));
vi.mock('electron-updater', () => {
  h.state.loaded++;
  return { autoUpdater: h.autoUpdater, CancellationToken: h.CancellationToken };
});

import { installUpdates } from '../../../src/main/app/updates-app';
import { readUpdatesPolicy, UPDATES_FILE } from '../../../src/main/app/updates-settings';
import { createInvoker } from '../../../src/main/ipc/handlers';
import { createContext, type DataStore } from '../../../src/main/services/context';
import { fr } from '../../../src/shared/i18n';

const t = fr.maintenance.updates;
const dirs: string[] = [];
let seance = false;
let answer = 1;
const flushed: number[] = [];
const dialog = { showMessageBox: vi.fn(async (_o: unknown) => ({ response: answer, checkboxChecked: false })) };

beforeEach(() => {
  Object.assign(h.state, { available: '0.2.0', failCheck: false, finishDownload: undefined, cancelled: 0, calls: [] });
  Object.assign(h.autoUpdater, { autoDownload: true, autoInstallOnAppQuit: true, allowPrerelease: true, allowDowngrade: true });
  seance = false;
  answer = 1;
  flushed.length = 0;
  dialog.showMessageBox.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A store whose only meeting is « en cours » while `seance` is true. */
const store = {
  isReady: true,
  get data() {
    return { meetings: [{ id: 'm1', status: seance ? 'in_progress' : 'convened' }] };
  },
  flush: async () => void flushed.push(h.state.calls.length),
} as unknown as DataStore;

function setup(options: { packaged?: boolean; env?: NodeJS.ProcessEnv; userData?: string } = {}) {
  const userData = options.userData ?? mkdtempSync(join(tmpdir(), 'clspd-updates-'));
  if (!options.userData) dirs.push(userData);
  const app = { isPackaged: options.packaged ?? true, getVersion: () => '0.1.0', getPath: () => userData };
  const updates = installUpdates({ app, dialog: dialog as never, getWindow: () => null, getStore: () => store, env: options.env ?? {} });
  const ctx = createContext(store);
  ctx.platform.updates = updates;
  return { updates, userData, invoke: createInvoker(ctx) };
}

/** Lets the pending promise callbacks run (download resolution, offer, dialog). */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('updates are off by default', () => {
  it('nothing happens while disabled: electron-updater is never loaded, nothing is searched, scheduled or installed', async () => {
    vi.useFakeTimers();
    const loadedBefore = h.state.loaded;
    const { updates, invoke } = setup();
    updates.start();
    await vi.advanceTimersByTimeAsync(7 * 60 * 60 * 1000);
    expect(h.state.loaded).toBe(loadedBefore);
    expect(h.state.calls).toEqual([]);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    const r = await invoke('updates:status', undefined);
    expect(r).toMatchObject({ ok: true, value: { enabled: false, state: 'off', message: t.states.off, forbidden: false } });
    // « Rechercher maintenant » and « Installer » are refused in French while off.
    expect(await invoke('updates:check', undefined)).toMatchObject({ ok: false, error: { code: 'forbidden', message: t.errors.disabled } });
    expect(await invoke('updates:install', undefined)).toMatchObject({ ok: false, error: { code: 'forbidden', message: t.errors.disabled } });
    expect(h.state.calls).toEqual([]);
  });

  it('the setting is kept on this computer (userData/updates.json), read again at the next start; a damaged file means off', async () => {
    const { invoke, userData } = setup();
    expect(await invoke('updates:setEnabled', { enabled: true })).toMatchObject({ ok: true, value: { enabled: true, state: 'idle' } });
    expect(JSON.parse(readFileSync(join(userData, UPDATES_FILE), 'utf8'))).toEqual({ enabled: true });
    expect(setup({ userData }).updates.status().enabled).toBe(true);
    writeFileSync(join(userData, UPDATES_FILE), '{"enabled": "oui"');
    expect(setup({ userData }).updates.status()).toMatchObject({ enabled: false, state: 'off' });
  });

  it('the service informatique can forbid them (CLSPD_UPDATES=off): the switch is refused and nothing is written', async () => {
    const { invoke, userData } = setup({ env: { CLSPD_UPDATES: 'off' } });
    expect(await invoke('updates:status', undefined)).toMatchObject({ ok: true, value: { forbidden: true, enabled: false, message: t.states.forbidden } });
    expect(await invoke('updates:setEnabled', { enabled: true })).toMatchObject({ ok: false, error: { code: 'forbidden', message: t.errors.forbidden } });
    expect(existsSync(join(userData, UPDATES_FILE))).toBe(false);
    // Even an earlier « on » does not survive the policy.
    writeFileSync(join(userData, UPDATES_FILE), '{"enabled":true}');
    expect(setup({ userData, env: { CLSPD_UPDATES: 'non' } }).updates.status()).toMatchObject({ enabled: false, forbidden: true });
  });

  it('an internal server replaces the project’s releases only over https; a development build cannot update', () => {
    expect(readUpdatesPolicy({ CLSPD_UPDATES_URL: 'https://intranet.mairie.fr/clspd/' })).toEqual({ forbidden: false, feedUrl: 'https://intranet.mairie.fr/clspd/', badUrl: false });
    expect(readUpdatesPolicy({ CLSPD_UPDATES_URL: 'http://intranet/clspd/' })).toMatchObject({ badUrl: true });
    expect(setup({ env: { CLSPD_UPDATES_URL: 'http://intranet/clspd/' } }).updates.status().message).toBe(t.states.badUrl);
    expect(setup({ env: { CLSPD_UPDATES_URL: 'https://intranet.mairie.fr/clspd/' } }).updates.status().source).toBe(t.sourceIt('https://intranet.mairie.fr/clspd/'));
    expect(setup({ packaged: false }).updates.status()).toMatchObject({ state: 'unsupported', message: t.states.unsupported });
  });
});

describe('once enabled', () => {
  it('searches after the first delay, downloads in the background, then asks; « Installer et redémarrer » saves then installs', async () => {
    const { invoke, updates } = setup({ env: { CLSPD_UPDATES_URL: 'https://intranet.mairie.fr/clspd/' } });
    await invoke('updates:setEnabled', { enabled: true });
    await updates.checkNow();
    // electron-updater never decides alone: no automatic download, no install at quit, no pre-release, no downgrade.
    expect(h.autoUpdater).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false, allowPrerelease: false, allowDowngrade: false });
    expect(h.state.calls).toEqual(['feed https://intranet.mairie.fr/clspd/', 'check', 'download']);
    h.autoUpdater.emit('download-progress', { percent: 41.6 });
    expect(updates.status()).toMatchObject({ state: 'downloading', percent: 42, availableVersion: '0.2.0', message: t.states.downloading('0.2.0', 42) });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    h.state.finishDownload!();
    await settle();
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    const options = dialog.showMessageBox.mock.calls[0][0] as { message: string; buttons: string[]; cancelId: number };
    expect(options.message).toBe(t.dialog.message('0.2.0'));
    expect(options.buttons).toEqual([t.dialog.later, t.dialog.install]);
    expect(options.cancelId).toBe(0);
    expect(h.state.calls.at(-1)).toBe('quitAndInstall(false,true)');
    // The store was flushed before the installer was started.
    expect(flushed).toEqual([3]);
  });

  it('« Plus tard » installs nothing and is not asked again by the next search; Paramètres « Installer » asks again', async () => {
    answer = 0;
    const { invoke, updates } = setup();
    await invoke('updates:setEnabled', { enabled: true });
    await updates.checkNow();
    h.state.finishDownload!();
    await settle();
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(h.state.calls).not.toContain('quitAndInstall(false,true)');
    expect(updates.status()).toMatchObject({ state: 'ready', message: t.states.ready('0.2.0') });
    await updates.checkNow();
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    answer = 1;
    expect(await invoke('updates:install', undefined)).toMatchObject({ ok: true });
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
    expect(h.state.calls.at(-1)).toBe('quitAndInstall(false,true)');
  });

  it('never installs during a séance: no question while it runs, « Installer » refused, asked once it has ended', async () => {
    vi.useFakeTimers();
    const { invoke, updates } = setup();
    await invoke('updates:setEnabled', { enabled: true });
    const search = updates.checkNow();
    await vi.advanceTimersByTimeAsync(0);
    seance = true;
    h.state.finishDownload!();
    await search;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(h.state.calls).not.toContain('quitAndInstall(false,true)');
    expect(updates.status()).toMatchObject({ state: 'ready', waitingForSeance: true, message: t.states.waitingForSeance('0.2.0') });
    expect(await invoke('updates:install', undefined)).toMatchObject({ ok: false, error: { code: 'conflict', message: t.errors.seance } });
    seance = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(h.state.calls.at(-1)).toBe('quitAndInstall(false,true)');
  });

  it('a séance started while the question was on screen: « Installer » is answered, nothing is installed until it ends', async () => {
    dialog.showMessageBox.mockImplementationOnce(async () => {
      seance = true;
      return { response: 1, checkboxChecked: false };
    });
    const { invoke, updates } = setup();
    await invoke('updates:setEnabled', { enabled: true });
    await updates.checkNow();
    h.state.finishDownload!();
    await settle();
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(h.state.calls).not.toContain('quitAndInstall(false,true)');
    expect(flushed).toEqual([]);
    expect(updates.status().waitingForSeance).toBe(true);
    updates.stop();
  });

  it('turning updates off stops the download and asks nothing; a failed search says so in French', async () => {
    const { invoke, updates } = setup();
    await invoke('updates:setEnabled', { enabled: true });
    await updates.checkNow();
    expect(await invoke('updates:setEnabled', { enabled: false })).toMatchObject({ ok: true, value: { enabled: false, state: 'off' } });
    expect(h.state.cancelled).toBe(1);
    await settle();
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    await invoke('updates:setEnabled', { enabled: true });
    h.state.failCheck = true;
    expect(await invoke('updates:check', undefined)).toMatchObject({ ok: true, value: { state: 'error', message: t.states.error } });
    h.state.failCheck = false;
    h.state.available = null;
    expect(await invoke('updates:check', undefined)).toMatchObject({ ok: true, value: { state: 'upToDate', message: t.states.upToDate, lastCheckedAt: expect.any(String) } });
    updates.stop();
  });

  it('once on, searches by itself after the first delay and every six hours', async () => {
    vi.useFakeTimers();
    h.state.available = null;
    const { invoke, updates } = setup();
    await invoke('updates:setEnabled', { enabled: true });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(h.state.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(h.state.calls).toEqual(['check']);
    await vi.advanceTimersByTimeAsync(6 * 60 * 60 * 1000);
    expect(h.state.calls).toEqual(['check', 'check']);
    updates.stop();
  });
});

describe('where the app cannot update itself (command line, browser harness)', () => {
  it('updates:status says so; the other channels refuse in French', async () => {
    const invoke = createInvoker(createContext(store));
    expect(await invoke('updates:status', undefined)).toMatchObject({ ok: true, value: { state: 'unsupported', enabled: false } });
    for (const [c, p] of [['updates:setEnabled', { enabled: true }], ['updates:check', undefined], ['updates:install', undefined]] as const) {
      expect(await invoke(c, p), c).toMatchObject({ ok: false, error: { code: 'forbidden', message: t.errors.unsupported } });
    }
  });
});
