// What a team server request says about itself to the store (who writes, what it may see, how it refuses) and what it gets back.
import type pg from 'pg';
import type { ConflictInfo } from './db/write';
import type { EntityChange } from './db/entities';
import type { View } from './team-document';

/** Who is writing: recorded on the rows and in the audit log. */
export interface Writer {
  userId: string;
  displayName: string;
}

/**
 * What a request may change outside the document (the account's undo list): undone when its run is abandoned
 * (refused, or lost to another commit), kept when committed. Attempts nest: the latest begun ends first.
 */
export interface SideEffects {
  beginAttempt(): void;
  abandonAttempt(): void;
  keepAttempt(): void;
}

export interface WriteOptions<T> {
  /** What this account may see: confidential instances it is not named in are left out, for reads and writes. */
  view?: View;
  /** For a read-only account: a request that tries to write is not run again (`wantedWrite` says so). */
  readOnly?: boolean;
  /** Whether the handler refused: its changes are then dropped and nothing is written. */
  isRefusal?: (value: T) => boolean;
  /** The last state (sequence number) the client saw: an entity changed since then by someone else is a conflict. */
  seenSeq?: number;
  /** Per record (entity id): the state at which the client last showed it; checked instead of `seenSeq` for those. */
  seenVersions?: ReadonlyMap<string, number>;
  onConflict?: (c: ConflictInfo) => T;
  sideEffects?: SideEffects;
  /**
   * Runs in the transaction that commits the request's changes, just before them; throwing a DomainError refuses the
   * whole write. The request then always runs under the lock (its transaction is the one this is given).
   */
  alsoInTransaction?: (q: pg.Pool | pg.PoolClient) => Promise<void>;
}

export interface WriteOutcome<T> {
  value: T;
  changes: EntityChange[];
  seq: number;
  /** A read-only request tried to write (nothing was written). */
  wantedWrite?: boolean;
}
