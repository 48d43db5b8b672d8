// Team server benchmarks on the ten-year dataset in a real PostgreSQL: one action edit through the HTTP API, and opening (the dashboard's first calls).
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { addUser } from '../../src/main/server/accounts';
import { migrateDatabase } from '../../src/main/server/db/migrations';
import { buildServer } from '../../src/main/server/http';
import { TeamStore } from '../../src/main/server/team-store';
import { importFolder } from '../../src/main/server/transfer';
import { createTestDatabase, startCluster, type TestCluster } from '../helpers/pg';
import { tenYearFixture } from './fixtures';
import { bench } from './harness';

interface State {
  cluster?: TestCluster;
  pool: pg.Pool;
  store: TeamStore;
  app: FastifyInstance;
  token: string;
  actionId: string;
}

async function setup(): Promise<State> {
  const cluster = process.env.CLSPD_TEST_DATABASE_URL ? undefined : await startCluster();
  const db = await createTestDatabase(process.env.CLSPD_TEST_DATABASE_URL ?? cluster!.url);
  const pool = new pg.Pool({ connectionString: db.url, max: 10 });
  await migrateDatabase(pool);
  const store = new TeamStore(pool);
  await store.load();
  await importFolder(store, tenYearFixture(), { userId: 'bench', displayName: 'Mesure' });
  await addUser(pool, { email: 'bench@valmont.fr', displayName: 'Mesure', role: 'coordinator', password: 'mot de passe de mesure' });
  const app = await buildServer({ pool, store });
  const login = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'bench@valmont.fr', password: 'mot de passe de mesure' } });
  const token = login.json<{ token: string }>().token;
  return { cluster, pool, store, app, token, actionId: store.data.actions[0]!.id };
}

async function teardown(s: State): Promise<void> {
  await s.app.close();
  await s.pool.end();
  await s.store.close();
  s.cluster?.stop();
}

async function call(s: State, channel: string, payload: unknown): Promise<void> {
  const [d, v] = channel.split(':');
  const r = await s.app.inject({
    method: 'POST',
    url: `/api/${d}/${v}`,
    headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
    payload: payload === undefined ? '' : JSON.stringify(payload),
  });
  if (r.statusCode !== 200 || !r.json<{ ok: boolean }>().ok) throw new Error(`${channel}: ${r.statusCode} ${r.body.slice(0, 300)}`);
}

async function main(): Promise<void> {
  await bench('server.action.save.10y', {
    setup,
    // Authentication, validation, the service on the in-memory document, one row + one audit row in one transaction.
    run: (s, i) => call(s, 'actions:update', { id: s.actionId, patch: { title: `Intitulé mesuré ${i}` } }),
    teardown,
    runs: 30,
    warmup: 3,
    target_ms: 30,
  });
  await bench('server.open.10y', {
    setup,
    // What the dashboard asks for when a browser opens the app: state, settings, dashboard, reminders.
    run: async (s) => {
      await call(s, 'app:state', undefined);
      await call(s, 'settings:get', undefined);
      await call(s, 'dashboard:get', {});
    },
    teardown,
    runs: 10,
    warmup: 1,
    target_ms: 2000,
  });
}

void main();
