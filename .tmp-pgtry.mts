import { startCluster, createTestDatabase } from '/work/wt-team/tests/helpers/pg.ts';
import pg from 'pg';
const t0 = Date.now();
const c = await startCluster();
console.log('started', c.url, Date.now() - t0);
const db = await createTestDatabase(c.url);
const cl = new pg.Client({ connectionString: db.url }); await cl.connect();
console.log((await cl.query('select version()')).rows[0]); await cl.end();
await db.drop(); c.stop(); console.log('ok', Date.now() - t0);
