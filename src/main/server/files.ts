// Exports and imports for desktops and browsers: the server builds the file (or reads one sent by the client) in a temporary folder,
// keeps it in the database for its owner (downloads.ts), and the client fetches it to save it where its user chooses.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { z } from 'zod';
import type { ChannelName } from '../../shared/contract';
import { team } from '../../shared/i18n/team';
import type { Result } from '../../shared/result';
import type { Platform } from '../services/context';
import { isFileChannel } from '../team/channels';
import { contentTypeOf, EXPORT_TTL_MS, putDownload } from './downloads';

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

/** Uploaded imports stay readable for an hour (a backup import reads its file again when applied), then are removed. */
const UPLOAD_HOURS = 1;
let uploadRoot: string | undefined;

function uploadsDir(): string {
  uploadRoot ??= mkdtempSync(join(tmpdir(), 'clspd-uploads-'));
  const old = Date.now() - UPLOAD_HOURS * 3_600_000;
  for (const name of readdirSync(uploadRoot)) {
    const p = join(uploadRoot, name);
    if (statSync(p).mtimeMs < old) rmSync(p, { recursive: true, force: true });
  }
  return uploadRoot;
}

const safeName = (name: string) => basename(name).replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 150) || 'fichier';

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
      const platform: Platform = {
        async chooseSavePath(suggestedName, filters) {
          saved = { path: join(work, safeName(suggestedName)), suggestedName, filters };
          return saved.path;
        },
        async chooseOpenPath() {
          if (!upload) return undefined;
          const dir = join(uploadsDir(), `${Date.now()}-${Math.random().toString(36).slice(2)}`);
          mkdirSync(dir);
          const file = join(dir, safeName(upload.name));
          writeFileSync(file, Buffer.from(upload.base64, 'base64'));
          return file;
        },
        async openPath() {
          open = true;
        },
      };
      const result = await run(req, reply, name, body.data.input, platform);
      if (result === undefined) return reply;
      const answer: FileAnswer = { result };
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
