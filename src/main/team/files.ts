// Exports and imports in team mode: the server produces the file (fetched by token from GET /api/downloads, like a browser does),
// this computer's dialog chooses where it goes (or which file is sent for an import).
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import type { ChannelName } from '../../shared/contract';
import type { GeneratedInfo } from '../../shared/contract/documents';
import { sharing } from '../../shared/i18n/sharing';
import { team } from '../../shared/i18n/team';
import { fail, ok, type Result } from '../../shared/result';
import { MAX_UPLOAD_BYTES, OPEN_FILTERS } from '../../shared/import-files';
import type { Platform } from '../services/context';
import { writeFileDurable } from '../store/durable';
import { parseResult } from './answers';
import type { Method } from './link';
import type { HttpAnswer } from './transport';

export type FilePlatform = Pick<Platform, 'chooseSavePath' | 'chooseOpenPath' | 'openPath'>;
export type KeepDocument = (doc: { bytes: Uint8Array; pages: number; title: string; suggestedName: string; warnings: string[] }) => GeneratedInfo;

const FileAnswerSchema = z.object({
  result: z.unknown(),
  file: z
    .object({
      suggestedName: z.string().min(1).max(300),
      filters: z.array(z.object({ name: z.string().max(200), extensions: z.array(z.string().max(20)).max(20) })).max(20),
      token: z.string().regex(/^[a-f0-9]{40}$/),
      size: z.number().int().min(0),
      placeholder: z.string().min(1).max(2000),
      open: z.boolean(),
    })
    .optional(),
});

/** Replaces the server's temporary path by the path chosen here, wherever the result mentions it (path, message). */
function relocate(value: unknown, from: string, to: string): unknown {
  const esc = (s: string) => JSON.stringify(s).slice(1, -1);
  return JSON.parse(JSON.stringify(value).split(esc(from)).join(esc(to))) as unknown;
}

export class FileTransfers {
  constructor(
    private readonly platform: FilePlatform | undefined,
    private readonly request: (method: Method, path: string, body?: string) => Promise<HttpAnswer>,
  ) {}

  async run(channel: ChannelName, input: unknown): Promise<Result<unknown>> {
    let upload: { name: string; base64: string } | undefined;
    if (channel === 'sharing:previewImport') {
      const kind = (input as { kind?: keyof typeof OPEN_FILTERS } | undefined)?.kind;
      if (!kind || !(kind in OPEN_FILTERS) || !this.platform?.chooseOpenPath) return fail('invalid_input', sharing.dialog.cancelled);
      const file = await this.platform.chooseOpenPath(OPEN_FILTERS[kind].map((f) => ({ name: f.name, extensions: [...f.extensions] })));
      if (!file) return ok({ cancelled: true });
      if (statSync(file).size > MAX_UPLOAD_BYTES) return fail('invalid_input', team.desktop.errors.uploadTooLarge);
      upload = { name: file.split(/[\\/]/).pop() ?? 'fichier', base64: readFileSync(file).toString('base64') };
    }
    const r = await this.request('POST', `/api/files/${channel.replace(':', '/')}`, JSON.stringify({ input, ...(upload ? { upload } : {}) }));
    let answer;
    try {
      answer = FileAnswerSchema.safeParse(JSON.parse(r.body.toString('utf8')));
    } catch {
      return fail('io', team.desktop.errors.badResponse);
    }
    if (!answer.success) return parseResult(r.body);
    const result = parseResult(Buffer.from(JSON.stringify(answer.data.result)));
    const file = answer.data.file;
    if (!result.ok || !file) return result;
    if (!this.platform?.chooseSavePath) return fail('internal', team.desktop.errors.noDialogs);
    const path = await this.platform.chooseSavePath(file.suggestedName, file.filters);
    if (!path) {
      // Not fetched: the server drops it now rather than at its expiry.
      await this.request('DELETE', `/api/downloads/${file.token}`).catch(() => undefined);
      return ok({ ...(result.value as object), path: undefined, cancelled: true, message: sharing.dialog.cancelled });
    }
    const bytes = await this.request('GET', `/api/downloads/${file.token}`);
    if (bytes.status !== 200 || bytes.body.length !== file.size) {
      const refusal = parseResult(bytes.body);
      return refusal.ok ? fail('io', team.desktop.errors.badResponse) : refusal;
    }
    writeFileDurable(path, bytes.body);
    if (file.open && this.platform.openPath) await this.platform.openPath(path);
    return ok(relocate(result.value, file.placeholder, path));
  }

  /** The server keeps its PDF under its own token (any server process serves it): fetch the bytes and keep them here under a local one. */
  async document(info: GeneratedInfo, keep: KeepDocument): Promise<Result<unknown>> {
    const r = await this.request('GET', `/api/downloads/${info.token}`);
    if (r.status !== 200 || !String(r.headers['content-type'] ?? '').startsWith('application/pdf')) {
      const refusal = parseResult(r.body);
      return refusal.ok ? fail('io', team.desktop.errors.badResponse) : refusal;
    }
    return ok(keep({ bytes: new Uint8Array(r.body), pages: info.pages, title: info.title, suggestedName: info.suggestedName, warnings: info.warnings }));
  }
}
