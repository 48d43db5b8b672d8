// The team server's datastore: the council's document kept in memory, read from and written to PostgreSQL row by row.
import { AsyncLocalStorage } from 'node:async_hooks';
import { readdirSync } from 'node:fs';
import type pg from 'pg';
import { Datastore, SCHEMA_VERSION } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { team } from '../../shared/i18n/team';
import type { RestoreOutcome } from '../store/restore';
import { DATASTORE_SHAPE, type StoreState } from '../store/store';
import { createImmer, diffDocuments, InvalidChangeError, runChecked, type Change } from '../store/transaction';
import { store as storeText } from '../../shared/i18n/store';
import { ArchiveFiles } from './archive-files';
import { applyRemoteChanges, rowsToDocument, SETTINGS_COLLECTION, toEntityChanges, type EntityChange } from './db/entities';
import { readSince } from './db/read';
import { describeChange, RecentChanges } from './conflict-detail';
import { CHANGES_CHANNEL, commitChanges, findConflict, type ConflictInfo } from './db/write';
import { Coalesced, Mutex } from './mutex';
import { count, phase } from './write-profile';

export { CHANGES_CHANNEL, type ConflictInfo };

const immer = createImmer(false);

/**
 * Times a write runs on this process's latest state and commits only if nobody committed meanwhile; after that
 * many losses to other processes it runs under the `meta` row lock, where it cannot lose (no starvation).
 */
export const OPTIMISTIC_ATTEMPTS = 3;

/**
 * Channels run under the lock from the start: their service changes this process's own state after the
 * store's update (an import's preview is consumed, archive files are written), so running them twice is not safe.
 */
const LOCKED_CHANNELS: ReadonlySet<string> = new Set(['sharing:applyImport', 'strategy:closePeriod', 'app:setup', 'app:demo']);

/** Who is writing: recorded on the rows and in the audit log. */
export interface Writer {
  userId: string;
  displayName: string;
}

/** A per-account projection of the document; `key` names it for caching. */
export interface View {
  key: string;
  apply(doc: Datastore): Datastore;
}

/** What a request may change outside the document (the account's undo list): undone when its run is abandoned. */
export interface SideEffects {
  beginAttempt(): void;
  abandonAttempt(): void;
}

interface RequestState {
  mode: 'read' | 'write';
  /** The document this request sees; a writing request's own working copy. */
  working: Datastore | null;
  writeNeeded: boolean;
  /** What the request's one update changed (null after several, or initialise: the whole run is then compared). */
  changes: Change[] | null;
  updates: number;
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
}

/** Thrown inside a read-only request when the handler turns out to write: the request is run again as a write. */
class WriteNeeded extends Error {}

export interface WriteOutcome<T> {
  value: T;
  changes: EntityChange[];
  seq: number;
  /** A read-only request tried to write (nothing was written). */
  wantedWrite?: boolean;
}

/** How often writes were run again or fell back to the lock (for tests and the load profile). */
export interface WriteStats {
  commits: number;
  retries: number;
  locked: number;
}

/**
 * An attempt's ending: an answer (`checked` when the database confirmed it: committed, or a conflict found there;
 * a refusal or a run that changed nothing was judged on memory only), or lost to another commit.
 */
type Attempt<T> = { done: WriteOutcome<T>; checked: boolean } | { lost: true };

/**
 * Looks like the local Store to the services (data, update, dataDir for archived periods), but reads come from
 * the in-memory document, kept current with the database (catch-up before each request and on NOTIFY), and a
 * write runs its handler on that document WITHOUT any database lock, then commits in one statement that succeeds
 * only if nobody committed since (else: catch up, run again). Only the rows that changed are written.
 */
export class TeamStore {
  state: StoreState = { status: 'empty' };
  backupWarning: string | undefined;
  readonly file = '';
  readonly stats: WriteStats = { commits: 0, retries: 0, locked: 0 };
  /** The last committed document, what reads see, and its sequence number. */
  private doc: Datastore | null = null;
  private seq = 0;
  /** The highest sequence number another process announced (NOTIFY): beyond `seq`, this process is behind. */
  private notifiedSeq = 0;
  /** The request being served (its own working copy while it writes). */
  private readonly request = new AsyncLocalStorage<RequestState>();
  /** Changes of (doc, seq): catch-ups and this process's commits, one at a time. */
  private readonly sync = new Mutex();
  /** This process's writes, one at a time (two of them on the same state would only make one run again). */
  private readonly writes = new Mutex();
  private readonly latest = new Coalesced(() => this.sync.run(() => this.catchUpWith(this.pool)));
  private readonly archives = new ArchiveFiles();
  /** Previous values of recently changed entities, to show a colleague's change in a conflict message. */
  private readonly recent = new RecentChanges();
  /** Channels seen writing in this process: later calls go straight to a write instead of running twice. */
  private readonly writingChannels = new Set<string>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly log: (event: string, reason: string) => void = () => undefined,
  ) {}

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

  get data(): Datastore {
    const r = this.request.getStore();
    const doc = r ? r.working : this.doc;
    if (!doc) throw new DomainError('io', team.errors.empty);
    return doc;
  }

  /** Loads the whole document (at start). */
  async load(): Promise<void> {
    await this.sync.run(async () => {
      const all = await readSince(this.pool, 0);
      this.seq = all.seq;
      this.archives.set(all.archives);
      this.setDocument(all.rows.length ? rowsToDocument(all.rows, SCHEMA_VERSION) : null);
    });
  }

  private setDocument(raw: unknown): void {
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
  private async catchUpWith(q: pg.Pool | pg.PoolClient, inTransaction = false): Promise<void> {
    const t0 = performance.now();
    const since = await readSince(q, this.seq, inTransaction);
    phase('catchup', performance.now() - t0);
    if (since.seq <= this.seq) return;
    if (this.doc) {
      this.remember(this.doc, since.changes, since.seq);
      this.doc = applyRemoteChanges(this.doc, since.changes);
    } else if (since.rows.length) {
      // The council was created by another process: load it whole.
      const all = await readSince(q, 0, inTransaction);
      this.setDocument(rowsToDocument(all.rows, SCHEMA_VERSION));
    }
    this.archives.set(since.archives);
    this.seq = since.seq;
  }

  /** Runs a request that only reads; if it tries to write, it is run again as a write. */
  async read<T>(fn: () => Promise<T>, writer: Writer, channel: string, options: WriteOptions<T> = {}): Promise<WriteOutcome<T>> {
    if (!options.readOnly && this.writingChannels.has(channel)) return this.write(fn, writer, channel, options);
    await this.catchUp();
    const seq = this.seq;
    const state: RequestState = { mode: 'read', working: this.viewOf(this.doc, options.view), writeNeeded: false, changes: null, updates: 0 };
    const value = await this.request.run(state, fn);
    if (!state.writeNeeded) return { value, changes: [], seq };
    this.writingChannels.add(channel);
    if (options.readOnly) return { value, changes: [], seq, wantedWrite: true };
    return this.write(fn, writer, channel, options);
  }

  /**
   * Runs a request that may write. The handler runs on this process's latest state with no database lock held;
   * the commit is one statement that succeeds only if nobody committed since that state. Lost to another commit:
   * undo the run's side effects, catch up and run again; after OPTIMISTIC_ATTEMPTS losses, run under the lock.
   * `isRefusal(value)` says whether the handler refused (nothing is written then).
   * `seenSeq`: the last state the client saw; an entity changed since then by someone else is a conflict.
   */
  async write<T>(fn: () => Promise<T>, writer: Writer, channel: string, options: WriteOptions<T> = {}): Promise<WriteOutcome<T>> {
    const t0 = performance.now();
    return this.writes.run(async () => {
      phase('write.queue', performance.now() - t0);
      try {
        for (let i = 0; i < OPTIMISTIC_ATTEMPTS && !LOCKED_CHANNELS.has(channel); i++) {
          // Known to be behind (a NOTIFY came, or the last attempt lost): catch up first. Otherwise the commit checks.
          if (i > 0 || this.notifiedSeq > this.seq) await this.catchUp();
          const a = await this.attempt(fn, writer, channel, options, this.pool, (commit) => this.sync.run(commit));
          if ('done' in a) {
            if (a.checked) return a.done;
            // A refusal, or nothing to write: it stands only if made on the database's latest state.
            await this.catchUp();
            if (this.seq === a.done.seq) return a.done;
          }
          options.sideEffects?.abandonAttempt();
          this.stats.retries++;
          count('write.retry');
        }
        return await this.writeLocked(fn, writer, channel, options);
      } catch (e) {
        options.sideEffects?.abandonAttempt();
        if (e instanceof DomainError) throw e;
        throw new DomainError('io', team.errors.writeFailed((e as Error).message));
      } finally {
        phase('write.total', performance.now() - t0);
      }
    });
  }

  /** The write that cannot lose: catch up and run the handler while holding the `meta` row lock. */
  private writeLocked<T>(fn: () => Promise<T>, writer: Writer, channel: string, options: WriteOptions<T>): Promise<WriteOutcome<T>> {
    this.stats.locked++;
    count('write.locked');
    return this.sync.run(async () => {
      const client = await this.pool.connect();
      let open = false;
      try {
        await client.query('BEGIN; SELECT seq FROM meta WHERE id = 1 FOR UPDATE');
        open = true;
        await this.catchUpWith(client, true);
        const a = await this.attempt(fn, writer, channel, options, client, async (commit) => {
          // Nobody else can commit while this transaction holds the row: the statement cannot lose.
          if (!(await commit())) throw new Error('commit refused while holding the lock');
          await client.query('COMMIT');
          open = false;
          return true;
        });
        if ('lost' in a) throw new Error('write lost while holding the lock');
        return a.done;
      } finally {
        // A refusal or no change commits nothing; an error leaves nothing half-done.
        if (open) await client.query('ROLLBACK').catch(() => undefined);
        client.release();
      }
    });
  }

  /**
   * Runs the handler once on the latest known state and commits what it changed. `commitIn` wraps the commit
   * (the `sync` section, or the lock holder's COMMIT): it gives false when another commit came first.
   */
  private async attempt<T>(
    fn: () => Promise<T>,
    writer: Writer,
    channel: string,
    options: WriteOptions<T>,
    q: pg.Pool | pg.PoolClient,
    commitIn: (commit: () => Promise<boolean>) => Promise<boolean>,
  ): Promise<Attempt<T>> {
    const base = this.doc;
    const baseSeq = this.seq;
    const archivesBefore = this.archives.stamp();
    const seenBefore = this.viewOf(base, options.view);
    const state: RequestState = { mode: 'write', working: seenBefore, writeNeeded: false, changes: null, updates: 0 };
    options.sideEffects?.beginAttempt();
    const t0 = performance.now();
    const value = await this.request.run(state, fn);
    phase('write.handler', performance.now() - t0);
    if (options.isRefusal?.(value)) return { done: { value, changes: [], seq: baseSeq }, checked: false };
    const changes = this.changesOf(state, seenBefore);
    // What the account could not see is untouched: its changes are applied to the whole document.
    const after = base && options.view ? applyRemoteChanges(base, changes) : state.working;
    const archiveFiles = this.archives.changedSince(archivesBefore);
    if (changes.length === 0 && archiveFiles.length === 0) return { done: { value, changes, seq: baseSeq }, checked: false };
    if ((options.seenSeq !== undefined || options.seenVersions) && options.onConflict) {
      const conflict = await findConflict(q, changes, { seq: options.seenSeq, records: options.seenVersions }, writer.userId);
      if (conflict) {
        const then = this.recent.asOf(`${conflict.collection}:${conflict.id}`, conflict.seenAt);
        const change = then.known && base ? describeChange(then.value, entityOf(base, conflict.collection, conflict.id)) : undefined;
        if (change) conflict.change = change;
        return { done: { value: options.onConflict(conflict), changes: [], seq: baseSeq }, checked: true };
      }
    }
    const audited = [...changes.map((c) => `${c.collection}:${c.id}`), ...archiveFiles.map((f) => `archive:${f.name}`)];
    const t1 = performance.now();
    const committed = await commitIn(async () => {
      // Another commit of this process (or a catch-up) moved the state since the run: no need to ask the database.
      if (this.seq !== baseSeq) return false;
      const ok = await commitChanges(q, changes, archiveFiles, { base: baseSeq, userId: writer.userId, channel, audited });
      if (ok) this.committed(base, changes, baseSeq + 1, after);
      return ok;
    });
    phase('write.commit', performance.now() - t1);
    return committed ? { done: { value, changes, seq: baseSeq + 1 }, checked: true } : { lost: true };
  }

  /** The rows a run changed: its one update's validated diff, or the whole run compared (several updates, initialise). */
  private changesOf(state: RequestState, before: Datastore | null): EntityChange[] {
    if (!state.working || state.working === before) return [];
    if (state.changes) return toEntityChanges(state.changes, state.working);
    const { changes, issues } = diffDocuments(before ?? emptyLike(state.working), state.working, DATASTORE_SHAPE);
    if (issues.length) {
      this.log('store.transactionRefused', new InvalidChangeError(issues).message);
      throw new DomainError('internal', storeText.invalidChange);
    }
    return toEntityChanges(changes, state.working);
  }

  /** Records a commit of this process in memory (inside `sync`, or under the lock). */
  private committed(before: Datastore | null, changes: EntityChange[], seq: number, after: Datastore | null): void {
    if (before) this.remember(before, changes, seq);
    this.seq = seq;
    this.doc = after;
    this.stats.commits++;
    if (after && this.state.status !== 'ok') this.state = { status: 'ok' };
  }

  /** Keeps the values `changes` replace, for conflict messages. */
  private remember(doc: Datastore, changes: EntityChange[], seq: number): void {
    for (const c of changes) this.recent.record(`${c.collection}:${c.id}`, seq, entityOf(doc, c.collection, c.id));
  }

  private viewCache = new Map<string, { source: Datastore; doc: Datastore }>();

  /** The document as `view` sees it, cached until the document changes. */
  private viewOf(doc: Datastore | null, view: View | undefined): Datastore | null {
    if (!doc || !view) return doc;
    const hit = this.viewCache.get(view.key);
    if (hit && hit.source === doc) return hit.doc;
    const projected = view.apply(doc);
    if (this.viewCache.size > 200) this.viewCache.clear();
    this.viewCache.set(view.key, { source: doc, doc: projected });
    return projected;
  }

  // ---- the Store surface the services use ----

  /** The local store's transaction (immer draft, detached result, changed entities validated against the model). */
  async update<T>(mutate: (data: Datastore) => T): Promise<T> {
    const r = this.writingRequest();
    if (!r.working) throw new DomainError('io', team.errors.empty);
    const { next, result, changes } = runChecked(immer, r.working, mutate, DATASTORE_SHAPE, (reason) => this.log('store.transactionRefused', reason));
    r.working = next;
    r.changes = r.updates === 0 ? changes : null;
    r.updates++;
    return result;
  }

  /** The current request, once it is allowed to write; a read-only request is marked to be run again as a write. */
  private writingRequest(): RequestState {
    const r = this.request.getStore();
    if (!r) throw new DomainError('internal', team.errors.outsideRequest);
    if (r.mode === 'read') {
      r.writeNeeded = true;
      throw new WriteNeeded('write needed');
    }
    return r;
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  async initialise(doc: Datastore): Promise<void> {
    const r = this.writingRequest();
    if (r.working) throw new DomainError('conflict', team.errors.alreadyInitialised);
    r.working = Datastore.parse(doc);
    r.changes = null;
    r.updates++;
  }

  restoreFrom(): Promise<RestoreOutcome> {
    return Promise.reject(new DomainError('forbidden', team.errors.noLocalBackup));
  }

  /**
   * No backup files on the server (pg_dump is the IT department's). The safety copy an import makes first is not
   * needed here: the import is one transaction, all or nothing; a backup asked for by a person is refused in French.
   */
  backup(reason: 'start' | 'manual' | 'import' = 'manual'): string | undefined {
    if (reason === 'import') return undefined;
    throw new DomainError('forbidden', team.errors.noLocalBackup);
  }

  listDataFiles(): string[] {
    return readdirSync(this.dataDir).filter((n) => n.endsWith('.json'));
  }

  onSavingChange(): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {
    this.archives.remove();
  }
}

function entityOf(doc: Datastore, collection: string, id: string): unknown {
  if (collection === SETTINGS_COLLECTION) return doc.settings;
  const list = (doc as unknown as Record<string, { id: string }[] | undefined>)[collection];
  return Array.isArray(list) ? list.find((e) => e.id === id) : undefined;
}

function emptyLike(doc: Datastore): Datastore {
  return { ...doc, settings: undefined as unknown as Datastore['settings'], categories: [], organisations: [], people: [], instances: [], memberships: [], periods: [], axes: [], objectives: [], actions: [], meetings: [], purgeLog: [] };
}
