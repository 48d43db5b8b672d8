// Group commit of the team server's writes: every queued write of this process run one after the other, committed in one statement.
import type pg from 'pg';
import type { Datastore } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { team } from '../../shared/i18n/team';
import type { ArchiveFile } from './archive-files';
import type { EntityChange } from './db/entities';
import { commitBatch, type BatchWrite } from './db/write';
import { BatchStamps } from './entity-stamps';
import { entityOf, TeamDocument } from './team-document';
import { count, phase } from './write-profile';
import type { WriteOptions, WriteOutcome, Writer } from './write-types';

/**
 * Times a batch runs on this process's latest state and commits only if nobody committed meanwhile; after that
 * many losses to other processes it runs under the `meta` row lock, where it cannot lose (no starvation).
 */
export const OPTIMISTIC_ATTEMPTS = 3;

/** Most writes run and committed together (their handlers run one after the other: a bound on the batch's duration). */
export const MAX_BATCH = 64;


/**
 * Channels run alone under the lock from the start: their service changes this process's own state after the
 * store's update (an import's preview is consumed, archive files are written), so running them twice is not safe.
 */
export const LOCKED_CHANNELS: ReadonlySet<string> = new Set(['sharing:applyImport', 'strategy:closePeriod', 'app:setup', 'app:demo']);

/** A write waiting for (or running in) a batch. */
export interface Job<T = unknown> {
  fn: () => Promise<T>;
  writer: Writer;
  channel: string;
  options: WriteOptions<T>;
  queuedAt: number;
  resolve(outcome: WriteOutcome<T>): void;
  reject(error: unknown): void;
}

/**
 * One run of a job on the state the previous ones left: it wrote (`after`: the whole document then), or it answered
 * without writing (`keep`: its side effects stand if the batch commits — false for a refusal or a conflict), or it threw.
 */
export type Ran =
  | { kind: 'wrote'; value: unknown; changes: EntityChange[]; archives: ArchiveFile[]; after: Datastore | null }
  | { kind: 'answered'; value: unknown; keep: boolean }
  | { kind: 'failed'; error: unknown };

type Settled = Ran & { seq: number; changes?: EntityChange[] };

/**
 * The process's write loop: it takes every queued write (up to MAX_BATCH, a locked channel alone), runs their handlers
 * one after the other on the latest state with no database lock, and commits them in ONE statement that succeeds
 * only if nobody committed since that state; each write keeps its own sequence number and audit row. Lost: undo
 * the runs' side effects, catch up and run the batch again (with the writes queued meanwhile). Answers are given
 * only once the batch is committed (a refusal or an unchanged run: once its state is known to be the latest).
 */
export abstract class WriteLoop extends TeamDocument {
  private readonly queue: Job[] = [];
  private looping = false;

  /**
   * Runs a job's handler on `doc` (the whole document: the state the batch's earlier writes left); `stamps` judge
   * conflicts; `watchArchives`: tell the archive files it wrote (under the lock; an optimistic batch checks once for all).
   */
  abstract runJob(job: Job, doc: Datastore | null, stamps: BatchStamps, q: pg.Pool | pg.PoolClient, watchArchives: boolean): Promise<Ran>;

  /** Queues a write; it is answered when its batch is committed. */
  protected enqueue<T>(fn: () => Promise<T>, writer: Writer, channel: string, options: WriteOptions<T>): Promise<WriteOutcome<T>> {
    return new Promise<WriteOutcome<T>>((resolve, reject) => {
      this.queue.push({ fn, writer, channel, options, queuedAt: performance.now(), resolve, reject } as Job<T> as unknown as Job);
      if (this.looping) return;
      this.looping = true;
      // Started on the next turn of the event loop: the writes that arrived together form the first batch.
      setImmediate(() => void this.loop());
    });
  }

  private async loop(): Promise<void> {
    try {
      while (this.queue.length) await this.runBatch(this.take([]));
    } finally {
      this.looping = false;
    }
  }

  /** Adds queued writes to `batch`, in order: a write that must run under the lock only alone, at the head of an empty batch. */
  private take(batch: Job[]): Job[] {
    const head = this.queue[0];
    if (batch.length === 0 && head && runsLocked(head)) return [this.queue.shift()!];
    while (batch.length < MAX_BATCH && this.queue.length && !runsLocked(this.queue[0]!)) batch.push(this.queue.shift()!);
    return batch;
  }

  private async runBatch(batch: Job[]): Promise<void> {
    const t0 = performance.now();
    for (const j of batch) phase('write.queue', t0 - j.queuedAt);
    try {
      let settled: Settled[] | 'lost' | 'archives' = 'lost';
      const optimistic = runsLocked(batch[0]!) ? 0 : OPTIMISTIC_ATTEMPTS;
      for (let i = 0; i < optimistic && settled === 'lost'; i++) {
        if (i > 0) this.take(batch);
        // Known to be behind (a NOTIFY came, or the last attempt lost): catch up first. Otherwise the commit checks.
        if (i > 0 || this.notifiedSeq > this.seq) await this.catchUp();
        settled = await this.attempt(batch, this.pool, false);
        if (settled === 'lost') {
          this.stats.retries++;
          count('write.retry');
        }
      }
      if (typeof settled === 'string') {
        this.take(batch);
        settled = await this.attemptLocked(batch);
      }
      phase('write.batch', batch.length);
      const done = settled;
      batch.forEach((j, i) => answer(j, done[i]!));
    } catch (e) {
      const error = e instanceof DomainError ? e : new DomainError('io', team.errors.writeFailed((e as Error).message));
      for (const j of batch) j.reject(error);
    } finally {
      const t1 = performance.now();
      for (const j of batch) phase('write.total', t1 - j.queuedAt);
    }
  }

  /**
   * The batch that cannot lose: one round trip opens a transaction, takes the `meta` row lock (waiting for a commit
   * in progress elsewhere) and reads what others committed; the handlers run; one round trip writes and commits.
   * `sync` is held for the catch-up and the commit only: reads are not kept waiting while the handlers run (nobody
   * else can commit meanwhile, so the state they see does not move).
   */
  private async attemptLocked(batch: Job[]): Promise<Settled[]> {
    this.stats.locked++;
    count('write.locked');
    const client = await this.pool.connect();
    let open = false;
    try {
      open = true;
      await this.lockAndCatchUp(client);
      const settled = await this.attempt(batch, client, true, async () => {
        await client.query('COMMIT');
        open = false;
      });
      if (typeof settled === 'string') throw new Error('write lost while holding the lock');
      open = false;
      return settled;
    } finally {
      // Nothing to write commits nothing; an error leaves nothing half-done.
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  }

  /**
   * Runs the batch once on the latest known state and commits what it changed. `locked`: inside the lock holder's
   * transaction (`q`), which `finish` commits when nothing is written; otherwise the commit is one statement inside
   * `sync`. 'lost' when another commit came first; 'archives' when an optimistic run wrote archive files (run it
   * again under the lock, where each write's files are told apart).
   */
  private async attempt(batch: Job[], q: pg.Pool | pg.PoolClient, locked: boolean, finish?: () => Promise<void>): Promise<Settled[] | 'lost' | 'archives'> {
    const baseSeq = this.seq;
    let doc = this.doc;
    let seq = baseSeq;
    const stamps = new BatchStamps(this.stamps);
    const settled: Settled[] = [];
    const writes: (BatchWrite & { before: Datastore | null })[] = [];
    const open: Job[] = [];
    const archivesBefore = locked ? undefined : this.archives.stamp();
    const lost = (why: 'lost' | 'archives'): 'lost' | 'archives' => (undo(open), why);
    try {
      for (const job of batch) {
        // Another process committed meanwhile (NOTIFY) or this one caught up: the batch would lose; stop here.
        if (!locked && (this.seq !== baseSeq || this.notifiedSeq > baseSeq)) return lost('lost');
        job.options.sideEffects?.beginAttempt();
        const t0 = performance.now();
        const ran = await this.runJob(job, doc, stamps, q, locked).catch((error: unknown): Ran => ({ kind: 'failed', error }));
        phase('write.handler', performance.now() - t0);
        if (ran.kind === 'wrote') {
          seq++;
          const before = doc;
          writes.push({ seq, userId: job.writer.userId, channel: job.channel, changes: ran.changes, archives: ran.archives, audited: audited(ran), before });
          stamps.record(ran.changes, { seq, by: job.writer.userId, at: Date.now() }, (c) => (before && c.op !== 'created' ? entityOf(before, c.collection, c.id) : undefined));
          doc = ran.after;
        }
        if (ran.kind === 'wrote' || (ran.kind === 'answered' && ran.keep)) open.push(job);
        else job.options.sideEffects?.abandonAttempt();
        settled.push({ ...ran, seq });
      }
      if (archivesBefore && this.archives.changedSince(archivesBefore).length) return lost('archives');
      // What must happen in the transaction that commits a write (alone under the lock: `runsLocked`), refusing it by throwing.
      if (locked) for (const j of open) await j.options.alsoInTransaction?.(q);
      const t1 = performance.now();
      const ok = writes.length === 0 ? locked || (await this.isLatest(baseSeq)) : await this.commit(q, locked, baseSeq, writes, doc);
      if (writes.length) phase('write.commit', performance.now() - t1);
      if (!ok) return lost('lost');
      if (writes.length === 0 && finish) await finish();
      for (let i = open.length - 1; i >= 0; i--) open[i]!.options.sideEffects?.keepAttempt();
      return settled;
    } catch (e) {
      undo(open);
      throw e;
    }
  }

  /**
   * Commits the batch's writes and records them in memory, inside `sync`; false when another commit came first.
   * Under the lock the statement cannot lose, and carries the transaction's COMMIT.
   */
  private commit(q: pg.Pool | pg.PoolClient, locked: boolean, baseSeq: number, writes: (BatchWrite & { before: Datastore | null })[], after: Datastore | null): Promise<boolean> {
    return this.sync.run(async () => {
      // Another commit of this process's catch-up moved the state since the run: no need to ask the database.
      if (this.seq !== baseSeq) {
        if (locked) throw new Error('state moved while holding the lock');
        return false;
      }
      const ok = await commitBatch(q, baseSeq, writes, locked);
      if (!ok && locked) throw new Error('commit refused while holding the lock');
      if (ok) this.committed(writes, after, Date.now());
      return ok;
    });
  }

  /** A batch that wrote nothing stands only if judged on the database's latest state. */
  private async isLatest(baseSeq: number): Promise<boolean> {
    await this.catchUp();
    return this.seq === baseSeq;
  }
}

/** A write that runs alone under the lock: a locked channel, or one with work to do in its committing transaction. */
function runsLocked(job: Job): boolean {
  return LOCKED_CHANNELS.has(job.channel) || job.options.alsoInTransaction !== undefined;
}

function answer(job: Job, s: Settled): void {
  if (s.kind === 'failed') {
    const e = s.error;
    job.reject(e instanceof DomainError ? e : new DomainError('io', team.errors.writeFailed((e as Error).message)));
  } else job.resolve({ value: s.value, changes: s.kind === 'wrote' ? s.changes : [], seq: s.seq });
}

/** Abandons the open runs' side effects, the latest first. */
function undo(open: Job[]): void {
  for (let i = open.length - 1; i >= 0; i--) open[i]!.options.sideEffects?.abandonAttempt();
}

function audited(ran: Extract<Ran, { kind: 'wrote' }>): string[] {
  return [...ran.changes.map((c) => `${c.collection}:${c.id}`), ...ran.archives.map((f) => `archive:${f.name}`)];
}

