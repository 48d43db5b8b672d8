// Mapped network drives and network mounts are treated like UNC paths: opening asks first, a logo there is refused and
// never read. The system listings (`net use`, /proc/mounts, macOS `mount`) are injected.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { openChosenFiles } from '../../../src/main/app/chosen-files';
import { createPlatform } from '../../../src/main/app/platform';
import { generateDocument } from '../../../src/main/documents';
import { createInvoker } from '../../../src/main/ipc/handlers';
import { NetworkMounts, networkMounts, parseMacMount, parseNetUse, parseProcMounts, setNetworkMounts } from '../../../src/main/network-mounts';
import { setupDemo } from '../../../src/main/services/app';
import { createContext } from '../../../src/main/services/context';
import { Store } from '../../../src/main/store/store';
import { fr } from '../../../src/shared/i18n';

const NET_USE_FR = `Les nouvelles connexions seront mémorisées.

État         Local     Distant                   Réseau

-------------------------------------------------------------------------------
OK           Z:        \\\\srv-mairie\\clspd         Microsoft Windows Network
Déconnecté   y:        \\\\srv-mairie\\archives      Microsoft Windows Network
Indisponible X:        \\\\nas\\Partage commun
                                                Microsoft Windows Network
OK                     \\\\srv-mairie\\IPC$          Microsoft Windows Network
La commande s’est terminée correctement.
`;
const NET_USE_EN = `New connections will be remembered.

Status       Local     Remote                    Network
-------------------------------------------------------------------------------
OK           W:        \\\\fileserver\\users\\coord  Microsoft Windows Network
The command completed successfully.
`;
const PROC_MOUNTS = `/dev/nvme0n1p2 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
srv-mairie:/export/clspd /mnt/clspd nfs4 rw,relatime,vers=4.2 0 0
//srv-mairie/Partage\\040commun /media/partage\\040commun cifs rw,relatime 0 0
coord@nas:/data /home/coord/nas fuse.sshfs rw,nosuid 0 0
`;
const MAC_MOUNT = `/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//coord@srv-mairie/clspd on /Volumes/clspd (smbfs, nodev, nosuid, mounted by coord)
srv:/export on /Volumes/Export NFS (nfs, asynchronous)
/dev/disk4s1 on /Volumes/Clé USB (msdos, local, nodev, nosuid, noowners)
`;

const dirs: string[] = [];
const saved = networkMounts();
afterEach(() => {
  setNetworkMounts(saved);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the system listings', () => {
  it('reads mapped drive letters from `net use` in French and English, connected or not', () => {
    expect(parseNetUse(NET_USE_FR)).toEqual(['X:', 'Y:', 'Z:']);
    expect(parseNetUse(NET_USE_EN)).toEqual(['W:']);
    expect(parseNetUse('Aucune entrée dans la liste.\r\n')).toEqual([]);
  });

  it('reads NFS, SMB/CIFS and FUSE network mounts from /proc/mounts (escaped spaces) and macOS `mount`', () => {
    expect(parseProcMounts(PROC_MOUNTS)).toEqual(['/mnt/clspd', '/media/partage commun', '/home/coord/nas']);
    expect(parseMacMount(MAC_MOUNT)).toEqual(['/Volumes/clspd', '/Volumes/Export NFS']);
  });
});

describe('NetworkMounts', () => {
  it('Windows: a mapped letter is a share whatever the case or slash; a local letter is not; the listing is cached', async () => {
    const run = vi.fn(async (command: string, args: string[]) => (command.toLowerCase().endsWith('net.exe') && args[0] === 'use' ? NET_USE_FR : ''));
    let clock = 0;
    const m = new NetworkMounts({ platform: 'win32', run, now: () => clock, ttlMs: 60_000, systemDrive: 'C:' });
    for (const p of ['Z:\\CLSPD\\convention.pdf', 'z:/clspd/logo.png', 'Y:archives.pdf', '\\\\srv\\p\\a.pdf']) expect(await m.isNetwork(p), p).toBe(true);
    for (const p of ['C:\\Users\\coord\\a.pdf', 'D:\\photos\\logo.png', 'relatif\\a.pdf']) expect(await m.isNetwork(p), p).toBe(false);
    expect(run).toHaveBeenCalledOnce();
    clock = 61_000;
    await m.isNetwork('D:\\a.pdf');
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('Windows: before the first listing, any letter but the system drive is presumed a share (safe side for the PDF logo)', () => {
    const m = new NetworkMounts({ platform: 'win32', run: async () => NET_USE_EN, systemDrive: 'C:' });
    expect(m.isNetworkCached('C:\\logo.png')).toBe(false);
    expect(m.isNetworkCached('E:\\logo.png')).toBe(true);
  });

  it('a listing that fails or times out keeps the last one (and never throws)', async () => {
    let fail = false;
    const m = new NetworkMounts({ platform: 'win32', run: async () => (fail ? Promise.reject(new Error('timeout')) : NET_USE_FR), ttlMs: 0 });
    expect(await m.isNetwork('Z:\\a.pdf')).toBe(true);
    fail = true;
    expect(await m.isNetwork('Z:\\a.pdf')).toBe(true);
    const never = new NetworkMounts({ platform: 'win32', run: async () => Promise.reject(new Error('net.exe absent')) });
    expect(await never.isNetwork('Z:\\a.pdf')).toBe(false);
    expect(await never.isNetwork('\\\\srv\\p\\a.pdf')).toBe(true);
  });

  it('Linux and macOS: a path under a network mount point is on the network, a neighbour with the same prefix is not', async () => {
    const linux = new NetworkMounts({ platform: 'linux', readMounts: async () => PROC_MOUNTS });
    expect(await linux.isNetwork('/mnt/clspd/convention.pdf')).toBe(true);
    expect(await linux.isNetwork('/mnt/clspd')).toBe(true);
    expect(await linux.isNetwork('/media/partage commun/logo.png')).toBe(true);
    expect(await linux.isNetwork('/mnt/clspd-local/a.pdf')).toBe(false);
    expect(await linux.isNetwork('/home/coord/Documents/a.pdf')).toBe(false);
    const mac = new NetworkMounts({ platform: 'darwin', run: async (c) => (c === '/sbin/mount' ? MAC_MOUNT : '') });
    expect(await mac.isNetwork('/Volumes/CLSPD/convention.pdf')).toBe(true);
    expect(await mac.isNetwork('/Volumes/Clé USB/convention.pdf')).toBe(false);
  });
});

describe('a mapped drive is treated like a UNC path', () => {
  const winMounts = () => new NetworkMounts({ platform: 'win32', run: async () => NET_USE_FR, systemDrive: 'C:' });

  it('opening asks first, with the network reason, even for a file chosen in this installation’s dialog', async () => {
    const mounts = winMounts();
    const dialog = { showSaveDialog: vi.fn(), showOpenDialog: vi.fn(), showMessageBox: vi.fn(async (_o: unknown) => ({ response: 0, checkboxChecked: false })) };
    const shell = { openPath: vi.fn(async () => ''), showItemInFolder: vi.fn() };
    const d = mkdtempSync(join(tmpdir(), 'clspd-mapped-'));
    dirs.push(d);
    const chosen = openChosenFiles(d, 'win32');
    const platform = createPlatform(dialog as never, shell as never, () => null, vi.fn(), { chosen, isOwnFile: () => false, isNetwork: (p) => mounts.isNetwork(p) });
    chosen.mark('Z:\\CLSPD\\convention.pdf');
    chosen.mark('D:\\CLSPD\\convention.pdf');
    await platform.openPath!('Z:\\CLSPD\\convention.pdf');
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    const options = dialog.showMessageBox.mock.calls[0][0] as { detail: string };
    expect(options.detail).toContain('Z:\\CLSPD\\convention.pdf');
    expect(options.detail).toContain(fr.shell.files.networkReason);
    expect(shell.openPath).not.toHaveBeenCalled();
    await platform.openPath!('D:\\CLSPD\\convention.pdf');
    expect(dialog.showMessageBox).toHaveBeenCalledOnce();
    expect(shell.openPath).toHaveBeenCalledWith('D:\\CLSPD\\convention.pdf');
  });

  it('a logo on a mapped drive or a network mount is refused in French and the settings stay as they were', async () => {
    const d = mkdtempSync(join(tmpdir(), 'clspd-mapped-logo-'));
    dirs.push(d);
    const store = Store.open(d, { owner: 'test' });
    const ctx = createContext(store, { chooseOpenPath: async () => 'z:\\Logos\\ville.png' });
    await setupDemo(ctx);
    const invoke = createInvoker(ctx, undefined, () => undefined);
    setNetworkMounts(winMounts());
    const before = store.data.settings;
    for (const r of [await invoke('settings:update', { logoPath: 'Z:\\Logos\\ville.png' }), await invoke('settings:chooseLogo', undefined)]) {
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: fr.shell.files.networkLogo, field: 'logoPath' } });
    }
    expect(store.data.settings).toBe(before);
    setNetworkMounts(new NetworkMounts({ platform: 'linux', readMounts: async () => PROC_MOUNTS }));
    expect(await invoke('settings:update', { logoPath: '/mnt/clspd/logo.png' })).toMatchObject({ ok: false, error: { message: fr.shell.files.networkLogo } });
    expect((await invoke('settings:update', { logoPath: '/home/coord/logo.png' })).ok).toBe(true);
    await store.close();
  });

  it('documents never read a logo that lies on a network mount (the same file is drawn once the mount is local)', async () => {
    const d = mkdtempSync(join(tmpdir(), 'clspd-mount-pdf-'));
    dirs.push(d);
    const share = join(d, 'partage');
    mkdirSync(share);
    const logo = join(share, 'logo.png');
    copyFileSync(resolve('resources/icons/icon.png'), logo);
    const store = Store.open(join(d, 'data'), { owner: 'test' });
    await setupDemo(createContext(store));
    const data = { ...store.data, settings: { ...store.data.settings, logoPath: logo } };
    const images = async () => (Buffer.from((await generateDocument('members', data, {})).bytes).toString('latin1').match(/\/Subtype \/Image/g) ?? []).length;
    setNetworkMounts(new NetworkMounts({ platform: 'linux', readMounts: async () => '' }));
    await networkMounts().refresh();
    expect(await images()).toBeGreaterThan(0);
    const mounted = new NetworkMounts({ platform: 'linux', readMounts: async () => `//srv/partage ${share} cifs rw 0 0\n` });
    await mounted.refresh();
    setNetworkMounts(mounted);
    expect(await images()).toBe(0);
    await store.close();
  });
});
