// Paramètres « Ouvrir le journal technique » (app:openLog): opens the log file through the platform's safe opening, with no
// confirmation since the app wrote it; refused in French where there is no log file (command line, browser, tests).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { openChosenFiles } from '../../../src/main/app/chosen-files';
import { createPlatform } from '../../../src/main/app/platform';
import { createInvoker } from '../../../src/main/ipc/handlers';
import { configureLog, isTechnicalLogPath, LOG_FILE } from '../../../src/main/log';
import { createContext } from '../../../src/main/services/context';
import { Store } from '../../../src/main/store/store';
import { fr } from '../../../src/shared/i18n';

const dirs: string[] = [];
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'clspd-openlog-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  configureLog(null);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const userData = temp();
  const dialog = { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn(async (_o: unknown) => ({ response: 0, checkboxChecked: false })) };
  const shell = { openPath: vi.fn(async (_p: string) => ''), showItemInFolder: vi.fn() };
  // The same safety as the app's composition root: generated documents and the technical log are the app's own files.
  const platform = createPlatform(dialog as never, shell as never, () => null, vi.fn(), { chosen: openChosenFiles(userData, 'linux'), isOwnFile: isTechnicalLogPath, isNetwork: async () => false });
  const store = Store.open(temp(), { owner: 'test' });
  return { userData, dialog, shell, store, invoke: createInvoker(createContext(store, platform)) };
}

describe('app:openLog', () => {
  it('opens userData/logs/technique.log with the system, without a confirmation; the file exists and says it was opened', async () => {
    const { userData, dialog, shell, store, invoke } = setup();
    const logs = join(userData, 'logs');
    configureLog({ dir: logs });
    expect(await invoke('app:openLog', undefined)).toEqual({ ok: true, value: null });
    expect(shell.openPath).toHaveBeenCalledWith(join(logs, LOG_FILE));
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(existsSync(join(logs, LOG_FILE))).toBe(true);
    expect(readFileSync(join(logs, LOG_FILE), 'utf8')).toContain('"log.opened"');
    await store.close();
  });

  it('only the log’s own files pass for the app’s: a file of the same name elsewhere still asks', async () => {
    const { userData, dialog, shell, store } = setup();
    configureLog({ dir: join(userData, 'logs') });
    expect(isTechnicalLogPath(join(userData, 'logs', 'technique.3.log'))).toBe(true);
    expect(isTechnicalLogPath(join(userData, 'technique.log'))).toBe(false);
    expect(isTechnicalLogPath(join(userData, 'logs', 'technique.log.pdf'))).toBe(false);
    const platform = createPlatform(dialog as never, shell as never, () => null, vi.fn(), { chosen: openChosenFiles(userData, 'linux'), isOwnFile: isTechnicalLogPath, isNetwork: async () => false });
    await platform.openPath!(join(userData, 'technique.log'));
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(shell.openPath).not.toHaveBeenCalled();
    await store.close();
  });

  it('a failure of the system to open it is reported in French', async () => {
    const { userData, shell, store, invoke } = setup();
    configureLog({ dir: join(userData, 'logs') });
    shell.openPath.mockResolvedValueOnce('Aucune application associée');
    const r = await invoke('app:openLog', undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringContaining('Aucune application associée') } });
    await store.close();
  });

  it('where the log writes no file (command line, browser, tests), it is refused in French', async () => {
    const { shell, store, invoke } = setup();
    expect(await invoke('app:openLog', undefined)).toEqual({ ok: false, error: { code: 'forbidden', message: fr.maintenance.log.unavailable } });
    expect(shell.openPath).not.toHaveBeenCalled();
    await store.close();
    const noPlatform = Store.open(temp(), { owner: 'test' });
    configureLog({ dir: join(temp(), 'logs') });
    expect(await createInvoker(createContext(noPlatform))('app:openLog', undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await noPlatform.close();
  });
});
