// Files the team server produces (PDF documents, exports) kept in PostgreSQL under a token for their owner account, so
// that any server process behind a load balancer serves them: `GET /api/downloads/<token>`, `DELETE` to drop one.
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type pg from 'pg';
import { contract } from '../../shared/contract';
import type { GeneratedInfo } from '../../shared/contract/documents';
import { documents } from '../../shared/i18n/documents';
import { teamFiles } from '../../shared/i18n/team-files';
import { fail, ok, type Result } from '../../shared/result';
import { documentBytes, forgetGenerated } from '../documents/service';
import { refusal } from './session-routes';

/** A PDF is previewed then saved (read several times); an export is fetched once. */
export const DOCUMENT_TTL_MS = 60 * 60_000;
export const EXPORT_TTL_MS = 15 * 60_000;

/** 40 lowercase hex characters: also a valid documents token of the contract. */
const TOKEN = /^[a-f0-9]{40}$/;

export interface StoredFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  ics: 'text/calendar; charset=utf-8',
  eml: 'message/rfc822',
  zip: 'application/zip',
  json: 'application/json',
};

export function contentTypeOf(fileName: string): string {
  return CONTENT_TYPES[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/** Keeps a file for `userId` and gives its token; expired files of everyone are removed in the same statement. */
export async function putDownload(pool: pg.Pool, f: StoredFile & { userId: string; once: boolean; ttlMs: number }): Promise<string> {
  const token = randomBytes(20).toString('hex');
  await pool.query(
    `WITH purged AS (DELETE FROM downloads WHERE expires_at < now() RETURNING 1)
     INSERT INTO downloads (token_hash, user_id, file_name, content_type, bytes, once, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + $7 * interval '1 millisecond')`,
    [hashOf(token), f.userId, f.fileName, f.contentType, f.bytes, f.once, f.ttlMs],
  );
  return token;
}

/**
 * The file under `token` if it belongs to `userId` and has not expired; a file fetched once is removed by that
 * fetch (two concurrent fetches: only one gets it). Another account's token is answered like an unknown one.
 */
export async function takeDownload(pool: pg.Pool, token: string, userId: string): Promise<StoredFile | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const r = await pool.query<{ file_name: string; content_type: string; bytes: Buffer }>(
    `WITH taken AS (
       DELETE FROM downloads WHERE token_hash = $1 AND user_id = $2 AND once AND expires_at > now()
       RETURNING file_name, content_type, bytes
     )
     SELECT file_name, content_type, bytes FROM taken
     UNION ALL
     SELECT file_name, content_type, bytes FROM downloads WHERE token_hash = $1 AND user_id = $2 AND NOT once AND expires_at > now()`,
    [hashOf(token), userId],
  );
  const row = r.rows[0];
  return row ? { fileName: row.file_name, contentType: row.content_type, bytes: row.bytes } : undefined;
}

/** Drops a file its owner will not fetch (a save dialog cancelled on the desktop). */
export async function dropDownload(pool: pg.Pool, token: string, userId: string): Promise<void> {
  if (!TOKEN.test(token)) return;
  await pool.query('DELETE FROM downloads WHERE token_hash = $1 AND user_id = $2', [hashOf(token), userId]);
}

/** `attachment` with the French name (RFC 6266: an ASCII fallback, then the UTF-8 name). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w .()-]/g, '_') || 'fichier';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

async function send(reply: FastifyReply, file: StoredFile): Promise<FastifyReply> {
  return reply
    .header('Content-Disposition', contentDisposition(file.fileName))
    .header('Cache-Control', 'no-store')
    .type(file.contentType)
    .send(file.bytes);
}

export function registerDownloadRoutes(app: FastifyInstance, pool: pg.Pool): void {
  app.get<{ Params: { token: string } }>('/api/downloads/:token', async (req, reply) => {
    if (!TOKEN.test(req.params.token)) return refusal(reply, 404, 'not_found', teamFiles.badToken);
    const file = await takeDownload(pool, req.params.token, req.account!.id);
    if (!file) return refusal(reply, 404, 'not_found', teamFiles.gone);
    return send(reply, file);
  });
  app.delete<{ Params: { token: string } }>('/api/downloads/:token', async (req, reply) => {
    await dropDownload(pool, req.params.token, req.account!.id);
    return reply.code(204).send();
  });
}

/**
 * A PDF generated by this process moves to the database under a new token of its owner, so that its preview and its
 * « Enregistrer sous… » work whichever server process answers them; the answer carries the new token.
 */
export async function keepServerDocument(pool: pg.Pool, userId: string, info: GeneratedInfo): Promise<GeneratedInfo> {
  const bytes = Buffer.from(documentBytes(info.token));
  forgetGenerated(info.token);
  const token = await putDownload(pool, { userId, fileName: info.suggestedName, contentType: 'application/pdf', bytes, once: false, ttlMs: DOCUMENT_TTL_MS });
  return { ...info, token };
}

/** `documents:bytes` on the server: the PDF from the database, for its owner only. */
export async function documentBytesAnswer(pool: pg.Pool, userId: string, body: unknown): Promise<Result<Uint8Array>> {
  const input = contract['documents:bytes'].input.safeParse(body);
  if (!input.success) return fail('invalid_input', teamFiles.badToken);
  const file = await takeDownload(pool, input.data.token, userId);
  return file ? ok(new Uint8Array(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength)) : fail('not_found', documents.errors.tokenExpired);
}
