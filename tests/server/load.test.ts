// Load on two server processes sharing one database: 50 simulated users, mixed reads and writes for a few seconds, no error, no lost update, p95 reported (the 60-second run is the server.load.50 benchmark).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { addUser, login } from '../../src/main/server/accounts';
import type { Datastore } from '../../src/shared/model';
import { lostUpdates, runLoad } from '../helpers/load';
import type { TestDatabase } from '../helpers/pg';
import { createDemoDatabase } from '../helpers/team-db';
import { spawnServer, type ServerProcess } from '../helpers/team-cluster';

process.env.CLSPD_TEST_FAST_KDF = '1';
const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);
const USERS = 50;
const PASSWORD = 'mot de passe de charge solide';
let db: TestDatabase;
let pool: pg.Pool;
let demo: Datastore;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  if (skip) return;
  ({ db, pool, demo } = await createDemoDatabase(new Date('2026-11-20T10:00:00Z')));
  for (let i = 0; i < USERS; i++) await addUser(pool, { email: `u${i}@valmont.fr`, displayName: `Utilisateur ${i}`, role: 'staff', password: PASSWORD });
  servers.push(await spawnServer(db.url), await spawnServer(db.url));
}, 240_000);

afterAll(async () => {
  if (skip) return;
  for (const s of servers) s.kill('SIGKILL');
  await pool?.end();
  await db?.drop();
});

describe.skipIf(skip)('load', () => {
  it('50 users on two processes for 10 s: no error, every acknowledged write in the database', async () => {
    const report = await runLoad({
      ports: servers.map((s) => s.port),
      tokens: await Promise.all(Array.from({ length: USERS }, async (_, i) => (await login(pool, `u${i}@valmont.fr`, PASSWORD)).token)),
      durationMs: 10_000,
      categoryId: demo.categories[0]!.id,
      actionIds: demo.actions.map((a) => a.id),
    });
    console.log(`charge : ${report.requests} requêtes, ${report.writes} écritures (${report.writesPerSecond.toFixed(0)}/s), médiane ${report.median.toFixed(1)} ms, p95 ${report.p95.toFixed(1)} ms`);
    expect(report.errors.slice(0, 5)).toEqual([]);
    expect(report.writes).toBeGreaterThan(100);
    expect(await lostUpdates(pool, report)).toEqual([]);
    // The check can fail: a value the database does not hold is reported.
    report.acknowledged.people.add('Charge-jamais-écrite');
    expect(await lostUpdates(pool, report)).toEqual(['contact Charge-jamais-écrite']);
  });
});
