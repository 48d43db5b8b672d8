// Browser E2E of team mode: a real `clspd serve` on a throwaway PostgreSQL holding the demo council, its accounts, and logging in from a browser.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import pg from 'pg';
import { addUser } from '../../../src/main/server/accounts';
import { migrateDatabase } from '../../../src/main/server/db/migrations';
import { TeamStore } from '../../../src/main/server/team-store';
import { buildDemoDatastore } from '../../../src/main/services/demo';
import type { Datastore } from '../../../src/shared/model';
import { createTestDatabase, startCluster, type TestCluster, type TestDatabase } from '../../helpers/pg';
import { freePort, startClspdServe } from '../../helpers/team-cluster';

export const ROOT = join(__dirname, '..', '..', '..');
export const PASSWORD = 'mot de passe de l’équipe';

export interface TeamAccount {
  email: string;
  displayName: string;
  role: 'coordinator' | 'staff' | 'reader';
  /** No password: a one-time password is made (returned in `oneTimePasswords`). */
  oneTime?: boolean;
}

export interface TeamServer {
  base: string;
  pool: pg.Pool;
  demo: Datastore;
  oneTimePasswords: Record<string, string>;
  stop(): Promise<void>;
}

/** Starts PostgreSQL (or uses CLSPD_TEST_DATABASE_URL), loads the demo council, adds the accounts, starts `clspd serve`. */
export async function startTeamServer(accounts: TeamAccount[]): Promise<TeamServer> {
  const cluster: TestCluster | undefined = process.env.CLSPD_TEST_DATABASE_URL ? undefined : await startCluster();
  const db: TestDatabase = await createTestDatabase(process.env.CLSPD_TEST_DATABASE_URL ?? cluster!.url);
  const pool = new pg.Pool({ connectionString: db.url, max: 3 });
  await migrateDatabase(pool);
  const store = new TeamStore(pool);
  await store.load();
  const demo = buildDemoDatastore(new Date());
  await store.write(async () => store.initialise(demo), { userId: 'setup', displayName: 'Installation' }, 'app:demo');
  await store.close();
  const oneTimePasswords: Record<string, string> = {};
  for (const a of accounts) {
    const added = await addUser(pool, { email: a.email, displayName: a.displayName, role: a.role, ...(a.oneTime ? {} : { password: PASSWORD }) });
    if (a.oneTime) oneTimePasswords[a.email] = added.oneTimePassword!;
  }
  const port = await freePort();
  const server: ChildProcess = (await startClspdServe([join(ROOT, 'bin', 'clspd.js'), 'serve', '--listen', `127.0.0.1:${port}`], { CLSPD_DATABASE_URL: db.url })).child;
  return {
    base: `http://127.0.0.1:${port}`,
    pool,
    demo,
    oneTimePasswords,
    async stop() {
      server.kill('SIGTERM');
      await pool.end();
      await db.drop().catch(() => undefined);
      cluster?.stop();
    },
  };
}

/** A new browser context on the server, logged in with the login screen. */
export async function loginAs(browser: Browser, base: string, email: string, password = PASSWORD, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, ...(viewport ? { viewport } : {}) });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByLabel(/^Adresse électronique/).fill(email);
  await page.getByLabel(/^Mot de passe/).fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  return page;
}
