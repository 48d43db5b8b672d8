// A migrated team database holding the demo council, for the team-mode tests: the store stays open when asked (in-process servers).
import pg from 'pg';
import { migrateDatabase } from '../../src/main/server/db/migrations';
import { TeamStore } from '../../src/main/server/team-store';
import { buildDemoDatastore } from '../../src/main/services/demo';
import type { Datastore } from '../../src/shared/model';
import { createTestDatabase, type TestDatabase } from './pg';

export interface DemoDatabase {
  db: TestDatabase;
  pool: pg.Pool;
  demo: Datastore;
  /** Open when `keepStore` was asked (closed otherwise). */
  store: TeamStore;
}

export async function createDemoDatabase(now: Date, options: { keepStore?: boolean; poolSize?: number } = {}): Promise<DemoDatabase> {
  const db = await createTestDatabase(process.env.CLSPD_TEST_DATABASE_URL!);
  const pool = new pg.Pool({ connectionString: db.url, max: options.poolSize ?? 4 });
  await migrateDatabase(pool);
  const store = new TeamStore(pool);
  await store.load();
  const demo = buildDemoDatastore(now);
  await store.write(async () => store.initialise(demo), { userId: 'setup', displayName: 'Installation' }, 'app:demo');
  if (!options.keepStore) await store.close();
  return { db, pool, demo, store };
}
