// The write path's SQL: one statement that commits a batch of writes if nobody came first, and the name of who changed a record.
import pg from 'pg';
import { SCHEMA_VERSION } from '../../../shared/model';
import { team } from '../../../shared/i18n/team';
import type { ArchiveFile } from '../archive-files';
import type { EntityChange } from './entities';

/** Channel name of the NOTIFY sent at every commit; the payload is the new sequence number. */
export const CHANGES_CHANNEL = 'clspd_changes';

export interface ConflictInfo {
  collection: string;
  id: string;
  byName: string;
  at: Date;
  /** What they changed, in French (« intitulé : « … » »), when this process still knows the older state. */
  change?: string;
}

/** One write of a batch: its own sequence number, author, channel, rows and audit entry. */
export interface BatchWrite {
  seq: number;
  userId: string;
  channel: string;
  changes: readonly EntityChange[];
  archives: readonly ArchiveFile[];
  audited: readonly string[];
}

/** The display name of an account, for a conflict message (« un autre membre de l’équipe » when unknown). */
export async function displayNameOf(q: pg.Pool | pg.PoolClient, userId: string | null): Promise<string> {
  if (userId === null) return team.unknownUser;
  const r = await q.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [userId]);
  return r.rows[0]?.display_name ?? team.unknownUser;
}

interface Row {
  collection: string;
  id: string;
  payload?: unknown;
  deleted: boolean;
  seq: number;
  by: string;
  /** The write that first touched the row in the batch: the creation order kept on loading. */
  firstSeq: number;
  firstPos: number;
  /** Writes of the batch that touched it (its version moves by as much). */
  count: number;
  created: boolean;
}

/** The batch's rows merged: per entity, the last write's value (or deletion), stamped with that write's seq and author. */
export function mergeRows(writes: readonly BatchWrite[]): Row[] {
  const rows = new Map<string, Row>();
  for (const w of writes) {
    w.changes.forEach((c, pos) => {
      const key = `${c.collection}:${c.id}`;
      const row = rows.get(key);
      const deleted = c.op === 'deleted';
      if (!row) {
        rows.set(key, { collection: c.collection, id: c.id, payload: c.payload, deleted, seq: w.seq, by: w.userId, firstSeq: w.seq, firstPos: pos + 1, count: 1, created: c.op === 'created' });
        return;
      }
      Object.assign(row, { payload: c.payload, deleted, seq: w.seq, by: w.userId, count: row.count + 1, created: row.created || c.op === 'created' });
    });
  }
  return [...rows.values()];
}

/**
 * Commits a batch of writes in ONE autocommit statement (data-modifying CTEs): the `meta` row moves from `base` to
 * the last write's seq only if nobody committed since `base`; every other part writes only when it did (the merged
 * rows, tombstones, archives, one audit row per write, the NOTIFY). The `meta` row lock is thus held for the
 * statement alone, never across a round trip to this process. Returns false, having written nothing, when another
 * commit came first (the caller catches up and runs the batch again). `thenCommit`: inside a transaction holding the
 * lock, the statement and its COMMIT go in one round trip.
 *
 * The batch travels as ONE JSON text (escaped with the driver's `escapeLiteral`, read with `jsonb_to_recordset`):
 * one serialisation, no per-row parameter arrays, and a simple query that can carry the COMMIT.
 */
export async function commitBatch(q: pg.Pool | pg.PoolClient, base: number, writes: readonly BatchWrite[], thenCommit = false): Promise<boolean> {
  const rows = mergeRows(writes);
  const archives = new Map<string, { name: string; payload: unknown; seq: number }>();
  for (const w of writes) for (const f of w.archives) archives.set(f.name, { name: f.name, payload: f.payload, seq: w.seq });
  const batch = {
    up: rows.filter((r) => !r.deleted).map((r) => ({ c: r.collection, i: r.id, p: r.payload, n: r.count, s: r.seq, fs: r.firstSeq, fp: r.firstPos, b: r.by, r: r.created })),
    del: rows.filter((r) => r.deleted).map((r) => ({ c: r.collection, i: r.id, s: r.seq, b: r.by })),
    arc: [...archives.values()].map((f) => ({ f: f.name, p: f.payload, s: f.seq })),
    aud: writes.map((w) => ({ u: w.userId, ch: w.channel, e: w.audited, s: w.seq })),
  };
  const last = writes[writes.length - 1]!.seq;
  if (![base, last, SCHEMA_VERSION].every(Number.isSafeInteger)) throw new Error(team.errors.badSequence([base, last]));
  // A row locked by another writer (a batch under the lock, or its statement) means it commits first: lose at once,
  // rather than wait for it (holding this process's `sync`, so its reads) and then lose.
  const text = `WITH l AS (
       SELECT id FROM meta WHERE id = 1 AND seq = ${base} FOR UPDATE ${thenCommit ? '' : 'SKIP LOCKED'}
     ), m AS (
       UPDATE meta SET seq = ${last}, schema_version = ${SCHEMA_VERSION} FROM l WHERE meta.id = l.id RETURNING meta.seq
     ), b AS (
       SELECT ${pg.escapeLiteral(JSON.stringify(batch))}::jsonb AS j WHERE EXISTS (SELECT 1 FROM m)
     ), up AS (
       INSERT INTO entities (collection, id, payload, version, seq, created_seq, created_pos, updated_by)
         SELECT t.c, t.i, t.p, t.n, t.s, t.fs, t.fp, t.b
           FROM b, jsonb_to_recordset(b.j->'up') AS t(c text, i text, p jsonb, n int, s bigint, fs bigint, fp int, b text)
       ON CONFLICT (collection, id) DO UPDATE
         SET payload = EXCLUDED.payload, version = entities.version + EXCLUDED.version, seq = EXCLUDED.seq,
             updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING 1
     ), revived AS (
       -- Only an entity (re)created in the batch can have a tombstone to clear.
       DELETE FROM tombstones t USING b, jsonb_to_recordset(b.j->'up') AS u(c text, i text, r boolean)
        WHERE u.r AND t.collection = u.c AND t.id = u.i RETURNING 1
     ), gone AS (
       DELETE FROM entities e USING b, jsonb_to_recordset(b.j->'del') AS u(c text, i text)
        WHERE e.collection = u.c AND e.id = u.i RETURNING 1
     ), buried AS (
       INSERT INTO tombstones (collection, id, seq, deleted_by)
         SELECT u.c, u.i, u.s, u.b FROM b, jsonb_to_recordset(b.j->'del') AS u(c text, i text, s bigint, b text)
       ON CONFLICT (collection, id) DO UPDATE SET seq = EXCLUDED.seq, deleted_by = EXCLUDED.deleted_by, deleted_at = now()
       RETURNING 1
     ), filed AS (
       INSERT INTO archives (file_name, payload, seq)
         SELECT f.f, f.p, f.s FROM b, jsonb_to_recordset(b.j->'arc') AS f(f text, p jsonb, s bigint)
       ON CONFLICT (file_name) DO UPDATE SET payload = EXCLUDED.payload, seq = EXCLUDED.seq
       RETURNING 1
     ), a AS (
       INSERT INTO audit_log (user_id, channel, entity_ids, seq)
         SELECT x.w->>'u', x.w->>'ch', ARRAY(SELECT jsonb_array_elements_text(x.w->'e')), (x.w->>'s')::bigint
           FROM b, jsonb_array_elements(b.j->'aud') WITH ORDINALITY AS x(w, pos)
          ORDER BY x.pos
       RETURNING 1
     )
     SELECT pg_notify('${CHANGES_CHANNEL}', m.seq::text) FROM m`;
  const r = (await q.query(thenCommit ? `${text}; COMMIT` : text)) as unknown as pg.QueryResult | pg.QueryResult[];
  return (Array.isArray(r) ? r[0]! : r).rowCount === 1;
}
