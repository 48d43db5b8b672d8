// The team store's optimistic write path on a real PostgreSQL: a commit that lost to another process is run again, never lost nor doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createInvoker, handlers } from '../../src/main/ipc/handlers';
import { migrateDatabase } from '../../src/main/server/db/migrations';
import { commitBatch } from '../../src/main/server/db/write';
import { OPTIMISTIC_ATTEMPTS, TeamStore, type Writer } from '../../src/main/server/team-store';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import { buildDemoDatastore } from '../../src/main/services/demo';
import type { Result } from '../../src/shared/result';
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

/** One person's session on one store: the same context (and undo list) for every call, like the HTTP server. */
function session(store: TeamStore, writer: Writer): { ctx: ServiceContext; call: (channel: string, payload: unknown) => Promise<Result<unknown>> } {
  const ctx = createContext(store, {}, () => NOW);
  const invoke = createInvoker(ctx, handlers, () => undefined);
  const call = async (channel: string, payload: unknown): Promise<Result<unknown>> =>
    (await store.read(() => invoke(channel, payload), writer, channel, { isRefusal: (r) => !r.ok, sideEffects: ctx.trash })).value;
  return { ctx, call };
}

/**
 * Alice's write on store `a`, whose handler lets Bob commit on store `b` between the run and the commit during
 * the first `interfere` runs. Returns the results of every run and the final outcome.
 */
async function raced(a: TeamStore, channel: string, payload: unknown, interfere: (run: number) => Promise<void>, ctx = createContext(a, {}, () => NOW)) {
  const invoke = createInvoker(ctx, handlers, () => undefined);
  const runs: Result<unknown>[] = [];
  const out = await a.write(
    async () => {
      const r = await invoke(channel as never, payload as never);
      runs.push(r as Result<unknown>);
      await interfere(runs.length);
      return r as Result<unknown>;
    },
    alice,
    channel,
    { isRefusal: (r) => !r.ok, sideEffects: ctx.trash },
  );
  return { runs, out };
}

async function rows(collection: string, field: string, value: string): Promise<number> {
  const r = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM entities WHERE collection = $1 AND payload->>'${field}' = $2`, [collection, value]);
  return Number(r.rows[0]!.n);
}

beforeAll(async () => {
  if (skip) return;
  db = await createTestDatabase(process.env.CLSPD_TEST_DATABASE_URL!);
  pool = new pg.Pool({ connectionString: db.url, max: 8 });
  await migrateDatabase(pool);
  const setup = await loaded();
  await setup.write(async () => setup.initialise(buildDemoDatastore(NOW)), alice, 'app:demo');
}, 120_000);

afterAll(async () => {
  if (skip) return;
  for (const s of stores) await s.close();
  await pool?.end();
  await db?.drop();
});

describe.skipIf(skip)('optimistic team writes', () => {
  it('a commit that lost to another process writes nothing and says so', async () => {
    const a = await loaded();
    const org = a.data.organisations[0]!;
    const stale = a.currentSeq - 1;
    const before = Number((await pool.query<{ seq: string }>('SELECT seq FROM meta')).rows[0]!.seq);
    const ok = await commitBatch(pool, stale, [
      { seq: stale + 1, userId: alice.userId, channel: 'partners:update', changes: [{ collection: 'organisations', id: org.id, op: 'updated', payload: { ...org, notes: 'perdue' } }], archives: [], audited: [] },
    ]);
    expect(ok).toBe(false);
    expect(Number((await pool.query<{ seq: string }>('SELECT seq FROM meta')).rows[0]!.seq)).toBe(before);
    expect(await rows('organisations', 'notes', 'perdue')).toBe(0);
  });

  it('a write overtaken between its run and its commit is run again: not lost, not doubled', async () => {
    const a = await loaded();
    const b = await loaded();
    const bobs = session(b, bob);
    const org = a.data.organisations[0]!;
    const { runs, out } = await raced(a, 'people:create', { organisationId: org.id, civility: '', firstName: 'Claire', lastName: 'Relancée' }, async (run) => {
      if (run === 1) expect((await bobs.call('partners:update', { id: org.id, patch: { notes: 'Note de Bob' } })).ok).toBe(true);
    });
    expect(runs.length).toBe(2);
    expect(a.stats.retries).toBe(1);
    expect(out.value.ok).toBe(true);
    const created = (out.value as { ok: true; value: { id: string } }).value;
    expect((runs[0] as { ok: true; value: { id: string } }).value.id).not.toBe(created.id);
    expect(await rows('people', 'lastName', 'Relancée')).toBe(1);
    expect(await rows('organisations', 'notes', 'Note de Bob')).toBe(1);
    expect(a.data.people.filter((p) => p.lastName === 'Relancée').map((p) => p.id)).toEqual([created.id]);
    expect(a.data.organisations.find((o) => o.id === org.id)!.notes).toBe('Note de Bob');
    await b.catchUp();
    expect(b.data.people.filter((p) => p.lastName === 'Relancée').length).toBe(1);
  });

  it('an action code taken by another process in between is allocated again, unique', async () => {
    const a = await loaded();
    const b = await loaded();
    const bobs = session(b, bob);
    const objectiveId = a.data.objectives[0]!.id;
    const { runs, out } = await raced(a, 'actions:create', { objectiveId, title: 'Action d’Alice' }, async (run) => {
      if (run === 1) expect((await bobs.call('actions:create', { objectiveId, title: 'Action de Bob' })).ok).toBe(true);
    });
    expect(runs.length).toBe(2);
    const codeOf = (r: Result<unknown>) => (r as { ok: true; value: { code: string } }).value.code;
    const bobs1 = await pool.query<{ code: string }>("SELECT payload->>'code' AS code FROM entities WHERE collection = 'actions' AND payload->>'title' = 'Action de Bob'");
    // The first run took the code Bob's action got; the second run took the next one.
    expect(codeOf(runs[0]!)).toBe(bobs1.rows[0]!.code);
    expect(codeOf(out.value)).not.toBe(bobs1.rows[0]!.code);
    expect(await rows('actions', 'title', 'Action d’Alice')).toBe(1);
    expect(await rows('actions', 'code', codeOf(out.value))).toBe(1);
  });

  it(`after ${OPTIMISTIC_ATTEMPTS} lost commits the write runs under the lock and goes through`, async () => {
    const a = await loaded();
    const b = await loaded();
    const bobs = session(b, bob);
    const org = a.data.organisations[1]!;
    const { runs, out } = await raced(a, 'partners:update', { id: org.id, patch: { website: 'https://alice.example.fr' } }, async (run) => {
      // Under the lock Bob would wait for Alice: he only interferes with the optimistic runs.
      if (run <= OPTIMISTIC_ATTEMPTS) expect((await bobs.call('people:create', { organisationId: org.id, civility: '', firstName: 'Bob', lastName: `Concurrent ${run}` })).ok).toBe(true);
    });
    expect(runs.length).toBe(OPTIMISTIC_ATTEMPTS + 1);
    expect(a.stats).toMatchObject({ retries: OPTIMISTIC_ATTEMPTS, locked: 1 });
    expect(out.value.ok).toBe(true);
    expect(await rows('organisations', 'website', 'https://alice.example.fr')).toBe(1);
    for (let i = 1; i <= OPTIMISTIC_ATTEMPTS; i++) expect(await rows('people', 'lastName', `Concurrent ${i}`)).toBe(1);
  });

  it('an abandoned run gives back what it took from the undo list, and withdraws what it put there', async () => {
    const a = await loaded();
    const b = await loaded();
    const bobs = session(b, bob);
    const alices = session(a, alice);
    const org = a.data.organisations[2]!;
    const person = await alices.call('people:create', { organisationId: org.id, civility: '', firstName: 'Denis', lastName: 'Supprimé' });
    const personId = (person as { ok: true; value: { id: string } }).value.id;
    // A deletion overtaken once: the first run's undo token is withdrawn, the second run's works.
    const deleted = await raced(a, 'people:delete', { id: personId }, async (run) => {
      if (run === 1) expect((await bobs.call('partners:update', { id: org.id, patch: { notes: 'Bob, pendant la suppression' } })).ok).toBe(true);
    }, alices.ctx);
    expect(deleted.runs.length).toBe(2);
    const tokenOf = (r: Result<unknown>) => (r as { ok: true; value: { undoToken: string } }).value.undoToken;
    const withdrawn = await alices.call('undo:restore', { undoToken: tokenOf(deleted.runs[0]!) });
    expect(!withdrawn.ok && withdrawn.error.code).toBe('not_found');
    // The restore itself overtaken once: its second run takes the same token again.
    const restored = await raced(a, 'undo:restore', { undoToken: tokenOf(deleted.out.value) }, async (run) => {
      if (run === 1) expect((await bobs.call('partners:update', { id: org.id, patch: { notes: 'Bob, pendant le rétablissement' } })).ok).toBe(true);
    }, alices.ctx);
    expect(restored.runs.length).toBe(2);
    expect(restored.out.value.ok, JSON.stringify(restored.out.value)).toBe(true);
    expect(await rows('people', 'lastName', 'Supprimé')).toBe(1);
    expect(a.data.people.filter((p) => p.id === personId).length).toBe(1);
  });

  it('a refusal judged on a state another process has since changed is judged again on the latest one', async () => {
    const a = await loaded();
    const b = await loaded();
    const categoryId = b.data.categories[0]!.id;
    const created = await session(b, bob).call('partners:create', { name: 'Structure créée par Bob', categoryId });
    const orgId = (created as { ok: true; value: { id: string } }).value.id;
    // `a` has heard nothing yet (no NOTIFY listener here): its first run refuses an unknown partner.
    const { runs, out } = await raced(a, 'people:create', { organisationId: orgId, civility: '', firstName: 'Eva', lastName: 'Rattrapée' }, async () => undefined);
    expect(runs.length).toBe(2);
    expect(runs[0]!.ok).toBe(false);
    expect(out.value.ok, JSON.stringify(out.value)).toBe(true);
    expect(await rows('people', 'lastName', 'Rattrapée')).toBe(1);
  });
});
