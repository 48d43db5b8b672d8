// The write path's SQL: the conflict check against the state a client saw, and one statement that commits a request if nobody came first.
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

/**
 * What a client had seen, per edit: `records` gives, for the records it names, the state at which it last showed each
 * one; any other record is compared with `seq`, the last state it saw as a whole. No comparison for a record neither covers.
 */
export interface Seen {
  seq?: number;
  records?: ReadonlyMap<string, number>;
}

/** The first record the edit touches that someone else changed after this client last showed it (`seenAt`: that state). */
export async function findConflict(client: pg.Pool | pg.PoolClient, changes: EntityChange[], seen: Seen, userId: string): Promise<(ConflictInfo & { seenAt: number }) | undefined> {
  const touched: { collection: string; id: string; seen: number }[] = [];
  for (const c of changes) {
    const at = c.op === 'created' ? undefined : (seen.records?.get(c.id) ?? seen.seq);
    if (at !== undefined) touched.push({ collection: c.collection, id: c.id, seen: at });
  }
  if (touched.length === 0) return undefined;
  const r = await client.query<{ collection: string; id: string; display_name: string | null; updated_at: Date; seen: string }>(
    `SELECT e.collection, e.id, u.display_name, e.updated_at, t.seen
       FROM entities e
       JOIN unnest($1::text[], $2::text[], $3::bigint[]) AS t(collection, id, seen) ON e.collection = t.collection AND e.id = t.id
       LEFT JOIN users u ON u.id = e.updated_by
      WHERE e.seq > t.seen AND e.updated_by IS DISTINCT FROM $4
      LIMIT 1`,
    [touched.map((c) => c.collection), touched.map((c) => c.id), touched.map((c) => c.seen), userId],
  );
  const row = r.rows[0];
  return row ? { collection: row.collection, id: row.id, byName: row.display_name ?? team.unknownUser, at: row.updated_at, seenAt: Number(row.seen) } : undefined;
}

/**
 * Commits a request's changes in ONE autocommit statement (data-modifying CTEs): the `meta` row moves from
 * `base` to `base + 1` only if nobody committed since `base`; every other part writes only when it did (the
 * changed rows, tombstones, archives, the audit row, the NOTIFY). The `meta` row lock is thus held for the
 * statement alone, never across a round trip to this process. Returns false, having written nothing, when
 * another commit came first (the caller catches up and runs the request again). Inside a transaction that
 * already holds the lock it simply writes.
 */
export async function commitChanges(
  q: pg.Pool | pg.PoolClient,
  changes: EntityChange[],
  archives: ArchiveFile[],
  c: { base: number; userId: string; channel: string; audited: string[] },
): Promise<boolean> {
  const upserts = changes.filter((x) => x.op !== 'deleted');
  // Only a (re)created entity can have a tombstone to clear.
  const created = changes.filter((x) => x.op === 'created');
  const deletions = changes.filter((x) => x.op === 'deleted');
  const r = await q.query(
    `WITH m AS (
       UPDATE meta SET seq = $4, schema_version = $10 WHERE id = 1 AND seq = $14 RETURNING seq
     ), up AS (
       INSERT INTO entities (collection, id, payload, version, seq, created_seq, created_pos, updated_by)
         SELECT t.collection, t.id, t.payload, 1, $4, $4, t.pos, $5
           FROM unnest($1::text[], $2::text[], $3::jsonb[]) WITH ORDINALITY AS t(collection, id, payload, pos)
          WHERE EXISTS (SELECT 1 FROM m)
       ON CONFLICT (collection, id) DO UPDATE
         SET payload = EXCLUDED.payload, version = entities.version + 1, seq = EXCLUDED.seq,
             updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING 1
     ), revived AS (
       DELETE FROM tombstones t USING unnest($6::text[], $7::text[]) AS u(collection, id)
        WHERE t.collection = u.collection AND t.id = u.id AND EXISTS (SELECT 1 FROM m) RETURNING 1
     ), gone AS (
       DELETE FROM entities e USING unnest($8::text[], $9::text[]) AS u(collection, id)
        WHERE e.collection = u.collection AND e.id = u.id AND EXISTS (SELECT 1 FROM m) RETURNING 1
     ), buried AS (
       INSERT INTO tombstones (collection, id, seq, deleted_by)
         SELECT u.collection, u.id, $4, $5 FROM unnest($8::text[], $9::text[]) AS u(collection, id)
          WHERE EXISTS (SELECT 1 FROM m)
       ON CONFLICT (collection, id) DO UPDATE SET seq = EXCLUDED.seq, deleted_by = EXCLUDED.deleted_by, deleted_at = now()
       RETURNING 1
     ), filed AS (
       INSERT INTO archives (file_name, payload, seq)
         SELECT f.name, f.payload, $4 FROM unnest($15::text[], $16::jsonb[]) AS f(name, payload)
          WHERE EXISTS (SELECT 1 FROM m)
       ON CONFLICT (file_name) DO UPDATE SET payload = EXCLUDED.payload, seq = EXCLUDED.seq
       RETURNING 1
     ), a AS (
       INSERT INTO audit_log (user_id, channel, entity_ids, seq) SELECT $5, $11, $12, m.seq FROM m RETURNING 1
     )
     SELECT pg_notify($13, m.seq::text) FROM m`,
    [
      upserts.map((x) => x.collection),
      upserts.map((x) => x.id),
      upserts.map((x) => JSON.stringify(x.payload)),
      c.base + 1,
      c.userId,
      created.map((x) => x.collection),
      created.map((x) => x.id),
      deletions.map((x) => x.collection),
      deletions.map((x) => x.id),
      SCHEMA_VERSION,
      c.channel,
      c.audited,
      CHANGES_CHANNEL,
      c.base,
      archives.map((f) => f.name),
      archives.map((f) => JSON.stringify(f.payload)),
    ],
  );
  return r.rowCount === 1;
}
