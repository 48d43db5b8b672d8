// Who last changed each entity, and at which state: kept from the catch-ups and this process's commits, so conflicts are judged in memory.
import type { EntityChange } from './db/entities';

/** The last change of one entity: its sequence number, the account that made it, when (ms since the epoch). */
export interface Stamp {
  seq: number;
  by: string | null;
  at: number;
}

/** A row read from the database with its stamp (`seq` as PostgreSQL's bigint text). */
export interface StampedRow {
  collection: string;
  id: string;
  seq: string | number;
  updated_by: string | null;
  at: number;
}

export const keyOf = (collection: string, id: string): string => `${collection}:${id}`;

/** Stamps of the committed entities this process knows. */
export class EntityStamps {
  private readonly map = new Map<string, Stamp>();

  get(key: string): Stamp | undefined {
    return this.map.get(key);
  }

  /** What a catch-up read: the rows changed (with their stamps) and the entities deleted. */
  learn(rows: readonly StampedRow[], changes: readonly EntityChange[] = []): void {
    for (const c of changes) if (c.op === 'deleted') this.map.delete(keyOf(c.collection, c.id));
    for (const r of rows) this.map.set(keyOf(r.collection, r.id), { seq: Number(r.seq), by: r.updated_by, at: r.at });
  }

  /** One write of this process, committed at `seq`. */
  record(changes: readonly EntityChange[], stamp: Stamp): void {
    for (const c of changes) {
      if (c.op === 'deleted') this.map.delete(keyOf(c.collection, c.id));
      else this.map.set(keyOf(c.collection, c.id), stamp);
    }
  }
}

/**
 * A batch's view of the stamps: the writes run earlier in the batch (not committed yet) over the committed ones,
 * with the value each entity had before the batch's first change of it (to show a colleague's change).
 */
export class BatchStamps {
  private readonly own = new Map<string, Stamp | null>();
  private readonly before = new Map<string, { seq: number; value: unknown }>();

  constructor(private readonly committed: EntityStamps) {}

  get(key: string): Stamp | undefined {
    const mine = this.own.get(key);
    return mine === undefined ? this.committed.get(key) : (mine ?? undefined);
  }

  /** A write of the batch, to be committed at `stamp.seq`; `valueOf` gives an entity's value before it. */
  record(changes: readonly EntityChange[], stamp: Stamp, valueOf: (c: EntityChange) => unknown): void {
    for (const c of changes) {
      const key = keyOf(c.collection, c.id);
      if (!this.before.has(key)) this.before.set(key, { seq: stamp.seq, value: valueOf(c) });
      this.own.set(key, c.op === 'deleted' ? null : stamp);
    }
  }

  /** The entity as of state `seq`, when the batch changed it after that state. */
  asOf(key: string, seq: number): { known: boolean; value?: unknown } {
    const b = this.before.get(key);
    return b && b.seq > seq ? { known: true, value: b.value } : { known: false };
  }
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
export function findConflict(
  changes: readonly EntityChange[],
  seen: Seen,
  userId: string,
  stamps: Pick<BatchStamps, 'get'>,
): { collection: string; id: string; stamp: Stamp; seenAt: number } | undefined {
  for (const c of changes) {
    if (c.op === 'created') continue;
    const at = seen.records?.get(c.id) ?? seen.seq;
    if (at === undefined) continue;
    const stamp = stamps.get(keyOf(c.collection, c.id));
    if (stamp && stamp.seq > at && stamp.by !== userId) return { collection: c.collection, id: c.id, stamp, seenAt: at };
  }
  return undefined;
}
