// server.load.50: 50 simulated users, mixed reads and writes for 60 s, on two server processes sharing one PostgreSQL database (ten-year dataset); p95 and writes per second, no error, no lost update.
import pg from 'pg';
import { addUser, login } from '../../src/main/server/accounts';
import { migrateDatabase } from '../../src/main/server/db/migrations';
import { TeamStore } from '../../src/main/server/team-store';
import { importFolder } from '../../src/main/server/transfer';
import { lostUpdates, runLoad } from '../helpers/load';
import { createTestDatabase, startCluster } from '../helpers/pg';
import { spawnServer } from '../helpers/team-cluster';
import { tenYearFixture } from './fixtures';
import { recordResult } from './harness';

const USERS = 50;
const PASSWORD = 'mot de passe de mesure solide';
const TARGET_P95_MS = 100;
const TARGET_WRITES_PER_S = 200;

async function main(): Promise<void> {
  const cluster = process.env.CLSPD_TEST_DATABASE_URL ? undefined : await startCluster();
  const db = await createTestDatabase(process.env.CLSPD_TEST_DATABASE_URL ?? cluster!.url);
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  // pool.end() resolves before its idle clients' sockets are closed: DROP DATABASE … WITH (FORCE) at the end may then
  // terminate one (57P01), which must not crash the measurement after its figures are recorded.
  pool.on('error', () => undefined);
  const servers: Awaited<ReturnType<typeof spawnServer>>[] = [];
  try {
    await migrateDatabase(pool);
    const store = new TeamStore(pool);
    await store.load();
    await importFolder(store, tenYearFixture(), { userId: 'bench', displayName: 'Mesure' });
    const categoryId = store.data.categories[0]!.id;
    const actionIds = store.data.actions.map((a) => a.id);
    await store.close();
    const tokens: string[] = [];
    for (let i = 0; i < USERS; i++) {
      await addUser(pool, { email: `u${i}@valmont.fr`, displayName: `Utilisateur ${i}`, role: 'staff', password: PASSWORD });
      tokens.push((await login(pool, `u${i}@valmont.fr`, PASSWORD)).token);
    }
    servers.push(await spawnServer(db.url), await spawnServer(db.url));
    const report = await runLoad({ ports: servers.map((s) => s.port), tokens, durationMs: Number(process.env.CLSPD_LOAD_SECONDS ?? 60) * 1000, categoryId, actionIds });
    const missing = await lostUpdates(pool, report);
    console.log(
      `server.load.50 : ${report.requests} requêtes en ${(report.durationMs / 1000).toFixed(0)} s, ${report.writes} écritures (${report.writesPerSecond.toFixed(0)}/s), ` +
        `${report.errors.length} erreur(s), ${missing.length} écriture(s) perdue(s), médiane ${report.median.toFixed(1)} ms, p95 ${report.p95.toFixed(1)} ms`,
    );
    for (const e of report.errors.slice(0, 5)) console.log(`  erreur : ${e}`);
    for (const m of missing.slice(0, 5)) console.log(`  perdue : ${m}`);
    const met = report.errors.length === 0 && missing.length === 0 && report.p95 <= TARGET_P95_MS && report.writesPerSecond >= TARGET_WRITES_PER_S;
    recordResult({
      name: 'server.load.50',
      median_ms: Math.round(report.median * 100) / 100,
      p95_ms: Math.round(report.p95 * 100) / 100,
      runs: report.requests,
      target_ms: TARGET_P95_MS,
      metric: 'p95',
      met,
      extra: { writes_per_s: Math.round(report.writesPerSecond * 10) / 10, errors: report.errors.length, lost_updates: missing.length },
    });
    if (report.errors.length || missing.length) process.exitCode = 1;
  } finally {
    for (const s of servers) s.kill('SIGKILL');
    await pool.end();
    await db.drop().catch(() => undefined);
    cluster?.stop();
  }
}

void main();
