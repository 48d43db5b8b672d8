// Exports and imports for desktops and browsers: the server builds the file (or reads one sent by the client) in a temporary folder,
// keeps it in the database for its owner (downloads.ts), and the client fetches it to save it where its user chooses.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { z } from 'zod';
import { contract, type ChannelName } from '../../shared/contract';
import { team } from '../../shared/i18n/team';
import { DomainError, type Result } from '../../shared/result';
import { teamFiles } from '../../shared/i18n/team-files';
import { MAX_UPLOAD_BYTES } from '../../shared/import-files';
import type { Platform } from '../services/context';
import { isFileChannel } from '../team/channels';
import { contentTypeOf, EXPORT_TTL_MS, putDownload } from './downloads';
import { safeName, savePendingImport, writeUpload } from './pending-imports';

type RunChannel = (req: FastifyRequest, reply: FastifyReply, name: string, body: unknown, platform: Platform) => Promise<Result<unknown> | undefined>;

const FileBody = z.object({
  input: z.unknown().optional(),
  /** The file the desktop's user chose to import (base64), when the channel reads one. */
  upload: z.object({ name: z.string().min(1).max(300), base64: z.string().max(28_000_000) }).strict().optional(),
});

/**
 * What the client receives: the channel's result and, if the channel produced a file, its token for
 * `GET /api/downloads/<token>` (any server process, this account only, once) and the server's temporary path
 * that the result's message mentions (`placeholder`), to be replaced by where the file is saved.
 */
export interface FileAnswer {
  result: Result<unknown>;
  file?: { suggestedName: string; filters: { name: string; extensions: string[] }[]; token: string; size: number; placeholder: string; open: boolean };
}

const ImportPreviewToken = z.object({ token: z.string().min(1).max(80) });
const PreviewInput = contract['sharing:previewImport'].input;

export function registerFileRoutes(app: FastifyInstance, run: RunChannel, pool: pg.Pool): void {
  app.post<{ Params: { domain: string; verb: string } }>('/api/files/:domain/:verb', async (req, reply) => {
    const name = `${req.params.domain}:${req.params.verb}`;
    const body = FileBody.safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).send({ ok: false, error: { code: 'invalid_input', message: team.errors.badBody } });
    if (!isFileChannel(name as ChannelName)) return reply.code(404).send({ ok: false, error: { code: 'invalid_input', message: team.errors.unknownChannel } });
    const work = mkdtempSync(join(tmpdir(), 'clspd-export-'));
    try {
      let saved: { path: string; suggestedName: string; filters: { name: string; extensions: string[] }[] } | undefined;
      let open = false;
      const upload = body.data.upload;
      const uploadBytes = upload && Buffer.from(upload.base64, 'base64');
      const platform: Platform = {
        async chooseSavePath(suggestedName, filters) {
          saved = { path: join(work, safeName(suggestedName)), suggestedName, filters };
          return saved.path;
        },
        async chooseOpenPath(filters) {
          if (!upload || !uploadBytes) return undefined;
          // Whatever the client checked: the types the channel opens, the size a client may send.
          const extensions = filters.flatMap((f) => f.extensions);
          if (!extensions.some((e) => upload.name.toLowerCase().endsWith(`.${e}`))) throw new DomainError('invalid_input', teamFiles.uploadWrongType(upload.name, extensions));
          if (uploadBytes.length > MAX_UPLOAD_BYTES) throw new DomainError('invalid_input', teamFiles.uploadTooLarge(Math.round((uploadBytes.length / 1048576) * 10) / 10));
          return writeUpload(upload.name, uploadBytes);
        },
        async openPath() {
          open = true;
        },
      };
      const result = await run(req, reply, name, body.data.input, platform);
      if (result === undefined) return reply;
      const answer: FileAnswer = { result };
      // The preview's file, for « Appliquer » on whichever process answers it.
      const preview = result.ok && name === 'sharing:previewImport' ? ImportPreviewToken.safeParse(result.value) : undefined;
      if (preview?.success && upload && uploadBytes) {
        const input = PreviewInput.parse(body.data.input);
        await savePendingImport(pool, { userId: req.account!.id, token: preview.data.token, kind: input.kind, fileName: upload.name, bytes: uploadBytes, expectedPilotId: input.expectedPilotId });
      }
      if (result.ok && saved) {
        const bytes = readFileSync(saved.path);
        const token = await putDownload(pool, { userId: req.account!.id, fileName: saved.suggestedName, contentType: contentTypeOf(saved.suggestedName), bytes, once: true, ttlMs: EXPORT_TTL_MS });
        answer.file = { suggestedName: saved.suggestedName, filters: saved.filters, token, size: bytes.length, placeholder: saved.path, open };
      }
      return reply.send(answer);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
}
