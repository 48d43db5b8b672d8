// Electron E2E: launches the real app on a temporary data folder and checks the window, its security and an IPC round trip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { SCHEMA_VERSION } from '../../../src/shared/model';

const projectDir = resolve(__dirname, '../../..');

/**
 * Finds the Electron executable. When it is missing (the electron package fetches it lazily), one download is tried,
 * as `npm start` would do; where that is impossible (no internet), the reason is given and the tests are skipped.
 */
function findElectron(): { path: string } | { reason: string } {
  const pkgDir = dirname(require.resolve('electron/package.json', { paths: [projectDir] }));
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !existsSync(join(pkgDir, 'path.txt')) && !process.env.CLSPD_E2E_NO_ELECTRON_DOWNLOAD) {
    spawnSync(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  }
  const pathTxt = join(pkgDir, 'path.txt');
  const platformName =
    process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
  const exe = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : platformName;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, exe) : join(pkgDir, 'dist', exe);
  if (existsSync(candidate)) return { path: candidate };
  return {
    reason: override
      ? `ELECTRON_OVERRIDE_DIST_PATH=${override} does not contain ${exe}`
      : `no Electron binary at ${candidate} and its download failed (it comes from Electron's servers, outside the npm registry; set ELECTRON_OVERRIDE_DIST_PATH to use an installed one)`,
  };
}

const found = findElectron();
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

test.describe.configure({ mode: 'serial' });
test.skip('reason' in found, `Electron binary absent on this machine: ${'reason' in found ? found.reason : ''}`);
test.skip(!('reason' in found) && noDisplay, 'No display for Electron on this Linux machine: run the tests under xvfb-run.');

let app: ElectronApplication;
let page: Page;
let dataDir: string;
let userDataDir: string;

test.beforeAll(async () => {
  if (!('path' in found)) return;
  const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
  if (!outputs.every((f) => existsSync(join(projectDir, f)))) {
    const r = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build'], { cwd: projectDir, stdio: 'inherit', shell: process.platform === 'win32' });
    expect(r.status, 'electron-vite build').toBe(0);
  }
  dataDir = mkdtempSync(join(tmpdir(), 'clspd-e2e-data-'));
  userDataDir = mkdtempSync(join(tmpdir(), 'clspd-e2e-userdata-'));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE' && k !== 'CLSPD_DATA') env[k] = v;
  const rootNoSandbox = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];
  app = await electron.launch({
    executablePath: found.path,
    args: [projectDir, '--data', dataDir, `--user-data-dir=${userDataDir}`, ...rootNoSandbox],
    cwd: projectDir,
    env,
    timeout: 60_000,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  if (app) await app.close().catch(() => undefined);
  for (const dir of [dataDir, userDataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the window opens on app://clspd with the French title', async () => {
  expect(page.url()).toBe('app://clspd/index.html');
  await expect(page).toHaveTitle(/Coordination CLSPD/);
  const count = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
  expect(count).toBe(1);
  await expect(page.locator('#root')).not.toBeEmpty();
});

test('the window runs with the secure settings', async () => {
  // getLastWebPreferences is not in Electron's typings but exists on WebContents; read it when available.
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const wc = BrowserWindow.getAllWindows()[0].webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
    const p = wc.getLastWebPreferences?.();
    return p ? { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity, webviewTag: p.webviewTag } : null;
  });
  if (prefs) expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  else test.info().annotations.push({ type: 'note', description: 'getLastWebPreferences unavailable: checked from the page only' });
  // The page itself sees no Node, no Electron, only window.api; and web security blocks reading local files.
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return {
      require: typeof w.require,
      process: typeof w.process,
      module: typeof w.module,
      ipcRenderer: typeof w.ipcRenderer,
      api: typeof w.api,
    };
  });
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined', api: 'object' });
  const fileRead = await page.evaluate(async () => {
    try {
      await fetch('file:///etc/hostname');
      return 'read';
    } catch {
      return 'blocked';
    }
  });
  expect(fileRead).toBe('blocked');
});

test('app:// responses carry the strict Content-Security-Policy', async () => {
  const csp = await page.evaluate(async () => (await fetch('app://clspd/index.html')).headers.get('content-security-policy'));
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  const traversal = await page.evaluate(async () => (await fetch('app://clspd/..%2fpackage.json')).status);
  expect(traversal).toBe(404);
});

test('an IPC round trip reaches the real services on the temporary data folder', async () => {
  const state = await page.evaluate(() => (window as unknown as { api: { app: { state(): Promise<unknown> } } }).api.app.state());
  expect(state).toMatchObject({ ok: true, value: { status: 'empty', dataDir } });
  const demo = await page.evaluate(() => (window as unknown as { api: { app: { demo(): Promise<unknown> } } }).api.app.demo());
  expect(demo).toMatchObject({ ok: true, value: { status: 'ok' } });
  const bad = await page.evaluate(() =>
    (window as unknown as { api: { partners: { create(i: unknown): Promise<unknown> } } }).api.partners.create({ name: '', categoryId: 'x' }),
  );
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('Indiquez le nom') } });
  expect(JSON.parse(readFileSync(join(dataDir, 'clspd.json'), 'utf8')).settings.demo).toBe(true);
});

test('new windows and navigation away from the app are refused', async () => {
  const opened = await page.evaluate(() => window.open('app://clspd/index.html') === null);
  expect(opened).toBe(true);
  await page.evaluate(() => {
    window.location.href = 'file:///etc/hostname';
  });
  await page.waitForTimeout(500);
  expect(page.url().startsWith('app://clspd/')).toBe(true);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('quitting flushes the datastore and releases the folder', async () => {
  await app.close();
  expect(existsSync(join(dataDir, 'clspd.lock'))).toBe(false);
  expect(JSON.parse(readFileSync(join(dataDir, 'clspd.json'), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
});
