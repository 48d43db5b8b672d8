// Every security rule of the Electron shell in one place: window preferences, app:// protocol, CSP, navigation, links, permissions.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type {
  App,
  CustomScheme,
  HandlerDetails,
  Protocol,
  Session,
  WebContents,
  WebFrameMain,
  WebPreferences,
} from 'electron';
import { SECURITY_HEADERS } from './csp';

export { CONTENT_SECURITY_POLICY } from './csp';

/** The renderer's own scheme and host: every page of the app lives under app://clspd/. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'clspd';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Must run before `app` is ready: app:// behaves like https (standard, secure origin, fetch allowed). */
export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
];

/** The BrowserWindow webPreferences: isolated, sandboxed, no Node, web security on, DevTools only in development. */
export function secureWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !isPackaged,
  };
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for URLs of the app itself (app://clspd/...). Compares scheme and host: Node gives custom schemes an opaque origin. */
export function isAppUrl(url: string): boolean {
  const u = parseUrl(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:']);

/** Links the coordinator may open outside the app: only https: pages and mailto: addresses. */
export function isAllowedExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  const u = parseUrl(url);
  if (!u || !EXTERNAL_PROTOCOLS.has(u.protocol)) return false;
  if (u.protocol === 'https:') return u.hostname.length > 0 && u.username === '' && u.password === '';
  return u.pathname.length > 0;
}

/** True when an IPC message comes from the app's own page in the window's main frame (never a subframe or another origin). */
export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/**
 * Maps an app:// URL to a file under `root`, or null when the URL is foreign, malformed or escapes the root
 * (`..`, `%2e%2e`, `..%2f`, backslashes, NUL bytes).
 */
export function resolveAppPath(root: string, url: string): string | null {
  const u = parseUrl(url);
  if (!u || u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.split('/').some((segment) => segment === '..')) return null;
  if (pathname === '' || pathname === '/') pathname = '/index.html';
  const base = resolve(root);
  const target = resolve(base, `.${pathname}`);
  if (target === base || !target.startsWith(base + sep)) return null;
  return target;
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers sent with every app:// response, errors included. */
export function securityHeaders(contentType: string): Record<string, string> {
  return { 'Content-Type': contentType, ...SECURITY_HEADERS };
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The app:// request handler: serves files of `root` only, with the CSP; anything else is a 404 (405 for non-GET). */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plainResponse(405, 'Méthode non autorisée');
    const file = resolveAppPath(root, request.url);
    if (!file) return plainResponse(404, 'Introuvable');
    try {
      const info = await stat(file);
      if (!info.isFile()) return plainResponse(404, 'Introuvable');
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return new Response(body, { status: 200, headers: securityHeaders(mimeTypeOf(file)) });
    } catch {
      return plainResponse(404, 'Introuvable');
    }
  };
}

/** Before ready: declares app:// privileged and sandboxes every renderer. */
export function installBeforeReady(app: Pick<App, 'enableSandbox'>, protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
  app.enableSandbox();
}

/** After ready: serves the renderer from `root` through app:// on the given session's protocol. */
export function installAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}

/** Every permission request (camera, notifications, geolocation, clipboard read…) and check is refused. */
export function installPermissionHandlers(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export type OpenExternal = (url: string) => Promise<void> | void;

/** Opens an external link in the system browser or mail client if it passes the allow-list; returns whether it did. */
export function openExternalIfAllowed(url: string, openExternal: OpenExternal): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  void Promise.resolve(openExternal(url)).catch(() => undefined);
  return true;
}

/** Navigation guard: the page may only move within app://clspd; allowed external links go to the system instead. */
export function guardNavigation(url: string, preventDefault: () => void, openExternal: OpenExternal): void {
  if (isAppUrl(url)) return;
  preventDefault();
  openExternalIfAllowed(url, openExternal);
}

/** window.open and target=_blank: never a new Electron window; allowed links open in the system browser. */
export function windowOpenHandler(openExternal: OpenExternal): (details: Pick<HandlerDetails, 'url'>) => { action: 'deny' } {
  return ({ url }) => {
    openExternalIfAllowed(url, openExternal);
    return { action: 'deny' };
  };
}

type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Applied to every WebContents as it is created: navigation guard, no new windows, no <webview>. */
export function hardenWebContents(contents: HardenableContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => guardNavigation(event.url, () => event.preventDefault(), openExternal));
  contents.on('will-redirect', (event) => guardNavigation(event.url, () => event.preventDefault(), openExternal));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler(openExternal));
}

/** Hooks `web-contents-created` so that no WebContents, whoever creates it, escapes the rules above. */
export function installWebContentsHardening(app: Pick<App, 'on'>, openExternal: OpenExternal): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
}
