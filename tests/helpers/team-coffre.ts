// Test helper: a real `clspd serve` on a throwaway PostgreSQL loaded with the demo (as `server import` does), three
// accounts, and the coordinator's coffre file — what the team-mode tests of confidential meetings start from.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import pg from 'pg';
import type { TeamConnectStep } from '../../src/shared/contract/team';
import type { Datastore, Meeting } from '../../src/shared/model';
import type { ProtectedData } from '../../src/shared/protected-model';
import type { Result } from '../../src/shared/result';
import { keepGenerated } from '../../src/main/documents/service';
import { addUser, setConfidentialMembers } from '../../src/main/server/accounts';
import { migrateDatabase } from '../../src/main/server/db/migrations';
import { TeamStore } from '../../src/main/server/team-store';
import { withoutConfidentialTexts } from '../../src/main/server/transfer';
import { buildDemoDatastore } from '../../src/main/services/demo';
import { TeamClient } from '../../src/main/team/client';
import { Vault } from '../../src/main/vault';
import { createTestDatabase, type TestDatabase } from './pg';
import { spawnServer, testDialogs, type ServerProcess } from './team-cluster';

export const PASSWORD = 'un mot de passe solide';
export const PHRASE = 'une phrase de passe du coffre';

export const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
};

export interface CoffreTeam {
  pool: pg.Pool;
  server: ServerProcess;
  work: string;
  coffreDir: string;
  vault: Vault;
  demo: Datastore;
  /** A confidential meeting of the demo that can still be written (with decisions), and a public one. */
  secret: Meeting;
  open: Meeting;
  /** A desktop connected as `email` (alice: coordinator; bruno: staff; chloé: staff, member of the cellule), to `url` (the server). */
  desktop(email: string, withCoffre: boolean, saved?: string[], url?: string): Promise<TeamClient>;
  meetingRow(id: string): Promise<Meeting>;
  entityRow<T>(collection: string, id: string): Promise<T>;
  auditCount(): Promise<number>;
  /** The coffre as a fresh process reads it from its file: only the passphrase opens it. */
  coffreFromFile(): Promise<ProtectedData>;
  close(): Promise<void>;
}

export async function startCoffreTeam(prefix: string): Promise<CoffreTeam> {
  process.env.CLSPD_TEST_FAST_KDF = '1';
  const work = mkdtempSync(join(tmpdir(), prefix));
  const db: TestDatabase = await createTestDatabase(process.env.CLSPD_TEST_DATABASE_URL!);
  const pool = new pg.Pool({ connectionString: db.url, max: 3 });
  await migrateDatabase(pool);
  const store = new TeamStore(pool);
  await store.load();
  // As `clspd server import` loads a folder: the confidential meetings' texts left out.
  const demo = withoutConfidentialTexts(buildDemoDatastore(new Date()));
  await store.write(async () => store.initialise(demo), { userId: 'setup', displayName: 'Installation' }, 'app:demo');
  await store.close();
  await addUser(pool, { email: 'alice@valmont.fr', displayName: 'Alice Martin', role: 'coordinator', password: PASSWORD });
  await addUser(pool, { email: 'bruno@valmont.fr', displayName: 'Bruno Leroy', role: 'staff', password: PASSWORD });
  const chloe = await addUser(pool, { email: 'chloe@valmont.fr', displayName: 'Chloé Dubois', role: 'staff', password: PASSWORD });
  const writable = (m: Meeting) => m.status !== 'validated' && m.agenda.some((i) => i.kind === 'item');
  const secret = demo.meetings.find((m) => m.confidentiality === 'confidential' && writable(m) && m.decisions.length > 0)!;
  const open = demo.meetings.find((m) => m.confidentiality === 'public' && writable(m))!;
  expect(secret && open).toBeTruthy();
  // Chloé signed the cellule's charter: she is named a member and sees its meetings.
  await setConfidentialMembers(pool, secret.instanceId, [chloe.account.id]);
  // The coordinator's computer: its own data folder with its coffre (the local protected store).
  const coffreDir = mkdtempSync(join(work, 'coffre-'));
  const vault = new Vault(coffreDir);
  await vault.create(PHRASE);
  if (vault.state !== 'unlocked') await vault.unlock(PHRASE);
  const server = await spawnServer(db.url);
  const clients: TeamClient[] = [];

  return {
    pool,
    server,
    work,
    coffreDir,
    vault,
    demo,
    secret,
    open,
    async desktop(email, withCoffre, saved = [], url = `http://127.0.0.1:${server.port}`) {
      const dir = mkdtempSync(join(work, 'desk-'));
      const client = new TeamClient({
        dir,
        local: async () => ({ ok: true, value: 'local' }),
        ...(withCoffre ? { vault: () => vault } : {}),
        keepDocument: keepGenerated,
        platform: testDialogs(dir, saved),
        heartbeatMs: 60_000,
        timeoutMs: 5_000,
      });
      clients.push(client);
      const step = value<TeamConnectStep>(await client.invoke('team:connect', { url, email, password: PASSWORD }));
      expect(step.step).toBe('connected');
      return client;
    },
    meetingRow: async (id) => (await pool.query<{ payload: Meeting }>("SELECT payload FROM entities WHERE collection = 'meetings' AND id = $1", [id])).rows[0]!.payload,
    entityRow: async <T>(collection: string, id: string) => (await pool.query<{ payload: T }>('SELECT payload FROM entities WHERE collection = $1 AND id = $2', [collection, id])).rows[0]!.payload,
    auditCount: async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM audit_log')).rows[0]!.n),
    async coffreFromFile() {
      const again = new Vault(coffreDir);
      await again.unlock(PHRASE);
      const data = again.read();
      again.lock();
      return data;
    },
    async close() {
      for (const c of clients) c.stop();
      server.kill();
      vault.lock();
      await pool.end();
      await db.drop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}
