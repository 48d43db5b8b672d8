// `clspd serve --tls-cert --tls-key` for real (the command line, a throwaway self-signed certificate, a real PostgreSQL):
// the browser session cookie is Secure, HttpOnly and SameSite=Strict, HSTS is sent, and a login then a CSRF-protected
// edit work over HTTPS (refused without the CSRF token, nothing changed).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/main/server/accounts';
import type { TestDatabase } from '../helpers/pg';
import { selfSignedCertificate } from '../helpers/self-signed';
import { freePort, startClspdServe } from '../helpers/team-cluster';
import { createDemoDatabase, type DemoDatabase } from '../helpers/team-db';

const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);
const PASSWORD = 'un mot de passe solide';
const ROOT = join(__dirname, '..', '..');
let demo: DemoDatabase;
let db: TestDatabase;
let work: string;
let ca: Buffer;
let port: number;
let server: ChildProcess;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTPS request trusting only the test's certificate. */
function request(method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: '127.0.0.1', port, path, method, ca, servername: 'localhost', headers: { ...headers, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

beforeAll(async () => {
  if (skip) return;
  work = mkdtempSync(join(tmpdir(), 'clspd-tls-'));
  const tls = selfSignedCertificate(work, 'serveur');
  ca = readFileSync(tls.cert);
  demo = await createDemoDatabase(new Date(), { poolSize: 2 });
  db = demo.db;
  await addUser(demo.pool, { email: 'agnes@valmont.fr', displayName: 'Agnès Martin', role: 'staff', password: PASSWORD });
  port = await freePort();
  const started = await startClspdServe(
    ['--import', 'tsx', join(ROOT, 'src', 'main', 'cli.ts'), 'serve', '--listen', `127.0.0.1:${port}`, '--tls-cert', tls.cert, '--tls-key', tls.key],
    { CLSPD_DATABASE_URL: db.url, CLSPD_TEST_FAST_KDF: '1' },
  );
  server = started.child;
  // Served over TLS: no warning about plain HTTP.
  expect(started.output).toContain('https://');
}, 150_000);

afterAll(async () => {
  if (skip) return;
  server?.kill('SIGKILL');
  await demo?.pool.end();
  await db?.drop();
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(skip)('clspd serve over TLS', () => {
  it('sets a Secure, HttpOnly, SameSite=Strict cookie and HSTS; login and a CSRF-protected edit work over HTTPS', async () => {
    const login = await request('POST', '/api/session', {}, { email: 'agnes@valmont.fr', password: PASSWORD, cookie: true });
    expect(login.status, login.body).toBe(200);
    const setCookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    expect(setCookie).toHaveLength(1);
    const attributes = setCookie[0]!.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes[0]).toMatch(/^clspd_session=.{20,}/);
    expect(attributes).toContain('secure');
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=strict');
    expect(attributes).toContain('path=/');
    const hsts = String(login.headers['strict-transport-security'] ?? '');
    expect(hsts).toMatch(/max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(hsts)![1])).toBeGreaterThanOrEqual(180 * 86_400);
    const body = JSON.parse(login.body) as { csrf: string; token?: string; account: { displayName: string } };
    expect(body.account.displayName).toBe('Agnès Martin');
    expect(body.token).toBeUndefined();
    const cookie = attributes[0]!.startsWith('clspd_session=') ? setCookie[0]!.split(';')[0]! : '';

    const org = demo.demo.organisations[0]!;
    const row = async () => (await demo.pool.query<{ name: string }>("SELECT payload->>'name' AS name FROM entities WHERE collection = 'organisations' AND id = $1", [org.id])).rows[0]!.name;
    // Without the CSRF token: refused, in French, nothing changed.
    const forged = await request('POST', '/api/partners/update', { cookie }, { id: org.id, patch: { name: 'Nom forgé' } });
    expect(forged.status).toBe(403);
    expect(JSON.parse(forged.body).error.message).toMatch(/jeton de sécurité/);
    expect(await row()).toBe(org.name);
    // With it: saved.
    const edit = await request('POST', '/api/partners/update', { cookie, 'x-clspd-csrf': body.csrf }, { id: org.id, patch: { name: 'Nom changé en HTTPS' } });
    expect(edit.status, edit.body).toBe(200);
    expect(JSON.parse(edit.body).ok).toBe(true);
    expect(await row()).toBe('Nom changé en HTTPS');
    // Who am I, over the same cookie; then logging out clears it (Secure too).
    expect((await request('GET', '/api/session', { cookie })).status).toBe(200);
    const out = await request('DELETE', '/api/session', { cookie, 'x-clspd-csrf': body.csrf });
    expect(out.status).toBe(204);
    const cleared = ([] as string[]).concat(out.headers['set-cookie'] ?? [])[0]!.toLowerCase();
    expect(cleared).toContain('secure');
    expect(cleared).toMatch(/max-age=0|expires=thu, 01 jan 1970/);
    expect((await request('GET', '/api/session', { cookie })).status).toBe(401);
  });

  it('refuses plain HTTP on the TLS port', async () => {
    await expect(fetch(`http://127.0.0.1:${port}/api/session`)).rejects.toThrow();
  });
});
