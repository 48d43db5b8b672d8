// Two server processes on one database: each sees the other's writes within a second, and a killed one loses nothing acknowledged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { addUser } from '../../src/main/server/accounts';
import type { TestDatabase } from '../helpers/pg';
import { callHttp, loginHttp, spawnServer, type ServerProcess } from '../helpers/team-cluster';
import { createDemoDatabase } from '../helpers/team-db';

process.env.CLSPD_TEST_FAST_KDF = '1';
const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);
const PASSWORD = 'mot de passe de test solide';
let db: TestDatabase;
let pool: pg.Pool;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  if (skip) return;
  ({ db, pool } = await createDemoDatabase(new Date('2026-11-20T10:00:00Z')));
  await addUser(pool, { email: 'a@valmont.fr', displayName: 'Agnès', role: 'staff', password: PASSWORD });
  await addUser(pool, { email: 'b@valmont.fr', displayName: 'Bruno', role: 'staff', password: PASSWORD });
  servers.push(await spawnServer(db.url), await spawnServer(db.url));
}, 180_000);

afterAll(async () => {
  if (skip) return;
  for (const s of servers) s.kill('SIGKILL');
  await pool?.end();
  await db?.drop();
});

describe.skipIf(skip)('several server processes', () => {
  it('a write through one process is read through the other within a second', async () => {
    const [one, two] = servers;
    const ta = await loginHttp(one!.port, 'a@valmont.fr', PASSWORD);
    const tb = await loginHttp(two!.port, 'b@valmont.fr', PASSWORD);
    const categoryId = ((await callHttp(one!.port, ta, 'categories:list')).value as { id: string }[])[0]!.id;
    const created = await callHttp(one!.port, ta, 'partners:create', { name: 'Structure créée sur le premier serveur', categoryId });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    const id = (created.value as { id: string }).id;
    const t0 = Date.now();
    let seen = false;
    while (!seen && Date.now() - t0 < 1000) {
      seen = (await callHttp(two!.port, tb, 'partners:get', { id })).ok;
    }
    expect(seen).toBe(true);
  });

  it('killing a process during writes loses no acknowledged write', async () => {
    const [one, two] = servers;
    const ta = await loginHttp(one!.port, 'a@valmont.fr', PASSWORD);
    const tb = await loginHttp(two!.port, 'b@valmont.fr', PASSWORD);
    const categoryId = ((await callHttp(two!.port, tb, 'categories:list')).value as { id: string }[])[0]!.id;
    const acknowledged: string[] = [];
    const attempt = async (port: number, token: string, name: string) => {
      try {
        const r = await callHttp(port, token, 'partners:create', { name, categoryId });
        if (r.ok) acknowledged.push(name);
      } catch {
        // The killed process: not acknowledged, so allowed to be lost.
      }
    };
    const work: Promise<void>[] = [];
    for (let i = 0; i < 60; i++) {
      work.push(attempt(one!.port, ta, `Tuée ${i}`), attempt(two!.port, tb, `Survivante ${i}`));
      if (i === 30) one!.kill('SIGKILL');
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(work);
    expect(acknowledged.filter((n) => n.startsWith('Survivante')).length).toBe(60);
    const rows = await pool.query<{ name: string }>("SELECT payload->>'name' AS name FROM entities WHERE collection = 'organisations'");
    const inDb = new Set(rows.rows.map((r) => r.name));
    for (const n of acknowledged) expect(inDb.has(n), n).toBe(true);
  });
});
