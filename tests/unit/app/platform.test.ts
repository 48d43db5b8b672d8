// Platform edge (src/main/app/platform.ts): native dialogs and opening files, with French errors.
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { createPlatform } from '../../../src/main/app/platform';
import { DomainError } from '../../../src/shared/result';

const filters = [{ name: 'PDF', extensions: ['pdf'] }];

function setup(win: object | null = { id: 1 }) {
  const dialog = {
    showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/tmp/compte-rendu.pdf' })),
    showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/tmp/import.csv'] })),
  };
  const shell = { openPath: vi.fn(async () => ''), showItemInFolder: vi.fn() };
  const quit = vi.fn();
  return { dialog, shell, quit, platform: createPlatform(dialog as never, shell as never, () => win as never, quit, { chosen: { mark: vi.fn(), isChosen: () => true }, isOwnFile: () => false }) };
}

describe('platform', () => {
  it('asks where to save, modal to the window, in French, and returns the path', async () => {
    const { dialog, platform } = setup();
    await expect(platform.chooseSavePath!('compte-rendu.pdf', filters)).resolves.toBe('/tmp/compte-rendu.pdf');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({ id: 1 }, expect.objectContaining({ title: 'Enregistrer sous', defaultPath: 'compte-rendu.pdf', filters }));
  });

  it('returns undefined when a dialog is cancelled', async () => {
    const { dialog, platform } = setup(null);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(platform.chooseSavePath!('a.pdf', filters)).resolves.toBeUndefined();
    await expect(platform.chooseOpenPath!(filters)).resolves.toBeUndefined();
  });

  it('opens a file, and reports a failure as a French DomainError', async () => {
    const { shell, platform } = setup();
    await platform.openPath!('/tmp/a.pdf');
    expect(shell.openPath).toHaveBeenCalledWith('/tmp/a.pdf');
    shell.openPath.mockResolvedValueOnce('No application');
    await expect(platform.openPath!('/tmp/a.pdf')).rejects.toThrow(DomainError);
    shell.openPath.mockResolvedValueOnce('No application');
    await expect(platform.openPath!('/tmp/a.pdf')).rejects.toThrow(/n’a pas pu être ouvert/);
    platform.showItemInFolder!('/tmp/a.pdf');
    expect(shell.showItemInFolder).toHaveBeenCalledWith('/tmp/a.pdf');
  });
});
