// Entry of the import worker thread: parses the files to import (CSV, XLSX) so that the window never waits on the main process.
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../../../shared/result';
import { parseImport, type ParseKind } from './parseJob';

export interface ParseRequest {
  id: number;
  kind: ParseKind;
  bytes: Uint8Array;
  name: string;
}

export type WorkerMessage =
  | { id: number; type: 'progress'; phase: 'checking' | 'parsing'; done: number; total: number }
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'failed'; domain?: { code: DomainError['code']; message: string; field?: string }; message: string };

const port = parentPort;
if (port) {
  port.on('message', (req: ParseRequest) => {
    const buf = Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
    parseImport(req.kind, buf, req.name, (p) => port.postMessage({ id: req.id, type: 'progress', ...p } satisfies WorkerMessage)).then(
      (value) => port.postMessage({ id: req.id, type: 'done', value } satisfies WorkerMessage),
      (e: unknown) => {
        const domain = e instanceof DomainError ? { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } : undefined;
        port.postMessage({ id: req.id, type: 'failed', domain, message: (e as Error)?.stack ?? String(e) } satisfies WorkerMessage);
      },
    );
  });
}
