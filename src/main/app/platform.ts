// The Platform edge for services: native save/open dialogs, opening files with the system (safely), quitting, through Electron.
import type { BrowserWindow, Dialog, MessageBoxOptions, Shell } from 'electron';
import { isBlockedToOpen, isNetworkPath, lastExtension } from '../../shared/file-safety';
import { fr } from '../../shared/i18n';
import { DomainError } from '../../shared/result';
import { logInfo, logWarn } from '../log';
import { networkMounts } from '../network-mounts';
import type { Platform } from '../services/context';
import type { ChosenFiles } from './chosen-files';

type FileFilter = { name: string; extensions: string[] };

/** What decides whether a file may be opened without asking. */
export interface OpenSafety {
  /** Paths this installation's dialogs returned (HMAC-marked outside the data folder). */
  chosen: ChosenFiles;
  /** Files the app wrote itself (generated documents). */
  isOwnFile(path: string): boolean;
  /** On another computer: UNC path, mapped drive letter, NFS/SMB mount (defaults to the process-wide detector). */
  isNetwork?(path: string): Promise<boolean>;
}

const noSafety: OpenSafety = { chosen: { mark: () => undefined, isChosen: () => false }, isOwnFile: () => false };

/** Builds the Platform used by services; `getWindow` gives the parent of the dialogs (they stay modal to the app). */
export function createPlatform(
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'> & Partial<Pick<Dialog, 'showMessageBox'>>,
  shell: Pick<Shell, 'openPath' | 'showItemInFolder'>,
  getWindow: () => BrowserWindow | null,
  quit: () => void,
  safety: OpenSafety = noSafety,
): Platform {
  /** The main process asks, showing the full path: the renderer cannot answer in the user's place. */
  const confirmOpen = async (path: string, network: boolean): Promise<boolean> => {
    if (!dialog.showMessageBox) return false;
    const f = fr.shell.files;
    const options: MessageBoxOptions = {
      type: 'warning',
      title: f.confirmTitle,
      message: f.confirmMessage,
      detail: `${path}\n\n${network ? f.networkReason : f.unknownReason}`,
      buttons: [f.cancel, f.open],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    };
    const win = getWindow();
    const r = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    return r.response === 1;
  };
  return {
    async chooseSavePath(suggestedName: string, filters: FileFilter[]) {
      const options = { title: fr.shell.dialogs.saveTitle, defaultPath: suggestedName, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[] };
      const win = getWindow();
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (r.canceled || !r.filePath) return undefined;
      safety.chosen.mark(r.filePath);
      return r.filePath;
    },
    async chooseOpenPath(filters: FileFilter[]) {
      const options = { title: fr.shell.dialogs.openTitle, filters, properties: ['openFile'] as 'openFile'[] };
      const win = getWindow();
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      if (r.canceled || r.filePaths.length === 0) return undefined;
      safety.chosen.mark(r.filePaths[0]);
      return r.filePaths[0];
    },
    async openPath(path: string) {
      if (isBlockedToOpen(path)) {
        logWarn('file.openRefused', { extension: lastExtension(path) });
        throw new DomainError('forbidden', fr.shell.files.blocked(lastExtension(path)));
      }
      const network = isNetworkPath(path) || (await (safety.isNetwork ?? ((p: string) => networkMounts().isNetwork(p)))(path));
      if (network || !(safety.isOwnFile(path) || safety.chosen.isChosen(path))) {
        const confirmed = await confirmOpen(path, network);
        logInfo('file.openConfirmation', { network, confirmed });
        if (!confirmed) return;
      }
      const error = await shell.openPath(path);
      if (error) throw new DomainError('io', fr.shell.dialogs.openPathFailed(path, error));
    },
    showItemInFolder(path: string) {
      shell.showItemInFolder(path);
    },
    quit,
  };
}
