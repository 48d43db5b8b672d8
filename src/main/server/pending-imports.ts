// Imports on the team server across processes: the file sent for a preview is kept in PostgreSQL for its account, so that
// « Appliquer », « Abandonner » or a new column mapping may reach any server process; it goes once applied or abandoned.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type pg from 'pg';
import { z } from 'zod';
import { ImportKind } from '../../shared/contract/sharing';
import { sharing } from '../../shared/i18n/sharing';
import { DomainError, type Result } from '../../shared/result';
import type { ServiceContext } from '../services/context';
import { cancelImport, resumeImport } from '../services/sharing';

/** A pending import lasts as long as its uploaded file (an hour), then is removed. */
export const PENDING_IMPORT_MS = 60 * 60_000;

/** The channels that name a pending import by its token. */
const TOKEN_CHANNELS: ReadonlySet<string> = new Set(['sharing:remapImport', 'sharing:applyImport', 'sharing:cancelImport']);

const TokenInput = z.object({ token: z.string().min(1).max(80), mapping: z.record(z.string(), z.string()).optional() });

let uploadRoot: string | undefined;

/** This process's folder of uploaded files; files older than a pending import's life are removed on the way. */
function uploadsDir(): string {
  uploadRoot ??= mkdtempSync(join(tmpdir(), 'clspd-uploads-'));
  const old = Date.now() - PENDING_IMPORT_MS;
  for (const name of readdirSync(uploadRoot)) {
    const p = join(uploadRoot, name);
    if (statSync(p).mtimeMs < old) rmSync(p, { recursive: true, force: true });
  }
  return uploadRoot;
}

/** A client's file name made safe for this computer's disk (accents kept). */
export const safeName = (name: string) => basename(name).replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 150) || 'fichier';

/** Writes an uploaded file in this process's temporary folder, under its own (cleaned) name, for the import services. */
export function writeUpload(name: string, bytes: Buffer): string {
  const dir = join(uploadsDir(), `${Date.now()}-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  const file = join(dir, safeName(name));
  writeFileSync(file, bytes);
  return file;
}

/** Keeps the file of a preview for its account (expired pending imports of everyone are removed in the same statement). */
export async function savePendingImport(
  pool: pg.Pool,
  p: { userId: string; token: string; kind: string; fileName: string; bytes: Buffer; expectedPilotId?: string },
): Promise<void> {
  await pool.query(
    `WITH purged AS (DELETE FROM pending_imports WHERE expires_at < now() RETURNING 1)
     INSERT INTO pending_imports (user_id, token, kind, file_name, bytes, expected_pilot_id, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + $7 * interval '1 millisecond')`,
    [p.userId, p.token, p.kind, p.fileName, p.bytes, p.expectedPilotId ?? null, PENDING_IMPORT_MS],
  );
}

/** The token a channel names, when it is one of the pending import's channels. */
export function pendingToken(channel: string, payload: unknown): string | undefined {
  if (!TOKEN_CHANNELS.has(channel)) return undefined;
  const input = TokenInput.safeParse(payload);
  return input.success ? input.data.token : undefined;
}

/**
 * Before a pending import's channel runs: the database says whether the import still exists (another process may
 * have applied it, or it expired) and gives its file, read again here when this process did not make the preview.
 */
export async function resumePendingImport(pool: pg.Pool, ctx: ServiceContext, userId: string, token: string): Promise<void> {
  const r = await pool.query<{ kind: string; file_name: string; mapping: Record<string, string>; expected_pilot_id: string | null }>(
    'SELECT kind, file_name, mapping, expected_pilot_id FROM pending_imports WHERE user_id = $1 AND token = $2 AND expires_at > now()',
    [userId, token],
  );
  const row = r.rows[0];
  const kind = ImportKind.safeParse(row?.kind);
  if (!row || !kind.success) {
    cancelImport(ctx, token);
    return;
  }
  // The file is fetched only when this process must read it again.
  const file = async () => {
    const b = await pool.query<{ bytes: Buffer }>('SELECT bytes FROM pending_imports WHERE user_id = $1 AND token = $2', [userId, token]);
    return writeUpload(row.file_name, b.rows[0]?.bytes ?? Buffer.alloc(0));
  };
  await resumeImport(ctx, token, kind.data, file, {
    mapping: row.mapping,
    ...(row.expected_pilot_id ? { expectedPilotId: row.expected_pilot_id } : {}),
  });
}

/**
 * Inside the transaction that writes the import's changes: the pending import is removed, or the whole write is
 * refused (applied meanwhile by another request of the same account, on any process, or expired).
 */
export function claimPendingImport(userId: string, token: string): (q: pg.PoolClient | pg.Pool) => Promise<void> {
  return async (q) => {
    const r = await q.query('DELETE FROM pending_imports WHERE user_id = $1 AND token = $2 AND expires_at > now()', [userId, token]);
    if (r.rowCount !== 1) throw new DomainError('not_found', sharing.import.expired);
  };
}

/** After the channel: the mapping chosen is kept for the next process; an applied or abandoned import goes. */
export async function afterPendingImport(pool: pg.Pool, userId: string, channel: string, payload: unknown, result: Result<unknown> | undefined): Promise<void> {
  const input = TokenInput.safeParse(payload);
  if (!input.success || !result?.ok) return;
  if (channel === 'sharing:remapImport') {
    await pool.query('UPDATE pending_imports SET mapping = $3 WHERE user_id = $1 AND token = $2', [userId, input.data.token, JSON.stringify(input.data.mapping ?? {})]);
  } else if (channel === 'sharing:applyImport' || channel === 'sharing:cancelImport') {
    await pool.query('DELETE FROM pending_imports WHERE user_id = $1 AND token = $2', [userId, input.data.token]);
  }
}
