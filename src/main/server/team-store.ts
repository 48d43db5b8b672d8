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
import { CHANGES_CHANNEL, displayNameOf, type ConflictInfo } from './db/write';
import { findConflict, keyOf, type BatchStamps } from './entity-stamps';
import { entityOf, type View, type WriteStats } from './team-document';
import { LOCKED_CHANNELS, MAX_BATCH, OPTIMISTIC_ATTEMPTS, WriteLoop, type Job, type Ran } from './write-loop';
import type { SideEffects, WriteOptions, WriteOutcome, Writer } from './write-types';

export { CHANGES_CHANNEL, LOCKED_CHANNELS, MAX_BATCH, OPTIMISTIC_ATTEMPTS, type ConflictInfo, type SideEffects, type View, type WriteOptions, type WriteOutcome, type Writer, type WriteStats };

const immer = createImmer(false);

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
 * Looks like the local Store to the services (data, update, dataDir for archived periods), but reads come from
 * the in-memory document, kept current with the database (catch-up before each request and on NOTIFY), and writes
 * run their handlers on that document WITHOUT any database lock, batched, then commit in one statement that
 * succeeds only if nobody committed since (else: catch up, run again). Only the rows that changed are written.
 */
export class TeamStore extends WriteLoop {
  backupWarning: string | undefined;
  readonly file = '';
  /** The request being served (its own working copy while it writes). */
  private readonly request = new AsyncLocalStorage<RequestState>();
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
   * Runs a request that may write: queued for this process's write loop, which runs it with the other queued writes
   * one after the other on the latest state and commits them together (`write-loop.ts`). `isRefusal(value)` says
   * whether the handler refused (nothing is written then). `seenSeq`/`seenVersions`: what the client last saw; an
   * entity changed since then by someone else is a conflict (`onConflict` gives the answer, nothing is written).
   */
  write<T>(fn: () => Promise<T>, writer: Writer, channel: string, options: WriteOptions<T> = {}): Promise<WriteOutcome<T>> {
    return this.enqueue(fn, writer, channel, options);
  }

  /** One write of a batch: its handler on `base` (the state the batch's earlier writes left), judged in memory. */
  async runJob(job: Job, base: Datastore | null, stamps: BatchStamps, q: pg.Pool | pg.PoolClient, watchArchives: boolean): Promise<Ran> {
    const { options, writer } = job;
    const archivesBefore = watchArchives ? this.archives.stamp() : undefined;
    const seenBefore = this.viewOf(base, options.view);
    const state: RequestState = { mode: 'write', working: seenBefore, writeNeeded: false, changes: null, updates: 0, ...viewed(options.view, base) };
    const value = await this.request.run(state, job.fn);
    if (options.isRefusal?.(value)) return { kind: 'answered', value, keep: false };
    const changes = this.changesOf(state, seenBefore);
    const archives = archivesBefore ? this.archives.changedSince(archivesBefore) : [];
    if (changes.length === 0 && archives.length === 0) return { kind: 'answered', value, keep: true };
    if ((options.seenSeq !== undefined || options.seenVersions) && options.onConflict) {
      const found = findConflict(changes, { seq: options.seenSeq, records: options.seenVersions }, writer.userId, stamps);
      if (found) {
        const key = keyOf(found.collection, found.id);
        const committed = this.recent.asOf(key, found.seenAt);
        const then = committed.known ? committed : stamps.asOf(key, found.seenAt);
        const change = then.known && base ? describeChange(then.value, entityOf(base, found.collection, found.id)) : undefined;
        const byName = await displayNameOf(q, found.stamp.by);
        const conflict: ConflictInfo = { collection: found.collection, id: found.id, byName, at: new Date(found.stamp.at), ...(change ? { change } : {}) };
        return { kind: 'answered', value: options.onConflict(conflict), keep: false };
      }
    }
    // What the account could not see is untouched: its changes are applied to the whole document.
    const after = base && options.view ? applyRemoteChanges(base, changes) : state.working;
    return { kind: 'wrote', value, changes, archives, after };
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
