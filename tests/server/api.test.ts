// The team server's HTTP API on a real PostgreSQL: 401 first, roles, rate limit, confidential instances, empty inputs, audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { addUser, setConfidentialMembers } from '../../src/main/server/accounts';
import { migrateDatabase } from '../../src/main/server/db/migrations';
import { buildServer } from '../../src/main/server/http';
import { TeamStore } from '../../src/main/server/team-store';
import { buildDemoDatastore } from '../../src/main/services/demo';
import type { Datastore } from '../../src/shared/model';
import { looksFrench } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/pg';

process.env.CLSPD_TEST_FAST_KDF = '1';
const NOW = new Date('2026-11-20T10:00:00Z');
const PASSWORD = 'un mot de passe solide';
let db: TestDatabase;
let pool: pg.Pool;
let store: TeamStore;
let app: FastifyInstance;
let demo: Datastore;
const tokens: Record<string, string> = {};

async function loginAs(email: string, password = PASSWORD) {
  return app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
}

async function call(who: string, channel: string, payload?: unknown, raw?: string) {
  const [domain, verb] = channel.split(':');
  return app.inject({
    method: 'POST',
    url: `/api/${domain}/${verb}`,
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
    payload: raw ?? (payload === undefined ? '' : JSON.stringify(payload)),
  });
}

const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);

beforeAll(async () => {
  if (skip) return;
  db = await createTestDatabase(process.env.CLSPD_TEST_DATABASE_URL!);
  pool = new pg.Pool({ connectionString: db.url, max: 5 });
  await migrateDatabase(pool);
  store = new TeamStore(pool);
  await store.load();
  demo = buildDemoDatastore(NOW);
  await store.write(async () => store.initialise(demo), { userId: 'setup', displayName: 'Installation' }, 'app:demo');
  for (const [email, role] of [
    ['coord@valmont.fr', 'coordinator'],
    ['assistante@valmont.fr', 'staff'],
    ['elu@valmont.fr', 'reader'],
    ['membre@valmont.fr', 'staff'],
  ] as const) {
    await addUser(pool, { email, displayName: email.split('@')[0]!, role, password: PASSWORD });
  }
  app = await buildServer({ pool, store, now: () => NOW, loginLimitPerMinute: 5 });
  for (const email of ['coord@valmont.fr', 'assistante@valmont.fr', 'elu@valmont.fr', 'membre@valmont.fr']) {
    const r = await loginAs(email);
    expect(r.statusCode, r.body).toBe(200);
    tokens[email] = r.json<{ token: string }>().token;
  }
});

afterAll(async () => {
  if (skip) return;
  await app?.close();
  await pool?.end();
  await store?.close();
  await db?.drop();
});

describe.skipIf(skip)('team HTTP API', () => {
  it('answers 401 before any other check, in French', async () => {
    for (const url of ['/api/partners/list', '/api/nope/nope', '/api/team/audit']) {
      const r = await app.inject({ method: 'POST', url, payload: 'pas du json', headers: { 'content-type': 'application/json' } });
      expect(r.statusCode).toBe(401);
      expect(looksFrench(r.json<{ error: { message: string } }>().error.message)).toBe(true);
    }
    const bad = await app.inject({ method: 'POST', url: '/api/partners/list', headers: { authorization: 'Bearer ' + 'x'.repeat(43) } });
    expect(bad.statusCode).toBe(401);
  });

  it('sends security headers', async () => {
    const r = await call('coord@valmont.fr', 'partners:list');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['x-frame-options']).toBeDefined();
  });

  it('accepts an empty body, null or {} for a channel without input', async () => {
    for (const raw of ['', 'null', '{}']) {
      const r = await call('coord@valmont.fr', 'settings:get', undefined, raw);
      expect(r.statusCode, raw).toBe(200);
      expect(r.json<{ ok: boolean }>().ok, raw).toBe(true);
    }
  });

  it('a reader reads but cannot write, and nothing changes', async () => {
    const id = demo.organisations[0]!.id;
    expect((await call('elu@valmont.fr', 'partners:get', { id })).json<{ ok: boolean }>().ok).toBe(true);
    const seq = store.currentSeq;
    const r = await call('elu@valmont.fr', 'partners:update', { id, patch: { name: 'Changé par un lecteur' } });
    expect(r.statusCode).toBe(403);
    expect(store.currentSeq).toBe(seq);
    expect(store.data.organisations[0]!.name).toBe(demo.organisations[0]!.name);
  });

  it('staff edit but cannot change the set-up; the coordinator can; the audit log says who', async () => {
    const id = demo.organisations[1]!.id;
    const ok = await call('assistante@valmont.fr', 'partners:update', { id, patch: { shortName: 'ABC' } });
    expect(ok.json<{ ok: boolean }>().ok, ok.body).toBe(true);
    expect((await call('assistante@valmont.fr', 'settings:update', { staleAfterMonths: 4 })).statusCode).toBe(403);
    const audit = await app.inject({ method: 'GET', url: '/api/team/audit', headers: { authorization: `Bearer ${tokens['coord@valmont.fr']}` } });
    const rows = audit.json<{ value: { entries: { who: string; channel: string; entities: string[] }[] } }>().value.entries;
    expect(rows[0]).toEqual({ id: expect.any(Number), at: expect.any(String), userId: expect.any(String), who: 'assistante', channel: 'partners:update', entities: [`organisations:${id}`] });
    const denied = await app.inject({ method: 'GET', url: '/api/team/audit', headers: { authorization: `Bearer ${tokens['assistante@valmont.fr']}` } });
    expect(denied.statusCode).toBe(403);
  });

  it('serves confidential instances only to the accounts named as members', async () => {
    const secret = demo.instances.find((i) => i.confidentiality === 'confidential')!;
    const listed = (who: string) =>
      call(who, 'instances:list', {}).then((r) => r.json<{ value: { id: string }[] }>().value.map((i) => i.id));
    expect(await listed('coord@valmont.fr')).toContain(secret.id);
    expect(await listed('assistante@valmont.fr')).not.toContain(secret.id);
    const get = await call('assistante@valmont.fr', 'instances:get', { id: secret.id });
    expect(get.json<{ ok: boolean; error: { code: string } }>().error.code).toBe('not_found');
    const search = await call('assistante@valmont.fr', 'search:global', { query: secret.name.slice(0, 12) });
    expect(JSON.stringify(search.json())).not.toContain(secret.id);
    const member = (await pool.query<{ id: string }>("SELECT id FROM users WHERE email = 'membre@valmont.fr'")).rows[0]!.id;
    await setConfidentialMembers(pool, secret.id, [member]);
    expect(await listed('membre@valmont.fr')).toContain(secret.id);
    // An edit by a non-member elsewhere leaves the confidential instance whole.
    const before = store.data.instances.find((i) => i.id === secret.id);
    expect((await call('assistante@valmont.fr', 'partners:update', { id: demo.organisations[2]!.id, patch: { shortName: 'XYZ' } })).json<{ ok: boolean }>().ok).toBe(true);
    expect(store.data.instances.find((i) => i.id === secret.id)).toEqual(before);
    expect(store.data.meetings.length).toBe(demo.meetings.length);
  });

  it('limits login attempts per account, with a French message', async () => {
    let last = 0;
    for (let i = 0; i < 6; i++) last = (await loginAs('membre@valmont.fr', 'mauvais mot de passe')).statusCode;
    expect(last).toBe(429);
    const blocked = await loginAs('membre@valmont.fr');
    expect(blocked.statusCode).toBe(429);
    expect(looksFrench(blocked.json<{ error: { message: string } }>().error.message)).toBe(true);
  });

  it('a one-time password must be changed before anything else; logout ends the session', async () => {
    const { oneTimePassword } = await addUser(pool, { email: 'nouveau@valmont.fr', displayName: 'Nouveau', role: 'staff' });
    const s = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'nouveau@valmont.fr', password: oneTimePassword }, remoteAddress: '127.0.0.2' });
    const token = s.json<{ token: string }>().token;
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    expect((await app.inject({ method: 'POST', url: '/api/partners/list', headers: auth, payload: '' })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/session/password', headers: auth, payload: { password: 'court' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/session/password', headers: auth, payload: { password: 'un nouveau mot de passe' } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/partners/list', headers: auth, payload: '' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'POST', url: '/api/partners/list', headers: auth, payload: '' })).statusCode).toBe(401);
  });
});
