// Runs the parsing of an import in a worker thread (started on first use, kept for later imports) and relays its progress.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ImportProgress } from '../../../shared/contract/sharing';
import { sharing } from '../../../shared/i18n/sharing';
import { DomainError } from '../../../shared/result';
import type { ParseRequest, WorkerMessage } from './importWorker';
import { parseImport, type Parsed, type ParseKind } from './parseJob';

interface Pending {
  resolve: (v: Parsed) => void;
  reject: (e: unknown) => void;
  progress: (p: ImportProgress) => void;
}

let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

/**
 * The worker's script: the built one next to the bundle (app, CLI), or the source run through tsx (tests,
 * `npm run fuzz`). Undefined when neither exists.
 */
function workerEntry(): { script: string; eval?: boolean } | undefined {
  const built = join(__dirname, 'importWorker.js');
  if (existsSync(built)) return { script: built };
  const source = join(__dirname, 'importWorker.ts');
  // tsx's CommonJS hook, registered inside the worker before the source is required.
  if (existsSync(source)) return { script: `require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`, eval: true };
  return undefined;
}

function failAll(e: unknown): void {
  for (const p of pending.values()) p.reject(e);
  pending.clear();
}

function started(): Worker | undefined {
  if (worker) return worker;
  const entry = workerEntry();
  if (!entry) return undefined;
  const w = new Worker(entry.script, { eval: !!entry.eval });
  w.on('message', (m: WorkerMessage) => {
    const p = pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') return p.progress({ phase: m.phase, done: m.done, total: m.total });
    pending.delete(m.id);
    if (pending.size === 0) w.unref();
    if (m.type === 'done') p.resolve(m.value as Parsed);
    else if (m.domain) p.reject(new DomainError(m.domain.code, m.domain.message, m.domain.field));
    else p.reject(new Error(`import worker: ${m.message}`));
  });
  const lost = (why: unknown) => {
    if (worker === w) worker = undefined;
    failAll(new DomainError('io', sharing.import.workerStopped, undefined));
    if (why instanceof Error) process.emitWarning(`import worker stopped: ${why.message}`);
  };
  w.on('error', lost);
  w.on('exit', lost);
  w.unref();
  worker = w;
  return w;
}

/**
 * Parses a file to import off the main thread: the event loop (and so the window's IPC) stays free however large
 * the file is. `progress` receives each phase and the rows read. Refusals arrive as the same French DomainErrors.
 */
export function parseOffThread(kind: ParseKind, buf: Buffer, name: string, progress: (p: ImportProgress) => void): Promise<Parsed> {
  const w = started();
  // Without a worker script (never in the app or the CLI, which ship it), parse here rather than refuse the import.
  if (!w) return parseImport(kind, buf, name, progress);
  const id = nextId++;
  return new Promise<Parsed>((resolve, reject) => {
    pending.set(id, { resolve, reject, progress });
    w.ref();
    w.postMessage({ id, kind, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), name } satisfies ParseRequest);
  });
}

/** Stops the worker (tests; the app lets it end with the process). */
export async function stopImportWorker(): Promise<void> {
  const w = worker;
  worker = undefined;
  if (w) await w.terminate();
}
