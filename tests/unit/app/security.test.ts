// One test per security rule of the Electron shell (src/main/app/security.ts), with `electron` mocked.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  guardNavigation,
  hardenWebContents,
  installAppProtocol,
  installBeforeReady,
  installPermissionHandlers,
  installWebContentsHardening,
  isAllowedExternalUrl,
  isAppUrl,
  isTrustedSender,
  PRIVILEGED_SCHEMES,
  resolveAppPath,
  secureWebPreferences,
  windowOpenHandler,
} from '../../../src/main/app/security';

let root: string;
let outside: string;

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'clspd-shell-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Coordination CLSPD</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  outside = join(base, 'secret.txt');
  writeFileSync(outside, 'secret');
  // A sibling folder whose name starts like the root must not count as inside it.
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
});
afterAll(() => rmSync(join(root, '..'), { recursive: true, force: true }));

const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

describe('BrowserWindow webPreferences', () => {
  it('isolates the page, sandboxes it, keeps Node out and web security on', () => {
    const p = secureWebPreferences('/app/out/preload/index.cjs', false);
    expect(p.contextIsolation).toBe(true);
    expect(p.sandbox).toBe(true);
    expect(p.nodeIntegration).toBe(false);
    expect(p.nodeIntegrationInWorker).toBe(false);
    expect(p.nodeIntegrationInSubFrames).toBe(false);
    expect(p.webSecurity).toBe(true);
    expect(p.allowRunningInsecureContent).toBe(false);
    expect(p.webviewTag).toBe(false);
    expect(p.preload).toBe('/app/out/preload/index.cjs');
  });

  it('turns DevTools off in packaged builds and on in development', () => {
    expect(secureWebPreferences('p', true).devTools).toBe(false);
    expect(secureWebPreferences('p', false).devTools).toBe(true);
  });
});

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme before ready, and every renderer is sandboxed', () => {
    const app = { enableSandbox: vi.fn() };
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    installBeforeReady(app, protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith(PRIVILEGED_SCHEMES);
    expect(PRIVILEGED_SCHEMES).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }) }]);
    expect(PRIVILEGED_SCHEMES[0].privileges?.bypassCSP).toBeUndefined();
    expect(app.enableSandbox).toHaveBeenCalled();
  });

  it('is handled on the session protocol under the name app', () => {
    const protocol = { handle: vi.fn() };
    installAppProtocol(protocol, root);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('maps app://clspd URLs to files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://clspd/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://clspd/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://clspd/assets/app.js?v=1#x')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppPath(root, 'app://clspd/assets/mon%20fichier.js')).toBe(join(root, 'assets', 'mon fichier.js'));
  });

  it('refuses path traversal, plain or encoded', () => {
    const attempts = [
      'app://clspd/../secret.txt',
      'app://clspd/..%2fsecret.txt',
      'app://clspd/..%2Fsecret.txt',
      'app://clspd/%2e%2e/secret.txt',
      'app://clspd/%2e%2e%2fsecret.txt',
      'app://clspd/assets/..%2f..%2fsecret.txt',
      'app://clspd/..%5csecret.txt',
      'app://clspd/assets%5c..%5c..%5csecret.txt',
      'app://clspd/%2e%2e%2frenderer-evil/x.js',
      'app://clspd/index.html%00.js',
      'app://clspd/%E0%A4%A', // malformed escape
      'app://clspd/%2fetc%2fpasswd',
    ];
    for (const url of attempts) {
      const p = resolveAppPath(root, url);
      expect(p === null || p.startsWith(join(root) + '/'), url).toBe(true);
      expect(p, url).not.toBe(outside);
      expect(p === null || !p.includes('renderer-evil'), url).toBe(true);
    }
    expect(resolveAppPath(root, 'app://clspd/..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(root, 'app://clspd/%2e%2e%2fsecret.txt')).toBeNull();
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveAppPath(root, 'file:///etc/passwd')).toBeNull();
    expect(resolveAppPath(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppPath(root, 'https://clspd/index.html')).toBeNull();
    expect(resolveAppPath(root, 'not a url')).toBeNull();
  });

  it('serves existing files with their type, and answers 404 to unknown, traversing or directory requests', async () => {
    const index = await get('app://clspd/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('Coordination CLSPD');
    expect((await get('app://clspd/assets/app.js')).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await get('app://clspd/assets/style.css')).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await get('app://clspd/missing.js')).status).toBe(404);
    expect((await get('app://clspd/assets')).status).toBe(404);
    const traversal = await get('app://clspd/..%2fsecret.txt');
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toContain('secret');
    expect((await get('app://clspd/index.html', 'POST')).status).toBe(405);
  });
});

describe('Content-Security-Policy', () => {
  it('is strict: self only, no inline or eval scripts, no objects, no base, no framing', () => {
    const d = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((s) => s.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(d['default-src']).toEqual(["'self'"]);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(d['font-src']).toEqual(["'self'", 'data:']);
    expect(d['connect-src']).toEqual(["'self'"]);
    expect(d['worker-src']).toEqual(["'self'", 'blob:']);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|http:|https:/);
  });

  it('is sent with every app:// response, errors included', async () => {
    for (const url of ['app://clspd/index.html', 'app://clspd/assets/app.js', 'app://clspd/missing', 'app://clspd/..%2fsecret.txt']) {
      const r = await get(url);
      expect(r.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('navigation', () => {
  it('stays within app://clspd; everything else is prevented', () => {
    const open = vi.fn();
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'http://localhost:5173/', 'app://other/index.html', 'javascript:alert(1)']) {
      const prevent = vi.fn();
      guardNavigation(url, prevent, open);
      expect(prevent, url).toHaveBeenCalledOnce();
    }
    const prevent = vi.fn();
    guardNavigation('app://clspd/index.html#/partenaires', prevent, open);
    expect(prevent).not.toHaveBeenCalled();
  });

  it('sends a denied https link to the system browser, never a file: or javascript: one', () => {
    const open = vi.fn();
    guardNavigation('https://www.legifrance.gouv.fr/', () => undefined, open);
    guardNavigation('file:///etc/passwd', () => undefined, open);
    guardNavigation('javascript:alert(1)', () => undefined, open);
    expect(open.mock.calls).toEqual([['https://www.legifrance.gouv.fr/']]);
  });

  it('is enforced on every WebContents: will-navigate, will-redirect, no <webview>, window.open denied', () => {
    const listeners = new Map<string, (event: { url?: string; preventDefault: () => void }) => void>();
    const contents = {
      on: vi.fn((name: string, fn: (event: { url?: string; preventDefault: () => void }) => void) => listeners.set(name, fn)),
      setWindowOpenHandler: vi.fn(),
    };
    const app = { on: vi.fn() };
    installWebContentsHardening(app as never, vi.fn());
    expect(app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    const created = app.on.mock.calls[0][1] as (e: unknown, c: typeof contents) => void;
    created({}, contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) expect(listeners.has(name), name).toBe(true);
    const nav = { url: 'https://evil.example/', preventDefault: vi.fn() };
    listeners.get('will-navigate')!(nav);
    expect(nav.preventDefault).toHaveBeenCalled();
    const redirect = { url: 'file:///etc/passwd', preventDefault: vi.fn() };
    listeners.get('will-redirect')!(redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });
});

describe('new windows', () => {
  it('window.open is always denied; an allowed link opens outside instead', () => {
    const open = vi.fn();
    const handler = windowOpenHandler(open);
    expect(handler({ url: 'app://clspd/index.html' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://www.service-public.fr/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'http://example.org/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'mailto:coordination@ville.fr' })).toEqual({ action: 'deny' });
    expect(open.mock.calls).toEqual([['https://www.service-public.fr/'], ['mailto:coordination@ville.fr']]);
  });

  it('the handler installed by hardenWebContents denies too', () => {
    let handler: ((d: { url: string }) => unknown) | undefined;
    hardenWebContents({ on: vi.fn(), setWindowOpenHandler: (h: (d: { url: string }) => unknown) => (handler = h) } as never, vi.fn());
    expect(handler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });
});

describe('external links allow-list', () => {
  it('allows https: and mailto:', () => {
    expect(isAllowedExternalUrl('https://www.cipdr.gouv.fr/')).toBe(true);
    expect(isAllowedExternalUrl('mailto:prenom.nom@ville.fr')).toBe(true);
  });
  it('denies http:, file:, javascript:, data:, custom schemes, credentials and junk', () => {
    for (const url of [
      'http://example.org/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://server/share',
      'ms-msdt:/id',
      'app://clspd/index.html',
      'https://user:pass@example.org/',
      'https://',
      '',
      'not a url',
      `https://example.org/${'a'.repeat(3000)}`,
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });
});

describe('permissions', () => {
  it('every permission request and check is denied', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    installPermissionHandlers(session as never);
    const request = session.setPermissionRequestHandler.mock.calls[0][0] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      const cb = vi.fn();
      request({}, permission, cb);
      expect(cb, permission).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0][0] as (wc: unknown, p: string) => boolean;
    expect(check({}, 'media')).toBe(false);
    expect(check(null, 'clipboard-sanitized-write')).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0][0] as (d: unknown) => boolean;
    expect(device({ deviceType: 'usb' })).toBe(false);
  });
});

describe('trusted IPC sender', () => {
  it('accepts only the main frame of app://clspd', () => {
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://clspd/index.html#/partenaires', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://other/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'file:///app/index.html', parent: null })).toBe(false);
    expect(isTrustedSender({ url: APP_ENTRY_URL, parent: { url: APP_ENTRY_URL } as never })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isAppUrl('app://clspd/')).toBe(true);
  });
});
