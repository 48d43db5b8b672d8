// The technical log of the main process: rotating JSON-lines files, events and causes only — never personal or confidential content.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * What a caller may attach to an event: counts, codes, durations, channel names, flags. NEVER a name, a note, a
 * message typed by the coordinator, a file's content or an e-mail. Strings are cut to 200 characters and paths
 * under the home folder are shortened to `~` (the user name is personal data).
 */
export type LogDetails = Readonly<Record<string, string | number | boolean | null | undefined>>;
export type LogLevel = 'info' | 'warn' | 'error';

export const LOG_FILE = 'technique.log';
const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_MAX_FILES = 5;
const MAX_STRING = 200;

interface Sink {
  dir?: string;
  maxBytes: number;
  maxFiles: number;
  /** Tests and the CLI may capture lines instead of writing files. */
  write?: (line: string) => void;
}

let sink: Sink | null = process.env.CLSPD_LOG === 'console' ? { maxBytes: 0, maxFiles: 0, write: (l) => console.error(l) } : null;

export interface LogOptions {
  /** Folder of the log files (created if missing). */
  dir?: string;
  /** Size at which `technique.log` is rotated to `technique.1.log`. */
  maxBytes?: number;
  /** Files kept in all (current one included). */
  maxFiles?: number;
  write?: (line: string) => void;
}

/** Turns the log on (the app does it at start-up); before this, and in tests and the CLI, every call is a no-op. */
export function configureLog(options: LogOptions | null): void {
  if (!options) {
    sink = null;
    return;
  }
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  sink = { dir: options.dir, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, maxFiles: Math.max(1, options.maxFiles ?? DEFAULT_MAX_FILES), write: options.write };
}

/** The current log file, when the log writes files. */
export function logFilePath(): string | undefined {
  return sink?.dir ? join(sink.dir, LOG_FILE) : undefined;
}

/** True for the log's own files (current and rotated): the app wrote them, so opening one asks no confirmation. */
export function isTechnicalLogPath(path: string): boolean {
  if (!sink?.dir) return false;
  const full = resolve(path);
  return dirname(full) === resolve(sink.dir) && /^technique(\.\d+)?\.log$/.test(basename(full));
}

/** The log folder, when the log writes files (Paramètres « Ouvrir le journal technique »). */
export function logDirectory(): string | undefined {
  return sink?.dir;
}

const home = (() => {
  try {
    return homedir();
  } catch {
    return '';
  }
})();

/** Shortens the home folder to `~`, masks e-mail addresses and cuts long strings. */
export function scrub(text: string): string {
  let out = text;
  if (home.length > 1) out = out.split(home).join('~');
  out = out.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, '<e-mail>');
  return out.length > MAX_STRING ? `${out.slice(0, MAX_STRING)}…` : out;
}

/** Error messages quote file names and typed values (« … », '…', "…"): those are masked, the rest is kept. */
export function scrubMessage(text: string): string {
  return scrub(text.replace(/«[^»]*»/g, '«…»').replace(/'[^']*'/g, "'…'").replace(/"[^"]*"/g, '"…"'));
}

/** An error reduced to what helps a technician: its kind, its code and where it happened (no data from the document). */
export function describeError(e: unknown): Record<string, string> {
  if (!(e instanceof Error)) return { error: typeof e };
  const out: Record<string, string> = { error: e.name };
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') out.code = String(code);
  const syscall = (e as { syscall?: unknown }).syscall;
  if (typeof syscall === 'string') out.syscall = syscall;
  out.message = scrubMessage(e.message);
  const frames = (e.stack ?? '').split('\n').slice(1, 6).map((l) => l.trim());
  if (frames.length) out.stack = frames.map((f) => scrub(f).slice(0, 160)).join(' | ');
  return out;
}

function rotate(s: Sink & { dir: string }): void {
  const file = join(s.dir, LOG_FILE);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return;
  }
  if (size < s.maxBytes) return;
  const numbered = (i: number) => join(s.dir, `technique.${i}.log`);
  rmSync(numbered(s.maxFiles - 1), { force: true });
  for (let i = s.maxFiles - 2; i >= 1; i--) {
    try {
      renameSync(numbered(i), numbered(i + 1));
    } catch {
      // A missing older file is normal.
    }
  }
  if (s.maxFiles > 1) renameSync(file, numbered(1));
  else rmSync(file, { force: true });
}

function write(level: LogLevel, event: string, details: LogDetails | undefined, error?: unknown): void {
  const s = sink;
  if (!s) return;
  const entry: Record<string, string | number | boolean | null> = { t: new Date().toISOString(), level, event: scrub(event), pid: process.pid };
  for (const [k, v] of Object.entries(details ?? {})) {
    if (v === undefined || k in entry) continue;
    entry[k] = typeof v === 'string' ? scrub(v) : v;
  }
  if (error !== undefined) Object.assign(entry, describeError(error));
  const line = JSON.stringify(entry);
  try {
    if (s.write) s.write(line);
    if (s.dir) {
      rotate(s as Sink & { dir: string });
      appendFileSync(join(s.dir, LOG_FILE), `${line}\n`, { mode: 0o600 });
    }
  } catch {
    // The log must never break the app (full disk, folder removed): the event is lost, the work is not.
  }
}

export function logInfo(event: string, details?: LogDetails): void {
  write('info', event, details);
}

export function logWarn(event: string, details?: LogDetails, error?: unknown): void {
  write('warn', event, details, error);
}

/** An error and its cause; pass the caught value as `error` (reduced by `describeError`). */
export function logError(event: string, details?: LogDetails, error?: unknown): void {
  write('error', event, details, error);
}
