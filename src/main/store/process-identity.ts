// What identifies a running process beyond its pid (which the system reuses): this boot of the machine and the process's start.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';

export interface ProcessIdentity {
  pid: number;
  host: string;
  /** Linux boot id: changes at every boot. */
  bootId?: string;
  /** When the machine booted (ms since epoch, to the second). Windows « démarrage rapide » keeps it across a shutdown. */
  bootTime: number;
  /** The process's start, as the system reports it (Linux clock ticks since boot, macOS `ps` start time). */
  startMark?: string;
}

/** The probes, injectable so tests can stand for another machine, another boot or a reused pid. */
export interface IdentityProbe {
  self(): ProcessIdentity;
  /** The start mark of a running process, or undefined when this system cannot tell. */
  startMarkOf(pid: number): string | undefined;
  /** True when a process with this pid exists (EPERM: it exists but belongs to another user). */
  isAlive(pid: number): boolean;
}

export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function linuxBootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Linux: field 22 of /proc/<pid>/stat (start time in ticks since boot); macOS: `ps -o lstart=`; elsewhere unknown. */
export function systemStartMark(pid: number, platform: NodeJS.Platform = process.platform): string | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    if (platform === 'linux') {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return fields[19] ? `ticks:${fields[19]}` : undefined;
    }
    if (platform === 'darwin') {
      const out = execFileSync('/bin/ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      return out ? `lstart:${out}` : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export const systemProbe: IdentityProbe = {
  self() {
    return {
      pid: process.pid,
      host: hostname(),
      bootId: linuxBootId(),
      bootTime: Math.round((Date.now() - uptime() * 1000) / 1000) * 1000,
      startMark: systemStartMark(process.pid),
    };
  },
  startMarkOf: (pid) => systemStartMark(pid),
  isAlive,
};
