// The team server's in-memory copy of the council: loaded from PostgreSQL, kept current with the other processes' commits and this one's.
import type pg from 'pg';
import { Datastore, SCHEMA_VERSION, type ArchiveFile } from '../../shared/model';
import { team } from '../../shared/i18n/team';
import type { StoreState } from '../store/store';
import { ArchiveFiles } from './archive-files';
import { applyRemoteChanges, rowsToDocument, SETTINGS_COLLECTION, type EntityChange } from './db/entities';
import { readSince, type ReadMode, type Since } from './db/read';
import { RecentChanges } from './conflict-detail';
import { EntityStamps } from './entity-stamps';
import type { BatchWrite } from './db/write';
import { Coalesced, Mutex } from './mutex';
import { phase } from './write-profile';

/** A per-account projection of the document; `key` names it for caching. */
export interface View {
  key: string;
  apply(doc: Datastore): Datastore;
  /** A closed period's archive as the account may see it; `doc` is the whole live document (its instances decide). */
  archive(archive: ArchiveFile, doc: Datastore): ArchiveFile;
}

/** How often writes were run again or fell back to the lock (for tests and the load profile). */
export interface WriteStats {
  commits: number;
  retries: number;
  locked: number;
}

/**
 * The last committed document and its sequence number. Every change of the pair goes through `sync`, one at a
 * time: a catch-up (reads of what others committed, concurrent callers sharing one query) or a commit of this
 * process (`committed`).
 */
export class TeamDocument {
  state: StoreState = { status: 'empty' };
  readonly stats: WriteStats = { commits: 0, retries: 0, locked: 0 };
  protected doc: Datastore | null = null;
  protected seq = 0;
  /** The highest sequence number another process announced (NOTIFY): beyond `seq`, this process is behind. */
  protected notifiedSeq = 0;
  protected readonly sync = new Mutex();
  private readonly latest = new Coalesced(() => this.sync.run(() => this.catchUpWith(this.pool)));
  protected readonly archives = new ArchiveFiles();
  /** Previous values of recently changed entities, to show a colleague's change in a conflict message. */
  protected readonly recent = new RecentChanges();
  /** Who last changed each entity and at which state: conflicts are judged on them, in memory. */
  protected readonly stamps = new EntityStamps();
  private viewCache = new Map<string, { source: Datastore; doc: Datastore }>();

  constructor(protected readonly pool: pg.Pool) {}

  /** Private folder where archived periods are materialised as the files the services expect. */
  get dataDir(): string {
    return this.archives.dir;
  }
  get isReady(): boolean {
    return this.doc !== null;
  }
  get currentSeq(): number {
    return this.seq;
  }
  /** Loads the whole document (at start). */
  async load(): Promise<void> {
    await this.sync.run(async () => {
      const all = await readSince(this.pool, 0);
      this.seq = all.seq;
      this.stamps.learn(all.rows);
      this.archives.set(all.archives);
      this.setDocument(all.rows.length ? rowsToDocument(all.rows, SCHEMA_VERSION) : null);
    });
  }
  protected setDocument(raw: unknown): void {
    if (raw === null) {
      this.doc = null;
      this.state = { status: 'empty' };
      return;
    }
    const parsed = Datastore.safeParse(raw);
    this.doc = parsed.success ? parsed.data : null;
    this.state = parsed.success ? { status: 'ok' } : { status: 'broken', problem: 'invalid', message: team.errors.invalidDatabase };
  }
  /** Brings the in-memory document up to the database's latest commit; concurrent callers share one query. */
  catchUp(): Promise<void> {
    return this.latest.run();
  }
  /** Catches up with the other processes' commits (on NOTIFY, whose payload is the new sequence number). */
  refresh(notified?: number): Promise<void> {
    if (notified !== undefined && Number.isSafeInteger(notified)) {
      // This process's own commits come back too: nothing to read for them.
      if (notified <= this.seq) return Promise.resolve();
      this.notifiedSeq = Math.max(this.notifiedSeq, notified);
    }
    return this.catchUp();
  }
  /** One catch-up, inside `sync` (through the lock holder's client when it holds the lock). */
  protected async catchUpWith(q: pg.Pool | pg.PoolClient, mode: ReadMode = 'snapshot'): Promise<void> {
    const t0 = performance.now();
    const since = await readSince(q, this.seq, mode);
    phase('catchup', performance.now() - t0);
    await this.apply(since, q, mode);
  }
  /**
   * The writer's lock and catch-up in one round trip (`q` then holds the lock in its open transaction). The wait for
   * the lock happens outside `sync`, so reads are not kept waiting behind another process's commit; what was read is
   * applied inside it (read again if a catch-up moved the state meanwhile).
   */
  protected async lockAndCatchUp(q: pg.PoolClient): Promise<void> {
    const from = this.seq;
    const t0 = performance.now();
    const since = await readSince(q, from, 'lock');
    phase('catchup.lock', performance.now() - t0);
    await this.sync.run(() => (this.seq === from ? this.apply(since, q, 'inTransaction') : this.catchUpWith(q, 'inTransaction')));
  }
  /** Applies what a catch-up read beyond the current state (inside `sync`). */
  private async apply(since: Since, q: pg.Pool | pg.PoolClient, mode: ReadMode): Promise<void> {
    if (since.seq <= this.seq) return;
    if (this.doc) {
      this.remember(this.doc, since.changes, since.seq);
      this.doc = applyRemoteChanges(this.doc, since.changes);
      this.stamps.learn(since.rows, since.changes);
    } else if (since.rows.length) {
      // The council was created by another process: load it whole.
      const all = await readSince(q, 0, mode === 'snapshot' ? 'snapshot' : 'inTransaction');
      this.setDocument(rowsToDocument(all.rows, SCHEMA_VERSION));
      this.stamps.learn(all.rows);
    }
    this.archives.set(since.archives);
    this.seq = since.seq;
  }
  /**
   * Records a committed batch in memory (inside `sync`, or under the lock after COMMIT): each write's previous
   * values and stamps, then the document the last write left and its sequence number.
   */
  protected committed(writes: readonly (BatchWrite & { before: Datastore | null })[], after: Datastore | null, at: number): void {
    for (const w of writes) {
      if (w.before) this.remember(w.before, w.changes, w.seq);
      this.stamps.record(w.changes, { seq: w.seq, by: w.userId, at });
    }
    this.seq = writes[writes.length - 1]!.seq;
    this.doc = after;
    this.stats.commits++;
    if (after && this.state.status !== 'ok') this.state = { status: 'ok' };
  }
  /** Keeps the values `changes` replace, for conflict messages. */
  protected remember(doc: Datastore, changes: readonly EntityChange[], seq: number): void {
    for (const c of changes) this.recent.record(`${c.collection}:${c.id}`, seq, entityOf(doc, c.collection, c.id));
  }
  /** The document as `view` sees it, cached until the document changes. */
  protected viewOf(doc: Datastore | null, view: View | undefined): Datastore | null {
    if (!doc || !view) return doc;
    const hit = this.viewCache.get(view.key);
    if (hit && hit.source === doc) return hit.doc;
    const projected = view.apply(doc);
    if (this.viewCache.size > 200) this.viewCache.clear();
    this.viewCache.set(view.key, { source: doc, doc: projected });
    return projected;
  }

  async close(): Promise<void> {
    this.archives.remove();
  }
}

export function entityOf(doc: Datastore, collection: string, id: string): unknown {
  if (collection === SETTINGS_COLLECTION) return doc.settings;
  const list = (doc as unknown as Record<string, { id: string }[] | undefined>)[collection];
  return Array.isArray(list) ? list.find((e) => e.id === id) : undefined;
}
