// Group commit on a real PostgreSQL: the writes queued together run one after the other and commit in one statement, each with its own seq and audit row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createInvoker, handlers } from '../../src/main/ipc/handlers';
import { migrateDatabase } from '../../src/main/server/db/migrations';
import { TeamStore, type Writer } from '../../src/main/server/team-store';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import { buildDemoDatastore } from '../../src/main/services/demo';
import { DomainError, fail, type Result } from '../../src/shared/result';
import { createTestDatabase, type TestDatabase } from '../helpers/pg';

const NOW = new Date('2026-11-20T10:00:00Z');
const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);
let db: TestDatabase;
let pool: pg.Pool;
const stores: TeamStore[] = [];

const alice: Writer = { userId: 'usr_alice', displayName: 'Alice Martin' };
const bob: Writer = { userId: 'usr_bob', displayName: 'Bob Durand' };

async function loaded(): Promise<TeamStore> {
  const s = new TeamStore(pool);
  await s.load();
  stores.push(s);
  return s;
}

type Call = (channel: string, payload: unknown, opts?: { seenSeq?: number; during?: (run: number) => Promise<void> }) => Promise<Result<unknown>>;

/** One person's session on one store (one undo list), like the HTTP server; `during` runs inside the handler, after it. */
function session(store: TeamStore, writer: Writer): { ctx: ServiceContext; call: Call; runs: Map<string, Result<unknown>[]> } {
  const ctx = createContext(store, {}, () => NOW);
  const invoke = createInvoker(ctx, handlers, () => undefined);
  /** Every run's result, per call (channel and payload). */
  const runs = new Map<string, Result<unknown>[]>();
  const call: Call = async (channel, payload, opts = {}) => {
    const key = JSON.stringify([channel, payload]);
    const fn = async () => {
      const r = (await invoke(channel as never, payload as never)) as Result<unknown>;
      const list = runs.get(key) ?? [];
      runs.set(key, [...list, r]);
      await opts.during?.(list.length + 1);
      return r;
    };
    const out = await store.write(fn, writer, channel, {
      isRefusal: (r) => !r.ok,
      sideEffects: ctx.trash,
      seenSeq: opts.seenSeq,
      onConflict: (c) => fail('conflict', `${c.byName} : ${c.change ?? ''}`),
    });
    return out.value;
  };
  return { ctx, call, runs };
}

const metaSeq = async () => Number((await pool.query<{ seq: string }>('SELECT seq FROM meta')).rows[0]!.seq);
const valueOf = <T>(r: Result<unknown>) => (r as { ok: true; value: T }).value;

beforeAll(async () => {
  if (skip) return;
  db = await createTestDatabase(process.env.CLSPD_TEST_DATABASE_URL!);
  pool = new pg.Pool({ connectionString: db.url, max: 8 });
  await migrateDatabase(pool);
  for (const w of [alice, bob]) {
    await pool.query("INSERT INTO users (id, email, display_name, role, password_hash) VALUES ($1, $2, $3, 'staff', 'x')", [w.userId, `${w.userId}@example.fr`, w.displayName]);
  }
  const setup = await loaded();
  await setup.write(async () => setup.initialise(buildDemoDatastore(NOW)), alice, 'app:demo');
}, 120_000);

afterAll(async () => {
  if (skip) return;
  for (const s of stores) await s.close();
  await pool?.end();
  await db?.drop();
});

describe.skipIf(skip)('group commit', () => {
  it('writes queued together commit in one statement: one seq each, one audit row each; a refusal or a throw inside changes nothing', async () => {
    const a = await loaded();
    const alices = session(a, alice);
    const bobs = session(a, bob);
    const [org, other] = a.data.organisations;
    const base = await metaSeq();
    const commits = a.stats.commits;
    const out = await Promise.allSettled([
      alices.call('people:create', { organisationId: org!.id, civility: '', firstName: 'Anne', lastName: 'Groupée' }),
      bobs.call('actions:update', { id: 'act_inexistante', patch: { title: 'refusée' } }),
      a.write(async () => a.update(() => { throw new Error('panne du service'); }), bob, 'partners:update'),
      bobs.call('partners:update', { id: other!.id, patch: { notes: 'Note groupée de Bob' } }),
    ]);
    const [created, refused, thrown, updated] = out;
    expect(created.status === 'fulfilled' && created.value.ok).toBe(true);
    expect(refused.status === 'fulfilled' && !refused.value.ok && refused.value.error.code).toBe('not_found');
    expect(thrown.status === 'rejected' && thrown.reason instanceof DomainError).toBe(true);
    expect(updated.status === 'fulfilled' && updated.value.ok).toBe(true);
    // One commit for the batch; the two writes that changed something got base+1 and base+2.
    expect(a.stats.commits).toBe(commits + 1);
    expect(await metaSeq()).toBe(base + 2);
    expect(a.currentSeq).toBe(base + 2);
    const audit = await pool.query<{ user_id: string; channel: string; seq: string; entity_ids: string[] }>('SELECT user_id, channel, seq, entity_ids FROM audit_log WHERE seq > $1 ORDER BY id', [base]);
    const personId = valueOf<{ id: string }>((created as PromiseFulfilledResult<Result<unknown>>).value).id;
    expect(audit.rows).toEqual([
      { user_id: alice.userId, channel: 'people:create', seq: String(base + 1), entity_ids: [`people:${personId}`] },
      { user_id: bob.userId, channel: 'partners:update', seq: String(base + 2), entity_ids: [`organisations:${other!.id}`] },
    ]);
    const rows = await pool.query<{ collection: string; seq: string; updated_by: string }>('SELECT collection, seq, updated_by FROM entities WHERE seq > $1 ORDER BY seq', [base]);
    expect(rows.rows).toEqual([
      { collection: 'people', seq: String(base + 1), updated_by: alice.userId },
      { collection: 'organisations', seq: String(base + 2), updated_by: bob.userId },
    ]);
    // The other process learns both writes, each with its author.
    const b = await loaded();
    expect(b.data.people.find((p) => p.id === personId)?.lastName).toBe('Groupée');
    expect(b.data.organisations.find((o) => o.id === other!.id)?.notes).toBe('Note groupée de Bob');
  });

  it('several writes of one entity in a batch: the last value is stored, its version counts every write', async () => {
    const a = await loaded();
    const alices = session(a, alice);
    const org = a.data.organisations[3]!;
    const version = async () => (await pool.query<{ version: number; notes: string }>("SELECT version, payload->>'notes' AS notes FROM entities WHERE id = $1", [org.id])).rows[0]!;
    const before = await version();
    const results = await Promise.all([1, 2, 3].map((i) => alices.call('partners:update', { id: org.id, patch: { notes: `Version ${i}` } })));
    for (const r of results) expect(r.ok).toBe(true);
    expect(await version()).toEqual({ version: before.version + 3, notes: 'Version 3' });
  });

  it('in a batch, a later edit of what another person changed earlier in it is a conflict when its seen state predates that change', async () => {
    const a = await loaded();
    const alices = session(a, alice);
    const bobs = session(a, bob);
    const [x, y] = a.data.actions;
    const seen = a.currentSeq;
    const [bobsEdit, alicesEdit, alicesOwn, alicesAgain] = await Promise.all([
      bobs.call('actions:update', { id: x!.id, patch: { title: 'Intitulé de Bob' } }, { seenSeq: seen }),
      alices.call('actions:update', { id: x!.id, patch: { title: 'Intitulé d’Alice' } }, { seenSeq: seen }),
      alices.call('actions:update', { id: y!.id, patch: { title: 'Première version d’Alice' } }, { seenSeq: seen }),
      // Her own earlier change in the batch is no conflict.
      alices.call('actions:update', { id: y!.id, patch: { title: 'Seconde version d’Alice' } }, { seenSeq: seen }),
    ]);
    expect(bobsEdit.ok).toBe(true);
    expect(!alicesEdit.ok && alicesEdit.error.code).toBe('conflict');
    expect(!alicesEdit.ok && alicesEdit.error.message).toContain('Bob Durand');
    expect(!alicesEdit.ok && alicesEdit.error.message).toContain('Intitulé de Bob');
    expect(alicesOwn.ok && alicesAgain.ok).toBe(true);
    const titles = await pool.query<{ id: string; title: string }>("SELECT id, payload->>'title' AS title FROM entities WHERE id = ANY($1)", [[x!.id, y!.id]]);
    expect(Object.fromEntries(titles.rows.map((r) => [r.id, r.title]))).toEqual({ [x!.id]: 'Intitulé de Bob', [y!.id]: 'Seconde version d’Alice' });
    // Judged on the state she saw after Bob's change, her edit goes through.
    const again = await alices.call('actions:update', { id: x!.id, patch: { title: 'Intitulé d’Alice' } }, { seenSeq: a.currentSeq });
    expect(again.ok).toBe(true);
  });

  it('a batch lost to another process runs again whole: every write once in the database, the lost runs’ undo tokens withdrawn', async () => {
    const a = await loaded();
    const b = await loaded();
    const alices = session(a, alice);
    const bobOnB = session(b, bob);
    const org = a.data.organisations[4]!;
    const people = await Promise.all(['Un', 'Deux'].map((n) => alices.call('people:create', { organisationId: org.id, civility: '', firstName: n, lastName: 'À supprimer' })));
    const [p1, p2] = people.map((r) => valueOf<{ id: string }>(r).id);
    const retries = a.stats.retries;
    // The last write of the batch lets Bob commit on the other process during its first run: the batch loses.
    const [d1, d2, created] = await Promise.all([
      alices.call('people:delete', { id: p1 }),
      alices.call('people:delete', { id: p2 }),
      alices.call('people:create', { organisationId: org.id, civility: '', firstName: 'Trois', lastName: 'Créée une fois' }, {
        during: async (run) => {
          if (run === 1) expect((await bobOnB.call('partners:update', { id: org.id, patch: { notes: 'Bob pendant le lot' } })).ok).toBe(true);
        },
      }),
    ]);
    expect(a.stats.retries).toBe(retries + 1);
    for (const r of [d1, d2, created]) expect(r.ok, JSON.stringify(r)).toBe(true);
    const runsOf = (id: string) => alices.runs.get(JSON.stringify(['people:delete', { id }]))!;
    expect(runsOf(p1!).length).toBe(2);
    expect(runsOf(p2!).length).toBe(2);
    const count = async (name: string) => Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM entities WHERE collection = 'people' AND payload->>'lastName' = $1", [name])).rows[0]!.n);
    expect(await count('Créée une fois')).toBe(1);
    expect(await count('À supprimer')).toBe(0);
    expect((await pool.query<{ notes: string }>("SELECT payload->>'notes' AS notes FROM entities WHERE id = $1", [org.id])).rows[0]!.notes).toBe('Bob pendant le lot');
    // The lost runs' undo tokens were withdrawn; the committed runs' tokens restore both contacts.
    const tokenOf = (r: Result<unknown>) => valueOf<{ undoToken: string }>(r).undoToken;
    for (const id of [p1!, p2!]) {
      const stale = await alices.call('undo:restore', { undoToken: tokenOf(runsOf(id)[0]!) });
      expect(!stale.ok && stale.error.code).toBe('not_found');
    }
    for (const d of [d1, d2]) expect((await alices.call('undo:restore', { undoToken: tokenOf(d) })).ok).toBe(true);
    expect(await count('À supprimer')).toBe(2);
  });
});
