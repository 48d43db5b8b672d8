// The team server's datastore: the council's document kept in memory, read from and written to PostgreSQL row by row.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { AsyncLocalStorage } from 'node:async_hooks';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { current, Immer, isDraft } from 'immer';
import type pg from 'pg';
import { Datastore, SCHEMA_VERSION } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { team } from '../../shared/i18n/team';
import type { RestoreOutcome } from '../store/restore';
import type { StoreState } from '../store/store';
import { applyRemoteChanges, diffDocuments, rowsToDocument, SETTINGS_COLLECTION, type EntityChange, type EntityRow } from './db/entities';
import { describeChange, RecentChanges } from './conflict-detail';
import { CHANGES_CHANNEL, findConflict, writeChanges, type ConflictInfo } from './db/write';
import { Mutex } from './mutex';

export { CHANGES_CHANNEL, type ConflictInfo };


const immer = new Immer({ autoFreeze: false });

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

interface RequestState {
  mode: 'read' | 'write';
  /** The document this request sees; a writing request's own working copy. */
  working: Datastore | null;
  writeNeeded: boolean;
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
  onConflict?: (c: ConflictInfo) => T;
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


interface ArchiveStamp {
  mtimeMs: number;
  size: number;
}

/**
 * Looks like the local Store to the services (data, update, dataDir for archived periods), but:
 * reads come from the in-memory document, kept current with the database (catch-up before each request and
 * on NOTIFY); a request that writes runs inside one PostgreSQL transaction holding the `meta` row lock, so
 * writers of every server process are serialised and nothing is lost; only the rows that changed are written.
 */
export class TeamStore {
  state: StoreState = { status: 'empty' };
  backupWarning: string | undefined;
  readonly file = '';
  /** Private folder where archived periods are materialised as the files the services expect. */
  readonly dataDir: string;
  /** The last committed document, what reads see. */
  private doc: Datastore | null = null;
  private seq = 0;
  /** The request being served (its own working copy while it writes). */
  private readonly request = new AsyncLocalStorage<RequestState>();
  private readonly local = new Mutex();
  private archiveStamps = new Map<string, ArchiveStamp>();
  /** Previous values of recently changed entities, to show a colleague's change in a conflict message. */
  private readonly recent = new RecentChanges();

  constructor(private readonly pool: pg.Pool) {
    this.dataDir = mkdtempSync(join(tmpdir(), 'clspd-team-'));
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
    await this.local.run(async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        const meta = await client.query<{ seq: string }>('SELECT seq FROM meta WHERE id = 1');
        const rows = await client.query<EntityRow>('SELECT collection, id, payload FROM entities ORDER BY created_seq, created_pos');
        const archives = await client.query<{ file_name: string; payload: unknown }>('SELECT file_name, payload FROM archives');
        await client.query('COMMIT');
        this.seq = Number(meta.rows[0]?.seq ?? 0);
        this.setArchives(archives.rows);
        if (rows.rows.length === 0) {
          this.doc = null;
          this.state = { status: 'empty' };
          return;
        }
        const parsed = Datastore.safeParse(rowsToDocument(rows.rows, SCHEMA_VERSION));
        if (!parsed.success) {
          this.doc = null;
          this.state = { status: 'broken', problem: 'invalid', message: team.errors.invalidDatabase };
          return;
        }
        this.doc = parsed.data;
        this.state = { status: 'ok' };
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    });
  }

  /** Brings the in-memory document up to the database's latest commit (cheap when nothing changed). */
  async catchUp(client?: pg.PoolClient, knownSeq?: number): Promise<void> {
    const q = client ?? this.pool;
    const dbSeq = knownSeq ?? Number((await q.query<{ seq: string }>('SELECT seq FROM meta WHERE id = 1')).rows[0]?.seq ?? 0);
    if (dbSeq <= this.seq) return;
    const from = this.seq;
    const rows = await q.query<EntityRow>('SELECT collection, id, payload FROM entities WHERE seq > $1 ORDER BY created_seq, created_pos', [from]);
    const gone = await q.query<{ collection: string; id: string }>('SELECT collection, id FROM tombstones WHERE seq > $1', [from]);
    const archives = await q.query<{ file_name: string; payload: unknown }>('SELECT file_name, payload FROM archives WHERE seq > $1', [from]);
    const changes: EntityChange[] = [
      ...gone.rows.map((g) => ({ collection: g.collection, id: g.id, op: 'deleted' as const })),
      ...rows.rows.map((r) => ({ collection: r.collection, id: r.id, op: 'updated' as const, payload: r.payload })),
    ];
    if (this.doc) {
      this.remember(this.doc, changes, dbSeq);
      this.doc = applyRemoteChanges(this.doc, changes);
    }
    else if (rows.rows.length) {
      // The council was created by another process: load it whole.
      this.seq = dbSeq;
      const all = await q.query<EntityRow>('SELECT collection, id, payload FROM entities ORDER BY created_seq, created_pos');
      this.doc = Datastore.parse(rowsToDocument(all.rows, SCHEMA_VERSION));
      this.state = { status: 'ok' };
    }
    this.setArchives(archives.rows);
    this.seq = dbSeq;
  }

  /** Catches up with the other processes' commits (on NOTIFY), one catch-up at a time. */
  refresh(): Promise<void> {
    return this.local.run(() => this.catchUp());
  }

  /** Channels seen writing in this process: later calls go straight to a write instead of running twice. */
  private readonly writingChannels = new Set<string>();

  /** Runs a request that only reads; if it tries to write, it is run again as a write. */
  async read<T>(fn: () => Promise<T>, writer: Writer, channel: string, options: WriteOptions<T> = {}): Promise<WriteOutcome<T>> {
    if (!options.readOnly && this.writingChannels.has(channel)) return this.write(fn, writer, channel, options);
    await this.local.run(() => this.catchUp());
    const state: RequestState = { mode: 'read', working: this.viewOf(this.doc, options.view), writeNeeded: false };
    const value = await this.request.run(state, fn);
    if (!state.writeNeeded) return { value, changes: [], seq: this.seq };
    this.writingChannels.add(channel);
    if (options.readOnly) return { value, changes: [], seq: this.seq, wantedWrite: true };
    return this.write(fn, writer, channel, options);
  }

  /**
   * Runs a request that may write, inside one database transaction: catch up under the `meta` row lock,
   * run the handler on the in-memory document, write the changed rows, the audit row, commit, notify.
   * `isRefusal(value)` says whether the handler refused (its changes are then undone, nothing written).
   * `seenSeq`: the last state the client saw; an entity changed since then by someone else is a conflict.
   */
  async write<T>(
    fn: () => Promise<T>,
    writer: Writer,
    channel: string,
    options: WriteOptions<T> = {},
  ): Promise<WriteOutcome<T>> {
    return this.local.run(async () => {
      const client = await this.pool.connect();
      try {
        // One round trip: open the transaction and take the writers' lock, learning the last committed state.
        const opened = (await client.query('BEGIN; SELECT seq FROM meta WHERE id = 1 FOR UPDATE')) as unknown as pg.QueryResult<{ seq: string }>[];
        await this.catchUp(client, Number(opened[1]?.rows[0]?.seq ?? 0));
        const before = this.doc;
        const archivesBefore = this.stampArchives();
        const seenBefore = this.viewOf(before, options.view);
        const state: RequestState = { mode: 'write', working: seenBefore, writeNeeded: false };
        const value = await this.request.run(state, fn);
        if (options.isRefusal?.(value)) {
          await client.query('ROLLBACK');
          return { value, changes: [], seq: this.seq };
        }
        const changes = state.working ? diffDocuments(seenBefore ?? emptyLike(state.working), state.working) : [];
        // What the account could not see is untouched: its changes are applied to the whole document.
        const after = before && options.view ? applyRemoteChanges(before, changes) : state.working;
        const archiveFiles = this.changedArchives(archivesBefore);
        if (changes.length === 0 && archiveFiles.length === 0) {
          await client.query('ROLLBACK');
          return { value, changes, seq: this.seq };
        }
        if (options.seenSeq !== undefined && options.onConflict) {
          const conflict = await findConflict(client, changes, options.seenSeq, writer.userId);
          if (conflict) {
            const key = `${conflict.collection}:${conflict.id}`;
            const then = this.recent.asOf(key, options.seenSeq);
            const change = then.known && before ? describeChange(then.value, entityOf(before, conflict.collection, conflict.id)) : undefined;
            if (change) conflict.change = change;
            await client.query('ROLLBACK');
            return { value: options.onConflict(conflict), changes: [], seq: this.seq };
          }
        }
        const seq = this.seq + 1;
        for (const f of archiveFiles) {
          await client.query(
            'INSERT INTO archives (file_name, payload, seq) VALUES ($1, $2, $3) ON CONFLICT (file_name) DO UPDATE SET payload = EXCLUDED.payload, seq = EXCLUDED.seq',
            [f.name, f.text, seq],
          );
        }
        const audited = [...changes.map((c) => `${c.collection}:${c.id}`), ...archiveFiles.map((f) => `archive:${f.name}`)];
        await writeChanges(client, changes, { seq, userId: writer.userId, channel, audited });
        await client.query('COMMIT');
        if (before) this.remember(before, changes, seq);
        this.seq = seq;
        this.doc = after;
        if (after && this.state.status !== 'ok') this.state = { status: 'ok' };
        return { value, changes, seq };
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (e instanceof DomainError) throw e;
        throw new DomainError('io', team.errors.writeFailed((e as Error).message));
      } finally {
        client.release();
      }
    });
  }

  /** Keeps the values `changes` replace, for conflict messages. */
  private remember(doc: Datastore, changes: EntityChange[], seq: number): void {
    for (const c of changes) this.recent.record(`${c.collection}:${c.id}`, seq, entityOf(doc, c.collection, c.id));
  }

  private viewCache = new Map<string, { seq: number; source: Datastore; doc: Datastore }>();

  /** The document as `view` sees it, cached until the document changes. */
  private viewOf(doc: Datastore | null, view: View | undefined): Datastore | null {
    if (!doc || !view) return doc;
    const hit = this.viewCache.get(view.key);
    if (hit && hit.source === doc) return hit.doc;
    const projected = view.apply(doc);
    if (this.viewCache.size > 200) this.viewCache.clear();
    this.viewCache.set(view.key, { seq: this.seq, source: doc, doc: projected });
    return projected;
  }

  // ---- the Store surface the services use ----

  async update<T>(mutate: (data: Datastore) => T): Promise<T> {
    const r = this.writingRequest();
    if (!r.working) throw new DomainError('io', team.errors.empty);
    let result!: T;
    r.working = immer.produce(r.working, (draft: Datastore) => {
      result = undraft(mutate(draft));
    });
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
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  // ---- archived periods, materialised as files for the services ----

  private setArchives(rows: { file_name: string; payload: unknown }[]): void {
    if (!existsSync(this.dataDir)) mkdirSync(this.dataDir, { recursive: true });
    for (const r of rows) {
      if (!/^archive-[\w-]+\.json$/.test(r.file_name)) continue;
      const file = join(this.dataDir, r.file_name);
      writeFileSync(file, typeof r.payload === 'string' ? r.payload : JSON.stringify(r.payload));
      const st = statSync(file);
      this.archiveStamps.set(r.file_name, { mtimeMs: st.mtimeMs, size: st.size });
    }
  }

  private stampArchives(): Map<string, ArchiveStamp> {
    const m = new Map<string, ArchiveStamp>();
    for (const n of readdirSync(this.dataDir)) {
      if (!n.startsWith('archive-') || !n.endsWith('.json')) continue;
      const st = statSync(join(this.dataDir, n));
      m.set(n, { mtimeMs: st.mtimeMs, size: st.size });
    }
    return m;
  }

  private changedArchives(before: Map<string, ArchiveStamp>): { name: string; text: unknown }[] {
    const out: { name: string; text: unknown }[] = [];
    for (const [n, st] of this.stampArchives()) {
      const b = before.get(n);
      if (b && b.mtimeMs === st.mtimeMs && b.size === st.size) continue;
      out.push({ name: n, text: JSON.parse(readFileSync(join(this.dataDir, n), 'utf8')) });
      this.archiveStamps.set(n, st);
    }
    return out;
  }
}

/** A service's result may hold pieces of the draft: turn them into plain values before the draft is revoked. */
function undraft<T>(value: T, depth = 0): T {
  if (isDraft(value)) return current(value as object) as T;
  if (depth > 3 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => undraft(v, depth + 1)) as T;
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = undraft(v, depth + 1);
  return out as T;
}

function entityOf(doc: Datastore, collection: string, id: string): unknown {
  if (collection === SETTINGS_COLLECTION) return doc.settings;
  const list = (doc as unknown as Record<string, { id: string }[] | undefined>)[collection];
  return Array.isArray(list) ? list.find((e) => e.id === id) : undefined;
}

function emptyLike(doc: Datastore): Datastore {
  return { ...doc, settings: undefined as unknown as Datastore['settings'], categories: [], organisations: [], people: [], instances: [], memberships: [], periods: [], axes: [], objectives: [], actions: [], meetings: [], purgeLog: [] };
}
