// Browser sessions on the team server: HttpOnly SameSite cookie, CSRF token required for cookie writes (not for bearer), logout, expiry, cache invalidation, and the audit log channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { addUser, setDisabled } from '../../src/main/server/accounts';
import { migrateDatabase } from '../../src/main/server/db/migrations';
import { buildServer } from '../../src/main/server/http';
import { TeamStore } from '../../src/main/server/team-store';
import { buildDemoDatastore } from '../../src/main/services/demo';
import type { AuditPage } from '../../src/shared/contract/audit';
import type { Datastore } from '../../src/shared/model';
import { looksFrench } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/pg';

process.env.CLSPD_TEST_FAST_KDF = '1';
const PASSWORD = 'un mot de passe solide';
const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);
let db: TestDatabase;
let pool: pg.Pool;
let store: TeamStore;
let app: FastifyInstance;
let demo: Datastore;

interface WebSession {
  cookie: string;
  csrf: string;
  setCookie: string;
}

async function webLogin(email: string): Promise<WebSession> {
  const r = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password: PASSWORD, cookie: true } });
  expect(r.statusCode, r.body).toBe(200);
  const setCookie = String(r.headers['set-cookie']);
  const body = r.json<{ csrf: string; token?: string }>();
  expect(body.token).toBeUndefined();
  return { cookie: setCookie.split(';')[0]!, csrf: body.csrf, setCookie };
}

function web(s: WebSession, channel: string, payload?: unknown, csrf: string | null = s.csrf): Promise<LightMyRequestResponse> {
  const [domain, verb] = channel.split(':');
  return app.inject({
    method: 'POST',
    url: `/api/${domain}/${verb}`,
    headers: { cookie: s.cookie, 'content-type': 'application/json', ...(csrf === null ? {} : { 'x-clspd-csrf': csrf }) },
    payload: payload === undefined ? '' : JSON.stringify(payload),
  });
}

beforeAll(async () => {
  if (skip) return;
  db = await createTestDatabase(process.env.CLSPD_TEST_DATABASE_URL!);
  pool = new pg.Pool({ connectionString: db.url, max: 6 });
  await migrateDatabase(pool);
  store = new TeamStore(pool);
  await store.load();
  demo = buildDemoDatastore(new Date('2026-11-20T10:00:00Z'));
  await store.write(async () => store.initialise(demo), { userId: 'setup', displayName: 'Installation' }, 'app:demo');
  for (const [email, name, role] of [
    ['coord@valmont.fr', 'Claire Coord', 'coordinator'],
    ['agnes@valmont.fr', 'Agnès Martin', 'staff'],
    ['bruno@valmont.fr', 'Bruno Petit', 'staff'],
    ['temp@valmont.fr', 'Temporaire', 'staff'],
  ] as const) {
    await addUser(pool, { email, displayName: name, role, password: PASSWORD });
  }
  app = await buildServer({ pool, store, loginLimitPerMinute: 50 });
});

afterAll(async () => {
  if (skip) return;
  await app?.close();
  await pool?.end();
  await store?.close();
  await db?.drop();
});

describe.skipIf(skip)('browser sessions', () => {
  it('log in with an HttpOnly, SameSite=Strict cookie; the page gets a CSRF token, never the session token', async () => {
    const s = await webLogin('agnes@valmont.fr');
    expect(s.setCookie).toMatch(/HttpOnly/i);
    expect(s.setCookie).toMatch(/SameSite=Strict/i);
    expect(s.setCookie).not.toMatch(/Secure/i); // plain HTTP here; Secure when the server has TLS
    const who = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: s.cookie } });
    expect(who.json<{ account: { displayName: string }; csrf: string }>()).toMatchObject({ account: { displayName: 'Agnès Martin' }, csrf: s.csrf });
    expect((await web(s, 'partners:list')).statusCode).toBe(200);
  });

  it('a cookie request that writes without the CSRF token is refused in French and changes nothing', async () => {
    const s = await webLogin('agnes@valmont.fr');
    const id = demo.organisations[0]!.id;
    const seq = store.currentSeq;
    for (const csrf of [null, 'x'.repeat(43)]) {
      const r = await web(s, 'partners:update', { id, patch: { shortName: 'CSRF' } }, csrf);
      expect(r.statusCode).toBe(403);
      expect(looksFrench(r.json<{ error: { message: string } }>().error.message)).toBe(true);
    }
    expect(store.currentSeq).toBe(seq);
    expect(store.data.organisations[0]!.shortName).not.toBe('CSRF');
    const ok = await web(s, 'partners:update', { id, patch: { shortName: 'WEB' } });
    expect(ok.json<{ ok: boolean }>().ok, ok.body).toBe(true);
    expect(store.data.organisations[0]!.shortName).toBe('WEB');
  });

  it('bearer requests need no CSRF token; a bad cookie is 401 before the CSRF check', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'bruno@valmont.fr', password: PASSWORD } });
    const token = login.json<{ token: string }>().token;
    const r = await app.inject({
      method: 'POST',
      url: '/api/partners/update',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: { id: demo.organisations[1]!.id, patch: { shortName: 'BEARER' } },
    });
    expect(r.json<{ ok: boolean }>().ok, r.body).toBe(true);
    const bad = await app.inject({ method: 'POST', url: '/api/partners/list', headers: { cookie: `clspd_session=${'y'.repeat(43)}` } });
    expect(bad.statusCode).toBe(401);
  });

  it('logout ends the session and clears the cookie', async () => {
    const s = await webLogin('bruno@valmont.fr');
    expect((await web(s, 'partners:list')).statusCode).toBe(200);
    const out = await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: s.cookie, 'x-clspd-csrf': s.csrf } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/clspd_session=;/);
    expect((await web(s, 'partners:list')).statusCode).toBe(401);
  });

  it('an expired session is refused with a French message asking to log in again', async () => {
    const s = await webLogin('bruno@valmont.fr');
    expect((await web(s, 'partners:list')).statusCode).toBe(200);
    await pool.query("UPDATE sessions SET expires_at = now() - interval '1 second'");
    // The cache trusts the lookup for a few seconds, never past the session's end.
    const r = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie: s.cookie } });
    expect(r.statusCode === 401 || r.statusCode === 200).toBe(true);
    const t0 = Date.now();
    let status = r.statusCode;
    while (status !== 401 && Date.now() - t0 < 6_000) {
      await new Promise((res) => setTimeout(res, 100));
      status = (await web(s, 'partners:list')).statusCode;
    }
    expect(status).toBe(401);
    const last = await web(s, 'partners:list');
    expect(last.json<{ error: { message: string } }>().error.message).toMatch(/session a expiré/);
  });

  it('disabling an account closes its cached sessions at once (not after the cache delay)', async () => {
    const s = await webLogin('temp@valmont.fr');
    expect((await web(s, 'partners:list')).statusCode).toBe(200);
    await setDisabled(pool, 'temp@valmont.fr', true);
    const t0 = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - t0 < 4_000) status = (await web(s, 'partners:list')).statusCode;
    expect(status).toBe(401);
    expect(Date.now() - t0).toBeLessThan(1_000);
  });
});

describe.skipIf(skip)('conflicts between two browsers', () => {
  it('an edit made on a state older than a colleague\'s change is refused, naming them and showing their change', async () => {
    const agnes = await webLogin('agnes@valmont.fr');
    const bruno = await webLogin('bruno@valmont.fr');
    const id = demo.organisations[4]!.id;
    const seenByAgnes = store.currentSeq;
    const withSeen = (s: WebSession, seen: number, payload: unknown) =>
      app.inject({
        method: 'POST',
        url: '/api/partners/update',
        headers: { cookie: s.cookie, 'x-clspd-csrf': s.csrf, 'x-clspd-seen': String(seen), 'content-type': 'application/json' },
        payload: JSON.stringify(payload),
      });
    const byBruno = await withSeen(bruno, store.currentSeq, { id, patch: { name: 'Maison des associations (nouveau nom)' } });
    expect(byBruno.json<{ ok: boolean }>().ok, byBruno.body).toBe(true);
    expect(byBruno.headers['x-clspd-wrote']).toBe('1');
    const before = store.currentSeq;
    const stale = await withSeen(agnes, seenByAgnes, { id, patch: { shortName: 'MDA' } });
    const err = stale.json<{ ok: false; error: { code: string; message: string } }>().error;
    expect(err.code).toBe('conflict');
    expect(err.message).toContain('Bruno Petit');
    expect(err.message).toContain('nom : « Maison des associations (nouveau nom) »');
    expect(store.currentSeq).toBe(before);
    expect(store.data.organisations.find((o) => o.id === id)!.shortName).not.toBe('MDA');
    // Once she has seen it, the same edit goes through.
    const fresh = await withSeen(agnes, store.currentSeq, { id, patch: { shortName: 'MDA' } });
    expect(fresh.json<{ ok: boolean }>().ok).toBe(true);
  });
});

describe.skipIf(skip)('audit log channel', () => {
  it('the coordinator filters by person, channel and day, page by page; others are refused; no content', async () => {
    const agnes = await webLogin('agnes@valmont.fr');
    const bruno = await webLogin('bruno@valmont.fr');
    const coord = await webLogin('coord@valmont.fr');
    const secret = 'Texte à ne jamais voir dans le journal';
    for (let i = 0; i < 7; i++) {
      expect((await web(agnes, 'partners:update', { id: demo.organisations[2]!.id, patch: { notes: `${secret} ${i}` } })).json<{ ok: boolean }>().ok).toBe(true);
    }
    expect((await web(bruno, 'partners:update', { id: demo.organisations[3]!.id, patch: { shortName: 'BP' } })).json<{ ok: boolean }>().ok).toBe(true);
    const agnesId = (await pool.query<{ id: string }>("SELECT id FROM users WHERE email = 'agnes@valmont.fr'")).rows[0]!.id;

    const page = async (input: unknown) => {
      const r = await web(coord, 'audit:list', input);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ ok: true; value: AuditPage }>().value;
    };
    const first = await page({ userId: agnesId, channel: 'partners:update', limit: 5 });
    expect(first.entries).toHaveLength(5);
    expect(first.entries.every((e) => e.who === 'Agnès Martin' && e.channel === 'partners:update')).toBe(true);
    expect(first.next).toBeDefined();
    const second = await page({ userId: agnesId, channel: 'partners:update', limit: 5, before: first.next });
    expect(second.entries.length).toBeGreaterThanOrEqual(2);
    expect(second.entries[0]!.id).toBeLessThan(first.entries[4]!.id);
    expect(first.people.map((p) => p.name)).toEqual(expect.arrayContaining(['Agnès Martin', 'Bruno Petit']));
    expect(first.channels).toContain('partners:update');
    expect(JSON.stringify(first) + JSON.stringify(second)).not.toContain(secret);

    const today = new Date().toISOString().slice(0, 10);
    expect((await page({ from: today, to: today })).entries.length).toBeGreaterThan(0);
    expect((await page({ to: '2000-01-01' })).entries).toHaveLength(0);

    const refused = await web(agnes, 'audit:list', {});
    expect(refused.statusCode).toBe(403);
    expect(JSON.stringify(refused.json())).not.toContain('partners:update');
  });
});
