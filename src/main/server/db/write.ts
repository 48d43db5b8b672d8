// The write path's SQL: one statement that commits a batch of writes if nobody came first, and the name of who changed a record.
import type pg from 'pg';
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
 * commit came first (the caller catches up and runs the batch again). Inside a transaction holding the lock it simply writes.
 */
export async function commitBatch(q: pg.Pool | pg.PoolClient, base: number, writes: readonly BatchWrite[]): Promise<boolean> {
  const rows = mergeRows(writes);
  const upserts = rows.filter((r) => !r.deleted);
  // Only an entity (re)created in the batch can have a tombstone to clear.
  const revived = upserts.filter((r) => r.created);
  const deletions = rows.filter((r) => r.deleted);
  const archives = new Map<string, { payload: unknown; seq: number }>();
  for (const w of writes) for (const f of w.archives) archives.set(f.name, { payload: f.payload, seq: w.seq });
  const last = writes[writes.length - 1]!.seq;
  const r = await q.query(
    `WITH m AS (
       UPDATE meta SET seq = $1, schema_version = $2 WHERE id = 1 AND seq = $3 RETURNING seq
     ), up AS (
       INSERT INTO entities (collection, id, payload, version, seq, created_seq, created_pos, updated_by)
         SELECT t.collection, t.id, t.payload, t.n, t.seq, t.first_seq, t.first_pos, t.by
           FROM unnest($4::text[], $5::text[], $6::jsonb[], $7::int[], $8::bigint[], $9::bigint[], $10::int[], $11::text[])
                AS t(collection, id, payload, n, seq, first_seq, first_pos, by)
          WHERE EXISTS (SELECT 1 FROM m)
       ON CONFLICT (collection, id) DO UPDATE
         SET payload = EXCLUDED.payload, version = entities.version + EXCLUDED.version, seq = EXCLUDED.seq,
             updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING 1
     ), revived AS (
       DELETE FROM tombstones t USING unnest($12::text[], $13::text[]) AS u(collection, id)
        WHERE t.collection = u.collection AND t.id = u.id AND EXISTS (SELECT 1 FROM m) RETURNING 1
     ), gone AS (
       DELETE FROM entities e USING unnest($14::text[], $15::text[]) AS u(collection, id)
        WHERE e.collection = u.collection AND e.id = u.id AND EXISTS (SELECT 1 FROM m) RETURNING 1
     ), buried AS (
       INSERT INTO tombstones (collection, id, seq, deleted_by)
         SELECT u.collection, u.id, u.seq, u.by FROM unnest($14::text[], $15::text[], $16::bigint[], $17::text[]) AS u(collection, id, seq, by)
          WHERE EXISTS (SELECT 1 FROM m)
       ON CONFLICT (collection, id) DO UPDATE SET seq = EXCLUDED.seq, deleted_by = EXCLUDED.deleted_by, deleted_at = now()
       RETURNING 1
     ), filed AS (
       INSERT INTO archives (file_name, payload, seq)
         SELECT f.name, f.payload, f.seq FROM unnest($18::text[], $19::jsonb[], $20::bigint[]) AS f(name, payload, seq)
          WHERE EXISTS (SELECT 1 FROM m)
       ON CONFLICT (file_name) DO UPDATE SET payload = EXCLUDED.payload, seq = EXCLUDED.seq
       RETURNING 1
     ), a AS (
       INSERT INTO audit_log (user_id, channel, entity_ids, seq)
         SELECT w.user_id, w.channel, ARRAY(SELECT jsonb_array_elements_text(w.ids)), w.seq
           FROM unnest($21::text[], $22::text[], $23::jsonb[], $24::bigint[]) WITH ORDINALITY AS w(user_id, channel, ids, seq, pos)
          WHERE EXISTS (SELECT 1 FROM m)
          ORDER BY w.pos
       RETURNING 1
     )
     SELECT pg_notify($25, m.seq::text) FROM m`,
    [
      last,
      SCHEMA_VERSION,
      base,
      upserts.map((x) => x.collection),
      upserts.map((x) => x.id),
      upserts.map((x) => JSON.stringify(x.payload)),
      upserts.map((x) => x.count),
      upserts.map((x) => x.seq),
      upserts.map((x) => x.firstSeq),
      upserts.map((x) => x.firstPos),
      upserts.map((x) => x.by),
      revived.map((x) => x.collection),
      revived.map((x) => x.id),
      deletions.map((x) => x.collection),
      deletions.map((x) => x.id),
      deletions.map((x) => x.seq),
      deletions.map((x) => x.by),
      [...archives.keys()],
      [...archives.values()].map((f) => JSON.stringify(f.payload)),
      [...archives.values()].map((f) => f.seq),
      writes.map((w) => w.userId),
      writes.map((w) => w.channel),
      writes.map((w) => JSON.stringify(w.audited)),
      writes.map((w) => w.seq),
      CHANGES_CHANNEL,
    ],
  );
  return r.rowCount === 1;
}
