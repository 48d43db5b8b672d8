// The team server's datastore: the council's document kept in memory, read from and written to PostgreSQL row by row.
import { AsyncLocalStorage } from 'node:async_hooks';
import { readdirSync } from 'node:fs';
import type pg from 'pg';
import { Datastore, type ArchiveFile } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { team } from '../../shared/i18n/team';
import type { RestoreOutcome } from '../store/restore';
import { DATASTORE_SHAPE } from '../store/store';
import { createImmer, diffDocuments, InvalidChangeError, runChecked, type Change } from '../store/transaction';
import { store as storeText } from '../../shared/i18n/store';
import { applyRemoteChanges, toEntityChanges, type EntityChange } from './db/entities';
import { describeChange } from './conflict-detail';
import { CHANGES_CHANNEL, commitChanges, findConflict, type ConflictInfo } from './db/write';
import { Mutex } from './mutex';
import { entityOf, TeamDocument, type View, type WriteStats } from './team-document';
import { count, phase } from './write-profile';
import type { SideEffects, WriteOptions, WriteOutcome, Writer } from './write-types';

export { CHANGES_CHANNEL, type ConflictInfo, type SideEffects, type View, type WriteOptions, type WriteOutcome, type Writer, type WriteStats };

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

interface RequestState {
  mode: 'read' | 'write';
  /** The document this request sees; a writing request's own working copy. */
  working: Datastore | null;
  writeNeeded: boolean;
  /** What the request's one update changed (null after several, or initialise: the whole run is then compared). */
  changes: Change[] | null;
  updates: number;
  /** The account's view, if any, and the whole document it is taken from (archives are filtered against it). */
  view?: { view: View; full: Datastore };
}

/** Thrown inside a read-only request when the handler turns out to write: the request is run again as a write. */
class WriteNeeded extends Error {}

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
export class TeamStore extends TeamDocument {
  backupWarning: string | undefined;
  readonly file = '';
  /** The request being served (its own working copy while it writes). */
  private readonly request = new AsyncLocalStorage<RequestState>();
  /** This process's writes, one at a time (two of them on the same state would only make one run again). */
  private readonly writes = new Mutex();
  /** Channels seen writing in this process: later calls go straight to a write instead of running twice. */
  private readonly writingChannels = new Set<string>();

  constructor(
    pool: pg.Pool,
    private readonly log: (event: string, reason: string) => void = () => undefined,
  ) {
    super(pool);
  }

  /** A closed period's archive as the current request's account may see it (the live document's rule); unchanged without a view. */
  viewArchive(archive: ArchiveFile): ArchiveFile {
    const v = this.request.getStore()?.view;
    return v ? v.view.archive(archive, v.full) : archive;
  }

  get data(): Datastore {
    const r = this.request.getStore();
    const doc = r ? r.working : this.doc;
    if (!doc) throw new DomainError('io', team.errors.empty);
    return doc;
  }

  /** Runs a request that only reads; if it tries to write, it is run again as a write. */
  async read<T>(fn: () => Promise<T>, writer: Writer, channel: string, options: WriteOptions<T> = {}): Promise<WriteOutcome<T>> {
    if (!options.readOnly && this.writingChannels.has(channel)) return this.write(fn, writer, channel, options);
    await this.catchUp();
    const seq = this.seq;
    const state: RequestState = { mode: 'read', working: this.viewOf(this.doc, options.view), writeNeeded: false, changes: null, updates: 0, ...viewed(options.view, this.doc) };
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
        for (let i = 0; i < OPTIMISTIC_ATTEMPTS && !LOCKED_CHANNELS.has(channel) && !options.alsoInTransaction; i++) {
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
    const state: RequestState = { mode: 'write', working: seenBefore, writeNeeded: false, changes: null, updates: 0, ...viewed(options.view, base) };
    options.sideEffects?.beginAttempt();
    const t0 = performance.now();
    const value = await this.request.run(state, fn);
    phase('write.handler', performance.now() - t0);
    if (options.isRefusal?.(value)) return { done: { value, changes: [], seq: baseSeq }, checked: false };
    const changes = this.changesOf(state, seenBefore);
    // What the account could not see is untouched: its changes are applied to the whole document.
    const after = base && options.view ? applyRemoteChanges(base, changes) : state.working;
    const archiveFiles = this.archives.changedSince(archivesBefore);
    if (changes.length === 0 && archiveFiles.length === 0) {
      // Nothing to write, but what goes with the write still happens (an import changing nothing is still applied once).
      if (options.alsoInTransaction) await commitIn(async () => (await options.alsoInTransaction!(q), true));
      return { done: { value, changes, seq: baseSeq }, checked: false };
    }
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
      await options.alsoInTransaction?.(q);
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

}

/** The request's view and the whole document it projects (nothing when the account sees everything). */
function viewed(view: View | undefined, full: Datastore | null): Pick<RequestState, 'view'> {
  return view && full ? { view: { view, full } } : {};
}

function emptyLike(doc: Datastore): Datastore {
  return { ...doc, settings: undefined as unknown as Datastore['settings'], categories: [], organisations: [], people: [], instances: [], memberships: [], periods: [], axes: [], objectives: [], actions: [], meetings: [], purgeLog: [] };
}
