// The Platform edge for services: native save/open dialogs and opening files with the system, through Electron.
import type { BrowserWindow, Dialog, Shell } from 'electron';
import { fr } from '../../shared/i18n';
import { DomainError } from '../../shared/result';
import type { Platform } from '../services/context';

type FileFilter = { name: string; extensions: string[] };

/** Builds the Platform used by services; `getWindow` gives the parent of the dialogs (they stay modal to the app). */
export function createPlatform(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>,
  shell: Pick<Shell, 'openPath' | 'showItemInFolder'>,
  getWindow: () => BrowserWindow | null,
  quit: () => void,
): Platform {
  return {
    quit,
    async chooseSavePath(suggestedName: string, filters: FileFilter[]) {
      const options = { title: fr.shell.dialogs.saveTitle, defaultPath: suggestedName, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
      const win = getWindow();
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? undefined : r.filePath;
    },
    async chooseOpenPath(filters: FileFilter[]) {
      const options = { title: fr.shell.dialogs.openTitle, filters, properties: ['openFile'] as 'openFile'[] };
      const win = getWindow();
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled || r.filePaths.length === 0 ? undefined : r.filePaths[0];
    },
    async openPath(path: string) {
      const error = await shell.openPath(path);
      if (error) throw new DomainError('io', fr.shell.dialogs.openPathFailed(path, error));
    },
    showItemInFolder(path: string) {
      shell.showItemInFolder(path);
    },
  };
}
