// Failure handlers (src/main/app/failures.ts): each failure is logged without content and a blank window shows a French page.
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { errorPageUrl, watchChildProcesses, watchWindowFailures } from '../../../src/main/app/failures';
import { configureLog } from '../../../src/main/log';
import { fr } from '../../../src/shared/i18n';

type Listener = (...args: unknown[]) => void;
afterEach(() => configureLog(null));

function fakeWindow() {
  const win = new Map<string, Listener>();
  const contents = new Map<string, Listener>();
  return {
    win: { on: (n: string, f: Listener) => win.set(n, f), isDestroyed: () => false, reload: vi.fn(), webContents: { on: (n: string, f: Listener) => contents.set(n, f), loadURL: vi.fn(async () => undefined), reload: vi.fn() } },
    win_: win,
    contents,
  };
}

function decoded(url: string): string {
  return decodeURIComponent(url.slice('data:text/html;charset=utf-8,'.length));
}

describe('failure handlers', () => {
  it('a failed load, a dead page and a broken preload log the cause and show the French error page with the log folder', async () => {
    const lines: string[] = [];
    configureLog({ write: (l) => lines.push(l) });
    const f = fakeWindow();
    const dialog = { showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) };
    watchWindowFailures(f.win as never, dialog as never, () => '/home/coord/.config/Coordination CLSPD/logs');
    f.contents.get('did-fail-load')!({}, -3, 'ERR_ABORTED', 'app://clspd/index.html', true);
    f.contents.get('did-fail-load')!({}, -6, 'ERR_FILE_NOT_FOUND', 'app://clspd/sub', false);
    expect(f.win.webContents.loadURL).not.toHaveBeenCalled();
    f.contents.get('did-fail-load')!({}, -6, 'ERR_FILE_NOT_FOUND', 'app://clspd/index.html', true);
    f.contents.get('render-process-gone')!({}, { reason: 'crashed', exitCode: 11 });
    f.contents.get('render-process-gone')!({}, { reason: 'clean-exit', exitCode: 0 });
    f.contents.get('preload-error')!({}, '/x/preload.cjs', new Error('boom'));
    const pages = f.win.webContents.loadURL.mock.calls.map((c) => decoded((c as unknown as [string])[0]));
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain(fr.shell.failure.loadFailed.replace(/’/g, '’'));
    expect(pages[0]).toContain('lang="fr"');
    expect(pages[0]).toContain('/home/coord/.config/Coordination CLSPD/logs');
    expect(pages[1]).toContain('La fenêtre de l’application s’est arrêtée brutalement.');
    expect(pages[2]).toContain('L’application n’a pas pu démarrer correctement.');
    const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.map((e) => e.event)).toEqual(['window.loadFailed', 'window.rendererGone', 'window.rendererGone', 'window.preloadError']);
    expect(events[1]).toMatchObject({ level: 'error', reason: 'crashed', exitCode: 11 });
  });

  it('a frozen page: logged, and the coordinator may wait or reload', async () => {
    const f = fakeWindow();
    const dialog = { showMessageBox: vi.fn(async () => ({ response: 1, checkboxChecked: false })) };
    watchWindowFailures(f.win as never, dialog as never, () => undefined);
    f.win_.get('unresponsive')!();
    await vi.waitFor(() => expect(f.win.webContents.reload).toHaveBeenCalled());
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ buttons: [fr.shell.failure.wait, fr.shell.failure.reload] }));
  });

  it('a helper process that dies is logged with its type and reason', () => {
    const lines: string[] = [];
    configureLog({ write: (l) => lines.push(l) });
    const app = new Map<string, Listener>();
    watchChildProcesses({ on: (n: string, f: Listener) => app.set(n, f) } as never);
    app.get('child-process-gone')!({}, { type: 'GPU', reason: 'crashed', exitCode: 5 });
    expect(JSON.parse(lines[0])).toMatchObject({ event: 'app.childProcessGone', type: 'GPU', reason: 'crashed' });
  });

  it('the page escapes what it shows', () => {
    expect(decoded(errorPageUrl('loadFailed', '<script>x</script>'))).not.toContain('<script>x');
  });
});
