// Failures nobody would otherwise see: a window that fails to load or whose page dies, a broken preload, a frozen page,
// a crashed helper process. Each is logged (technical log, no content) and a blank window becomes a French error page.
import type { App, BrowserWindow, Dialog } from 'electron';
import { fr } from '../../shared/i18n';
import { logError, logWarn } from '../log';

type Kind = 'loadFailed' | 'rendererGone' | 'preloadFailed';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The French error page, as a data: URL (it needs nothing from the app bundle, which may be what failed). */
export function errorPageUrl(kind: Kind, logDir: string | undefined): string {
  const f = fr.shell.failure;
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(f.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1a1b1e}h1{font-size:1.4rem}code{background:#f1f3f5;padding:.1rem .3rem;word-break:break-all}</style>
</head><body><main><h1>${escapeHtml(f.title)}</h1><p>${escapeHtml(f[kind])}</p><p>${escapeHtml(f.dataSafe)}</p>
<p>${escapeHtml(f.whatToDo)}</p><p><code>${escapeHtml(logDir ?? '')}</code></p></main></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

type FailingWindow = Pick<BrowserWindow, 'on' | 'isDestroyed' | 'reload'> & { webContents: Pick<BrowserWindow['webContents'], 'on' | 'loadURL' | 'reload'> };

/** Watches one window: load failures, a dead page, a broken preload, a page that stops answering. */
export function watchWindowFailures(win: FailingWindow, dialog: Pick<Dialog, 'showMessageBox'>, logDir: () => string | undefined): void {
  const show = (kind: Kind) => {
    if (!win.isDestroyed()) void win.webContents.loadURL(errorPageUrl(kind, logDir())).catch(() => undefined);
  };
  win.webContents.on('did-fail-load', (_e, errorCode, errorDescription, validatedURL, isMainFrame) => {
    // -3 is ERR_ABORTED: a navigation replaced by another one, not a failure.
    if (!isMainFrame || errorCode === -3 || validatedURL.startsWith('data:')) return;
    logError('window.loadFailed', { errorCode, errorDescription });
    show('loadFailed');
  });
  win.webContents.on('render-process-gone', (_e, details) => {
    logError('window.rendererGone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason !== 'clean-exit') show('rendererGone');
  });
  win.webContents.on('preload-error', (_e, _preloadPath, error) => {
    logError('window.preloadError', undefined, error);
    show('preloadFailed');
  });
  win.on('unresponsive', () => {
    logWarn('window.unresponsive');
    const f = fr.shell.failure;
    void dialog
      .showMessageBox({ type: 'warning', title: f.title, message: f.unresponsiveMessage, detail: f.unresponsiveDetail, buttons: [f.wait, f.reload], defaultId: 0, cancelId: 0, noLink: true })
      .then((r) => {
        if (r.response === 1 && !win.isDestroyed()) win.webContents.reload();
      });
  });
  win.on('responsive', () => logWarn('window.responsiveAgain'));
}

/** GPU, utility and other helper processes: a crash is logged with its type and reason. */
export function watchChildProcesses(app: Pick<App, 'on'>): void {
  app.on('child-process-gone', (_e, details) => {
    logError('app.childProcessGone', { type: details.type, reason: details.reason, exitCode: details.exitCode, name: details.name ?? null });
  });
}
