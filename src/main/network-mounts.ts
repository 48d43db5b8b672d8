// Which local-looking paths actually live on another computer: mapped drive letters (Windows `net use`), NFS/SMB
// mounts (Linux /proc/mounts, macOS `mount`). Such paths are treated like UNC paths (confirmation, no logo).
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, posix, resolve } from 'node:path';
import { isNetworkPath } from '../shared/file-safety';

/** Runs a system command and returns its standard output (rejects on failure or after `timeoutMs`). */
export type CommandRunner = (command: string, args: string[], timeoutMs: number) => Promise<string>;

/** File systems that reach another computer. FUSE ones appear as `fuse.<name>` on Linux. */
const NETWORK_FS = new Set([
  'nfs', 'nfs4', 'cifs', 'smb', 'smb2', 'smb3', 'smbfs', 'ncpfs', 'afs', 'afpfs', 'webdav', 'davfs', 'ftp', 'coda', 'ceph', 'glusterfs', 'lustre', 'beegfs',
  'fuse.sshfs', 'fuse.davfs2', 'fuse.gvfsd-fuse', 'fuse.rclone', 'fuse.glusterfs', 'fuse.cephfs', 'fuse.s3fs', 'fuse.smbnetfs', 'fuse.curlftpfs',
]);

/**
 * Drive letters mapped to a share in `net use` output (« Z: », upper case). The output is localised (« OK », « Déconnecté »,
 * « Indisponible »…), so only the shape is read: a drive letter followed by a `\\server\share` remote name. A mapping that
 * is disconnected or unavailable is still a share.
 */
export function parseNetUse(output: string): string[] {
  const letters = new Set<string>();
  for (const line of output.split(/\r?\n/)) {
    const m = /(?:^|\s)([A-Za-z]):\s+\\\\[^\\\s]/.exec(line);
    if (m) letters.add(`${m[1].toUpperCase()}:`);
  }
  return [...letters].sort();
}

/** Decodes the octal escapes of /proc/mounts (a space is `\040`). */
function unescapeMount(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_m, o: string) => String.fromCharCode(parseInt(o, 8)));
}

/** Mount points of network file systems in Linux /proc/mounts (`source mountpoint fstype options 0 0`). */
export function parseProcMounts(text: string): string[] {
  const points: string[] = [];
  for (const line of text.split('\n')) {
    const [, point, type] = line.trim().split(/\s+/);
    if (point && type && NETWORK_FS.has(type.toLowerCase())) points.push(unescapeMount(point));
  }
  return points;
}

/** Mount points of network file systems in macOS `mount` output (`//user@server/share on /Volumes/share (smbfs, …)`). */
export function parseMacMount(output: string): string[] {
  const points: string[] = [];
  for (const line of output.split('\n')) {
    const m = /^.+? on (.+) \(([^,)]+)/.exec(line.trim());
    if (m && NETWORK_FS.has(m[2].trim().toLowerCase())) points.push(m[1]);
  }
  return points;
}

const defaultRunner: CommandRunner = (command, args, timeoutMs) =>
  new Promise((ok, ko) => {
    execFile(command, args, { timeout: timeoutMs, windowsHide: true, maxBuffer: 1024 * 1024, encoding: 'latin1' }, (error, stdout) => (error ? ko(error) : ok(stdout)));
  });

export interface NetworkMountsOptions {
  platform?: NodeJS.Platform;
  run?: CommandRunner;
  readMounts?: () => Promise<string>;
  /** How long a listing is trusted (ms). */
  ttlMs?: number;
  timeoutMs?: number;
  now?: () => number;
  /** Windows system drive (never a share), e.g. « C: ». */
  systemDrive?: string;
}

/** The network mounts of this computer, listed by a system command with a timeout and kept for `ttlMs`. */
export class NetworkMounts {
  private readonly platform: NodeJS.Platform;
  private readonly run: CommandRunner;
  private readonly readMounts: () => Promise<string>;
  private readonly ttlMs: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly systemDrive: string;
  /** Drive letters (Windows) or mount points (elsewhere); undefined until the first listing. */
  private known: string[] | undefined;
  private listedAt = 0;
  private pending: Promise<void> | undefined;

  constructor(options: NetworkMountsOptions = {}) {
    this.platform = options.platform ?? process.platform;
    this.run = options.run ?? defaultRunner;
    this.readMounts = options.readMounts ?? (() => readFile('/proc/mounts', 'utf8'));
    this.ttlMs = options.ttlMs ?? 60_000;
    this.timeoutMs = options.timeoutMs ?? 3_000;
    this.now = options.now ?? Date.now;
    this.systemDrive = (options.systemDrive ?? process.env.SystemDrive ?? 'C:').toUpperCase();
  }

  /** Lists the mounts again (one listing at a time). A failed listing keeps the previous one, or an empty one. */
  refresh(): Promise<void> {
    this.pending ??= this.list()
      .then((known) => {
        this.known = known;
      })
      .catch(() => {
        this.known ??= [];
      })
      .finally(() => {
        this.listedAt = this.now();
        this.pending = undefined;
      });
    return this.pending;
  }

  private async list(): Promise<string[]> {
    if (this.platform === 'win32') {
      const net = join(process.env.SystemRoot ?? 'C:\\Windows', 'System32', 'net.exe');
      return parseNetUse(await this.run(net, ['use'], this.timeoutMs));
    }
    if (this.platform === 'darwin') return parseMacMount(await this.run('/sbin/mount', [], this.timeoutMs));
    return parseProcMounts(await this.readMounts());
  }

  /** True when `path` is on another computer; lists the mounts again when the listing is older than the TTL. */
  async isNetwork(path: string): Promise<boolean> {
    if (isNetworkPath(path)) return true;
    if (this.known === undefined || this.now() - this.listedAt > this.ttlMs) await this.refresh();
    return this.isNetworkCached(path);
  }

  /**
   * The same answer from the last listing, without waiting (PDF layout is synchronous). Before any listing, on Windows,
   * a drive letter other than the system drive is presumed to be a share: the safe side for a logo.
   */
  isNetworkCached(path: string): boolean {
    if (isNetworkPath(path)) return true;
    if (this.platform === 'win32') {
      const m = /^([A-Za-z]):/.exec(path.trim());
      if (!m) return false;
      const letter = `${m[1].toUpperCase()}:`;
      if (this.known === undefined) return letter !== this.systemDrive;
      return this.known.includes(letter);
    }
    if (!this.known?.length) return false;
    const fold = (p: string) => (this.platform === 'darwin' ? p.toLowerCase() : p);
    const target = fold(posix.normalize(resolve(path)));
    return this.known.some((point) => {
      const p = fold(point === '/' ? '/' : point.replace(/\/+$/, ''));
      return target === p || target.startsWith(p === '/' ? '/' : `${p}/`);
    });
  }
}

let current = new NetworkMounts();

/** The process-wide detector (the app keeps it fresh; tests replace it). */
export function networkMounts(): NetworkMounts {
  return current;
}

export function setNetworkMounts(mounts: NetworkMounts): void {
  current = mounts;
}
