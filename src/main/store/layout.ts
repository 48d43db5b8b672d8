// Which files make up the data folder's state (main file, archived periods, protected store): the one list used by backup, restore and check.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';

/** The live datastore. */
export const MAIN_FILE = 'clspd.json';

/** Closed strategy periods, read-only, one file each at the top of the folder (see archives.ts). */
export const ARCHIVE_FILE = /^archive-[A-Za-z0-9_-]+\.json$/;

/**
 * The protected store (issue 9): every file under this subfolder, whatever its name or depth, belongs to the
 * state. Backups copy these files byte for byte, still encrypted; backup and restore never decrypt them.
 */
export const PROTECTED_DIR = 'protected';

/** Files that are never state: temp files of a durable write in flight (see durable.ts), dot files, the lock. */
function isTransient(name: string): boolean {
  return name.startsWith('.') || name.endsWith('.tmp') || name.endsWith('.lock');
}

/** Limits of a state path (relative, '/'-separated): short names, no `..`, no drive letters. */
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,119}$/;
const MAX_PROTECTED_DEPTH = 4;

/**
 * True for a relative path ('/'-separated) that may be part of the state: the main file, an archive, or a file
 * under protected/. Used to refuse anything else found in a backup (no path can escape the data folder).
 */
export function isStatePath(rel: string): boolean {
  if (rel === MAIN_FILE || ARCHIVE_FILE.test(rel)) return true;
  const parts = rel.split('/');
  if (parts[0] !== PROTECTED_DIR || parts.length < 2 || parts.length > MAX_PROTECTED_DEPTH + 1) return false;
  return parts.slice(1).every((p) => SAFE_SEGMENT.test(p) && p !== '..' && !isTransient(p));
}

/** Where a state path lies on this machine. */
export function statePathOnDisk(dataDir: string, rel: string): string {
  return join(dataDir, ...rel.split('/'));
}

function walkProtected(dataDir: string, rel: string, depth: number, out: string[]): void {
  const dir = statePathOnDisk(dataDir, rel);
  for (const name of readdirSync(dir).sort()) {
    if (isTransient(name)) continue;
    const childRel = posix.join(rel, name);
    const st = statSync(join(dir, name));
    if (st.isDirectory()) {
      if (depth < MAX_PROTECTED_DEPTH) walkProtected(dataDir, childRel, depth + 1, out);
    } else if (st.isFile() && isStatePath(childRel)) out.push(childRel);
  }
}

/**
 * The state files present in `dataDir`, as relative '/'-separated paths: the main file first (when present),
 * then the archives, then the protected store's files. Backups and old backups in backups/ are not state.
 */
export function listStateFiles(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  const top = readdirSync(dataDir);
  const out: string[] = [];
  if (top.includes(MAIN_FILE)) out.push(MAIN_FILE);
  out.push(...top.filter((n) => ARCHIVE_FILE.test(n)).sort());
  const prot = join(dataDir, PROTECTED_DIR);
  if (top.includes(PROTECTED_DIR) && statSync(prot).isDirectory()) walkProtected(dataDir, PROTECTED_DIR, 1, out);
  return out;
}
