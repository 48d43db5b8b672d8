// Team storage on a real PostgreSQL: migrations under an advisory lock, changed rows only, catch-up, conflicts, no lost update.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createInvoker, handlers } from '../../src/main/ipc/handlers';
import { migrateDatabase, DB_MIGRATIONS } from '../../src/main/server/db/migrations';
import { TeamStore, type Writer } from '../../src/main/server/team-store';
import { createContext } from '../../src/main/services/context';
import { buildDemoDatastore } from '../../src/main/services/demo';
import type { Result } from '../../src/shared/result';
import { createTestDatabase, type TestDatabase } from '../helpers/pg';

const NOW = new Date('2026-11-20T10:00:00Z');
let db: TestDatabase;
const pools: pg.Pool[] = [];

function pool(): pg.Pool {
  const p = new pg.Pool({ connectionString: db.url, max: 5 });
  pools.push(p);
  return p;
}

const alice: Writer = { userId: 'usr_alice', displayName: 'Alice Martin' };
const bob: Writer = { userId: 'usr_bob', displayName: 'Bob Durand' };

async function addUsers(p: pg.Pool): Promise<void> {
  for (const w of [alice, bob]) {
    await p.query(
      "INSERT INTO users (id, email, display_name, role, password_hash) VALUES ($1, $2, $3, 'staff', 'x') ON CONFLICT DO NOTHING",
      [w.userId, `${w.userId}@example.fr`, w.displayName],
    );
  }
}

/** Runs one channel through the real invoker inside a TeamStore request. */
async function call(store: TeamStore, writer: Writer, channel: string, payload: unknown, seenSeq?: number): Promise<Result<unknown>> {
  const ctx = createContext(store, {}, () => NOW);
  const invoke = createInvoker(ctx, handlers, () => undefined);
  const out = await store.read(() => invoke(channel, payload), writer, channel, {
    isRefusal: (r) => !r.ok,
    seenSeq,
    onConflict: (c): Result<unknown> => ({ ok: false, error: { code: 'conflict', message: `conflit avec ${c.byName}` } }),
  });
  return out.value;
}

beforeAll(async () => {
  if (process.env.CLSPD_TEST_NO_DATABASE) return;
  const url = process.env.CLSPD_TEST_DATABASE_URL;
  if (!url) throw new Error('CLSPD_TEST_DATABASE_URL manquant (voir tests/helpers/pg-global.ts)');
  db = await createTestDatabase(url);
});

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await db?.drop();
});

describe.skipIf(Boolean(process.env.CLSPD_TEST_NO_DATABASE))('team storage', () => {
  it('applies migrations once, even when two processes start together', async () => {
    const [a, b] = await Promise.all([migrateDatabase(pool()), migrateDatabase(pool())]);
    expect([...a, ...b].sort()).toEqual(DB_MIGRATIONS.map((m) => m.version));
    expect(await migrateDatabase(pool())).toEqual([]);
    await addUsers(pool());
  });

  it('creates the council in one transaction and another process loads it', async () => {
    const a = new TeamStore(pool());
    await a.load();
    expect(a.state.status).toBe('empty');
    const demo = buildDemoDatastore(NOW);
    const out = await a.write(async () => a.initialise(demo), alice, 'app:demo');
    const expectedRows = 1 + demo.categories.length + demo.organisations.length + demo.people.length + demo.instances.length +
      demo.memberships.length + demo.periods.length + demo.axes.length + demo.objectives.length + demo.actions.length + demo.meetings.length;
    expect(out.changes.length).toBe(expectedRows);
    const { rows } = await pool().query<{ n: string }>('SELECT count(*) AS n FROM entities');
    expect(Number(rows[0]!.n)).toBe(expectedRows);
    const b = new TeamStore(pool());
    await b.load();
    expect(b.data).toEqual(a.data);
  });

  it('writes only the row that changed and the other process catches up', async () => {
    const a = new TeamStore(pool());
    const b = new TeamStore(pool());
    await Promise.all([a.load(), b.load()]);
    const action = a.data.actions[0]!;
    const before = Number((await pool().query<{ seq: string }>('SELECT seq FROM meta')).rows[0]!.seq);
    const r = await call(a, alice, 'actions:update', { id: action.id, patch: { title: 'Intitulé modifié par Alice' } });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const audit = await pool().query<{ entity_ids: string[]; user_id: string; channel: string }>('SELECT entity_ids, user_id, channel FROM audit_log WHERE seq = $1', [before + 1]);
    expect(audit.rows[0]).toEqual({ entity_ids: [`actions:${action.id}`], user_id: alice.userId, channel: 'actions:update' });
    const changed = await pool().query<{ id: string; version: number }>('SELECT id, version FROM entities WHERE seq = $1', [before + 1]);
    expect(changed.rows).toEqual([{ id: action.id, version: 2 }]);
    const seen = await call(b, bob, 'actions:get', { id: action.id });
    expect(seen.ok && (seen.value as { action: { title: string } }).action.title).toBe('Intitulé modifié par Alice');
  });

  it('a refusal writes nothing and leaves memory unchanged', async () => {
    const a = new TeamStore(pool());
    await a.load();
    const seq = a.currentSeq;
    const data = a.data;
    const r = await call(a, alice, 'actions:update', { id: 'act_inexistante', patch: { title: 'x' } });
    expect(r.ok).toBe(false);
    expect(a.currentSeq).toBe(seq);
    expect(a.data).toBe(data);
  });

  it('a stale edit of the same entity by someone else is a conflict naming them, never a silent overwrite', async () => {
    const a = new TeamStore(pool());
    const b = new TeamStore(pool());
    await Promise.all([a.load(), b.load()]);
    const id = a.data.actions[1]!.id;
    const seenByBob = b.currentSeq;
    expect((await call(a, alice, 'actions:update', { id, patch: { title: 'Version d’Alice' } }, a.currentSeq)).ok).toBe(true);
    const r = await call(b, bob, 'actions:update', { id, patch: { title: 'Version de Bob' } }, seenByBob);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toContain('Alice Martin');
    const row = await pool().query<{ title: string }>("SELECT payload->>'title' AS title FROM entities WHERE collection = 'actions' AND id = $1", [id]);
    expect(row.rows[0]!.title).toBe('Version d’Alice');
  });

  it('two processes writing at once lose no update, and unique codes stay unique', async () => {
    const a = new TeamStore(pool());
    const b = new TeamStore(pool());
    await Promise.all([a.load(), b.load()]);
    const objectiveId = a.data.objectives[0]!.id;
    const writes = Array.from({ length: 40 }, (_, i) => {
      const [s, w] = i % 2 ? [a, alice] : [b, bob];
      return call(s, w, 'actions:create', { objectiveId, title: `Action concurrente ${i}` });
    });
    const results = await Promise.all(writes);
    for (const r of results) expect(r.ok, JSON.stringify(r)).toBe(true);
    const rows = await pool().query<{ title: string; code: string }>(
      "SELECT payload->>'title' AS title, payload->>'code' AS code FROM entities WHERE collection = 'actions' AND payload->>'title' LIKE 'Action concurrente %'",
    );
    expect(rows.rows.length).toBe(40);
    expect(new Set(rows.rows.map((r) => r.code)).size).toBe(40);
    await a.catchUp();
    await b.catchUp();
    expect(a.data.actions.length).toBe(b.data.actions.length);
  });
});
