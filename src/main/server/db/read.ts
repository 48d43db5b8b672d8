// Reading the database's changes since a sequence number, in one round trip and one consistent snapshot.
import type pg from 'pg';
import { team } from '../../../shared/i18n/team';
import type { StampedRow } from '../entity-stamps';
import type { EntityChange, EntityRow } from './entities';

export interface ArchiveRow {
  file_name: string;
  payload: unknown;
}

/** What the database holds beyond `from`: the last sequence number, the rows changed, the entities deleted, the archives written. */
export interface Since {
  seq: number;
  /** With who changed each row and when: conflicts are judged in memory. */
  rows: (EntityRow & StampedRow)[];
  changes: EntityChange[];
  archives: ArchiveRow[];
}

/**
 * How the reads run: `snapshot` in their own REPEATABLE READ READ ONLY transaction (one round trip, one snapshot);
 * `inTransaction` on a client already inside one; `lock` opens a transaction that first takes the `meta` row lock
 * (waiting for any commit in progress), then reads — the writer's lock and catch-up in one round trip.
 */
export type ReadMode = 'snapshot' | 'inTransaction' | 'lock';

/** Everything committed after `from` (0: the whole council), as one multi-statement query. */
export async function readSince(q: pg.Pool | pg.PoolClient, from: number, mode: ReadMode = 'snapshot'): Promise<Since> {
  if (!Number.isSafeInteger(from) || from < 0) throw new Error(team.errors.badSequence([from]));
  // `from` is a checked integer: inlined, since a multi-statement query cannot take parameters.
  const reads = [
    `SELECT seq FROM meta WHERE id = 1${mode === 'lock' ? ' FOR UPDATE' : ''}`,
    `SELECT collection, id, payload, seq, updated_by, (extract(epoch FROM updated_at) * 1000)::float8 AS at FROM entities WHERE seq > ${from} ORDER BY created_seq, created_pos`,
    `SELECT collection, id FROM tombstones WHERE seq > ${from}`,
    `SELECT file_name, payload FROM archives WHERE seq > ${from}`,
  ];
  const text =
    mode === 'snapshot' ? ['BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', ...reads, 'COMMIT'].join('; ') : mode === 'lock' ? ['BEGIN', ...reads].join('; ') : reads.join('; ');
  const results = (await q.query(text)) as unknown as pg.QueryResult[];
  const [meta, rows, gone, archives] = mode === 'inTransaction' ? results : results.slice(1, 5);
  const entityRows = rows!.rows as (EntityRow & StampedRow)[];
  return {
    seq: Number((meta!.rows[0] as { seq: string } | undefined)?.seq ?? 0),
    rows: entityRows,
    changes: [
      ...(gone!.rows as { collection: string; id: string }[]).map((g) => ({ collection: g.collection, id: g.id, op: 'deleted' as const })),
      ...entityRows.map((r) => ({ collection: r.collection, id: r.id, op: 'updated' as const, payload: r.payload })),
    ],
    archives: archives!.rows as ArchiveRow[],
  };
}
