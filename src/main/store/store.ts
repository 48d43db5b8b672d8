// The datastore: lowdb over a durable adapter, with validation, migrations, backups, recovery and coalesced writes.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { Datastore, SCHEMA_VERSION } from '../../shared/model';
import { backup as backupText } from '../../shared/i18n/backup';
import { DomainError } from '../../shared/result';
import { logError } from '../log';
import { store as t } from '../../shared/i18n/store';
import { describeIssues } from '../../shared/validation';
import { BACKUP_DIR, createBackup, needsDailyBackup } from './backups';
import { readBackupFile, type DecodedBackup } from './backupFormat';
import { removeStaleTemps, writeFileDurable, type DurableIo } from './durable';
import { MAIN_FILE } from './layout';
import { acquireLock, isAlive, type FolderLock } from './lock';
import { applyBackup, runRestoreHooks, type RestoreOutcome } from './restore';
import { migrate, MissingMigrationError, MissingVersionError, NewerVersionError, type Migration, MIGRATIONS } from './migrations';
import { createImmer, freezeDeep, runChecked, shapeOf, type Change } from './transaction';

export const DATA_FILE = MAIN_FILE;

/**
 * Committed documents are frozen: a service that changes `store.data` outside `update` fails loudly instead of
 * changing memory without saving it. Measured on the ten-year file: see notes/11-tx.md.
 */
const AUTO_FREEZE = true;
const immer = createImmer(AUTO_FREEZE);
/** How a transaction validates what it changed in the council's document (the team server uses it too). */
export const DATASTORE_SHAPE = shapeOf(Datastore);

/** What one committed transaction changed (the team server writes only these rows). */
export interface CommitInfo {
  changes: Change[];
  /** The document after the commit. */
  data: Datastore;
}

/** A committed transaction: its result, what it changed, and the write that makes it durable. */
export interface Commit<T> {
  result: T;
  changes: Change[];
  /** Resolves once the change is on disk (coalesced with the other writes of the same tick). */
  written: Promise<void>;
}

export type LoadProblem = 'unreadable' | 'corrupt' | 'invalid' | 'newer';

export type StoreState =
  | { status: 'ok' }
  | { status: 'empty' }
  | { status: 'broken'; problem: LoadProblem; message: string };

/** Reads and checks a datastore file without touching it. */
export function inspectFile(
  file: string,
  migrations: Migration[] = MIGRATIONS,
): { ok: true; data: Datastore; migrated: boolean } | { ok: false; problem: LoadProblem; message: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, problem: 'unreadable', message: t.load.unreadable(file, (e as Error).message) };
  }
  return inspectText(text, file, migrations);
}

/** Checks a datastore document given as text (`file` names it in the messages): JSON, version, migrations, model. */
export function inspectText(
  text: string,
  file: string,
  migrations: Migration[] = MIGRATIONS,
): { ok: true; data: Datastore; migrated: boolean } | { ok: false; problem: LoadProblem; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {
      ok: false,
      problem: 'corrupt',
      message: t.load.corrupt(file),
    };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problem: 'corrupt', message: t.load.notData(file) };
  }
  let migratedDoc: Record<string, unknown>;
  let migrated: boolean;
  try {
    const r = migrate(raw as Record<string, unknown>, migrations);
    migratedDoc = r.doc;
    migrated = r.migrated;
  } catch (e) {
    if (e instanceof NewerVersionError) {
      return {
        ok: false,
        problem: 'newer',
        message: t.load.newer(file, e.version, SCHEMA_VERSION),
      };
    }
    if (e instanceof MissingVersionError) {
      return { ok: false, problem: 'invalid', message: t.load.noVersion(file) };
    }
    if (e instanceof MissingMigrationError) {
      return {
        ok: false,
        problem: 'invalid',
        message: t.load.noMigration(file, e.version),
      };
    }
    return {
      ok: false,
      problem: 'invalid',
      message: t.load.migrationFailed(file, (e as Error).message),
    };
  }
  const parsed = Datastore.safeParse(migratedDoc);
  if (!parsed.success) {
    const d = describeIssues(parsed.error);
    return { ok: false, problem: 'invalid', message: t.load.invalid(file, d.message) };
  }
  return { ok: true, data: parsed.data, migrated };
}

class DurableJsonAdapter implements Adapter<Datastore> {
  constructor(
    private readonly file: string,
    private readonly io: Partial<DurableIo> = {},
  ) {}
  async read(): Promise<Datastore | null> {
    const r = inspectFile(this.file);
    if (!r.ok) throw new DomainError('io', r.message);
    return r.data;
  }
  async write(data: Datastore): Promise<void> {
    writeFileDurable(this.file, JSON.stringify(data), this.io);
  }
}

export interface OpenOptions {
  /** Who holds the lock: 'app' or 'cli'. */
  owner?: 'app' | 'cli' | 'test';
  /** File-system calls of the saves (tests inject rename failures). */
  durableIo?: Partial<DurableIo>;
  /** Where refused transactions are reported (the technical log by default). */
  log?: (event: string, reason: string) => void;
  /** Skip the folder lock (read-only inspection). */
  readOnly?: boolean;
  migrations?: Migration[];
  now?: () => Date;
}

export class Store {
  readonly file: string;
  state: StoreState = { status: 'empty' };
  /** French explanation when the daily backup at opening failed (the data itself is fine). */
  backupWarning: string | undefined;
  private db: Low<Datastore> | null = null;
  private lock: FolderLock | null = null;
  private writing: Promise<void> | null = null;
  private pending: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | null = null;
  private readonly listeners = new Set<(saving: boolean) => void>();
  private readonly commitListeners = new Set<(commit: CommitInfo) => void>();
  private closed = false;
  /** The last write failed: memory holds changes the file lacks. */
  private lastWriteFailed = false;

  private constructor(
    readonly dataDir: string,
    private readonly options: OpenOptions,
  ) {
    this.file = join(dataDir, DATA_FILE);
  }

  /** Opens the data folder (created if missing). Never overwrites a file it could not read. */
  static open(dataDir: string, options: OpenOptions = {}): Store {
    mkdirSync(dataDir, { recursive: true });
    const store = new Store(dataDir, options);
    if (!options.readOnly) store.lock = acquireLock(dataDir, options.owner ?? 'app');
    try {
      if (store.lock) {
        // We are the only writer now: temp files of writers killed mid-write can go.
        removeStaleTemps(dataDir, isAlive);
        removeStaleTemps(join(dataDir, BACKUP_DIR), isAlive);
      }
      store.load();
    } catch (e) {
      store.lock?.release();
      throw e;
    }
    return store;
  }

  private log(event: string, reason: string): void {
    if (this.options.log) this.options.log(event, reason);
    else logError(event, { reason });
  }

  private now(): Date {
    return this.options.now ? this.options.now() : new Date();
  }

  private load(): void {
    this.db = null;
    if (!existsSync(this.file)) {
      this.state = { status: 'empty' };
      return;
    }
    const r = inspectFile(this.file, this.options.migrations);
    if (!r.ok) {
      this.state = { status: 'broken', problem: r.problem, message: r.message };
      return;
    }
    this.db = new Low<Datastore>(new DurableJsonAdapter(this.file, this.options.durableIo), AUTO_FREEZE ? freezeDeep(r.data) : r.data);
    this.state = { status: 'ok' };
    if (this.options.readOnly) return;
    if (r.migrated) {
      createBackup(this.dataDir, this.file, 'migration', this.now());
      writeFileDurable(this.file, JSON.stringify(r.data));
    } else {
      // A failed daily backup (disk full, backups/ not writable) must not keep the coordinator from working:
      // it is reported and retried at the next opening.
      try {
        if (needsDailyBackup(this.dataDir, this.now())) createBackup(this.dataDir, this.file, 'daily', this.now());
        this.backupWarning = undefined;
      } catch (e) {
        this.backupWarning = t.dailyBackupFailed((e as Error).message, join(this.dataDir, BACKUP_DIR));
      }
    }
  }

  get isReady(): boolean {
    return this.state.status === 'ok' && this.db !== null;
  }

  /** The live document. Throws a French error while the folder is empty or broken. */
  get data(): Datastore {
    if (!this.db) {
      throw new DomainError(
        'io',
        this.state.status === 'broken' ? this.state.message : t.noData,
      );
    }
    return this.db.data;
  }

  onSavingChange(listener: (saving: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called after every transaction that changed something, with the list of changed entities. */
  onCommit(listener: (commit: CommitInfo) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  private assertWritable(): void {
    if (this.closed) throw new DomainError('io', t.closed);
    if (this.options.readOnly) throw new DomainError('forbidden', t.readOnly);
  }

  /**
   * Runs `mutate` on a draft of the document (structural sharing, no copy of what it does not touch) and
   * commits it only if it returns and every changed entity still matches the model. A throw leaves memory and
   * disk as they were. The draft's objects are only valid during the call: the result is detached from it.
   */
  commit<T>(mutate: (data: Datastore) => T): Commit<T> {
    this.assertWritable();
    const base = this.data;
    const { next, result, changes } = runChecked(immer, base, mutate, DATASTORE_SHAPE, (reason) => this.log('store.transactionRefused', reason));
    // Nothing changed: nothing to write, unless an earlier write failed and memory is still ahead of the disk.
    if (next === base) return { result, changes, written: this.lastWriteFailed ? this.scheduleWrite() : this.flush() };
    this.db!.data = next;
    for (const listener of this.commitListeners) {
      try {
        listener({ changes, data: next });
      } catch (e) {
        this.log('store.commitListenerFailed', (e as Error).message);
      }
    }
    return { result, changes, written: this.scheduleWrite() };
  }

  /**
   * Runs `mutate` on a throwaway draft and throws what `commit` would (a refusal, an invalid change); changes
   * nothing. For writes that span this store and another one (the protected store): check here, write there,
   * then commit here.
   */
  check(mutate: (data: Datastore) => unknown): void {
    this.assertWritable();
    runChecked(immer, this.data, mutate, DATASTORE_SHAPE, () => undefined);
  }

  /**
   * Applies `mutate` as a transaction (see `commit`) and resolves once it is durably written. Writes issued in
   * the same tick, or while a write is in flight, are coalesced into one.
   */
  async update<T>(mutate: (data: Datastore) => T): Promise<T> {
    const { result, written } = this.commit(mutate);
    await written;
    return result;
  }

  /** Resolves when everything changed so far is on disk. */
  flush(): Promise<void> {
    if (this.pending) return this.pending.promise;
    if (this.writing) return this.writing;
    return Promise.resolve();
  }

  private scheduleWrite(): Promise<void> {
    if (this.pending) return this.pending.promise;
    let resolve!: () => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.pending = { promise, resolve, reject };
    const start = () => {
      const round = this.pending!;
      this.pending = null;
      this.emit(true);
      this.writing = (async () => {
        try {
          await this.db!.write();
          this.lastWriteFailed = false;
          round.resolve();
        } catch (e) {
          this.lastWriteFailed = true;
          round.reject(new DomainError('io', t.writeFailed((e as Error).message)));
        } finally {
          this.writing = null;
          if (!this.pending) this.emit(false);
        }
      })();
    };
    if (this.writing) void this.writing.then(start, start);
    else queueMicrotask(start);
    return promise;
  }

  private emit(saving: boolean): void {
    for (const l of this.listeners) l(saving);
  }

  /** Creates the document in an empty folder. Refuses to replace an existing or broken file. */
  async initialise(doc: Datastore): Promise<void> {
    this.assertWritable();
    if (existsSync(this.file)) {
      throw new DomainError('conflict', t.alreadyInitialised);
    }
    const parsed = Datastore.parse(doc);
    writeFileDurable(this.file, JSON.stringify(parsed));
    this.load();
  }

  /**
   * `initialise`, then `complete` (what must follow the creation: the demo's coffre and register), as one
   * operation: when `complete` throws, the document and the backups written since are removed and the folder is
   * empty again, in memory and on disk, before the error is passed on.
   */
  async initialiseThen(doc: Datastore, complete: () => Promise<void>): Promise<void> {
    const backupsBefore = new Set(listBackupNames(this.dataDir));
    await this.initialise(doc);
    try {
      await complete();
    } catch (e) {
      await this.flush().catch(() => undefined);
      rmSync(this.file, { force: true });
      for (const name of listBackupNames(this.dataDir)) if (!backupsBefore.has(name)) rmSync(join(this.dataDir, BACKUP_DIR, name), { force: true });
      this.load();
      throw e;
    }
  }

  /**
   * Replaces the folder's state (main file, archives, protected store) by the backup `from`, a complete backup
   * or a single clspd.json of an earlier version, after validating all of it in memory: a refused backup changes
   * nothing. The current state, whatever it is (even unreadable or newer), is first saved whole into backups/.
   * Restore hooks (restore.ts: addRestoreHook) run once the store is reloaded. `quiesce` runs once the backup is
   * validated and before anything is written (the app locks the coffre there, folding its records into the file
   * that is about to be saved aside, so no session keeps writing to a file the restore replaces).
   */
  async restoreFrom(from: string, opts: { quiesce?: () => void | Promise<void> } = {}): Promise<RestoreOutcome> {
    this.assertWritable();
    let decoded: DecodedBackup;
    try {
      decoded = readBackupFile(from, (text, label) => inspectText(text, label, this.options.migrations));
    } catch (e) {
      if (e instanceof DomainError && e.code !== 'not_found') throw new DomainError(e.code, backupText.refused(e.message));
      throw e;
    }
    await this.flush().catch(() => undefined);
    await opts.quiesce?.();
    const outcome = applyBackup(this.dataDir, decoded, { now: this.now(), broken: this.state.status === 'broken', io: this.options.durableIo });
    this.load();
    await runRestoreHooks({ dataDir: this.dataDir, kind: decoded.kind, createdAt: decoded.createdAt });
    return outcome;
  }

  /** Backup on demand (also used at start). Returns the path, or undefined when there is nothing to copy. */
  backup(reason: 'start' | 'manual' | 'import' = 'manual'): string | undefined {
    if (!existsSync(this.file) || this.state.status !== 'ok') return undefined;
    return createBackup(this.dataDir, this.file, reason, this.now());
  }

  /** Other datastore files (archived periods) at the top of the folder. */
  listDataFiles(): string[] {
    return readdirSync(this.dataDir).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  }

  /** Flushes and releases the folder; later changes are refused (they would write into a folder we no longer hold). */
  async close(): Promise<void> {
    this.closed = true;
    try {
      await this.flush();
    } finally {
      this.lock?.release();
      this.lock = null;
    }
  }
}

/** Names of the files in backups/ (none when the folder has none). */
function listBackupNames(dataDir: string): string[] {
  const dir = join(dataDir, BACKUP_DIR);
  return existsSync(dir) ? readdirSync(dir) : [];
}

export function newEmptyDatastore(): Datastore {
  return {
    schemaVersion: SCHEMA_VERSION,
    settings: {
      communeName: '',
      councilAcronym: 'CLSPD',
      councilName: 'Conseil local de sécurité et de prévention de la délinquance',
      presidentName: '',
      presidentTitle: 'Maire',
      coordinatorName: '',
      coordinatorEmail: '',
      coordinatorPhone: '',
      address: '',
      staleAfterMonths: 3,
      configured: false,
      demo: false,
    },
    categories: [],
    organisations: [],
    people: [],
    instances: [],
    memberships: [],
    periods: [],
    axes: [],
    objectives: [],
    actions: [],
    meetings: [],
    purgeLog: [],
  };
}
