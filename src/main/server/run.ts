// Starting a team server process: database pool and migrations, the in-memory document, LISTEN for the others' commits, HTTP.
import { existsSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { team } from '../../shared/i18n/team';
import { DomainError } from '../../shared/result';
import { migrateDatabase } from './db/migrations';
import { buildServer } from './http';
import { CHANGES_CHANNEL, TeamStore } from './team-store';

/** The database URL: `--database`, else CLSPD_DATABASE_URL (so no password appears on a command line). */
export function databaseUrl(flag: string | undefined): string {
  const url = flag ?? process.env.CLSPD_DATABASE_URL;
  if (!url) throw new DomainError('invalid_input', team.cli.noDatabase);
  if (!/^postgres(ql)?:\/\//.test(url)) throw new DomainError('invalid_input', team.cli.badDatabase);
  return url;
}

/** A pool on a migrated database (migrations applied under an advisory lock). */
export async function openDatabase(url: string, max = 10): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined);
  try {
    await migrateDatabase(pool);
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new DomainError('io', team.cli.databaseUnavailable((e as Error).message));
  }
  return pool;
}

export interface RunningServer {
  app: FastifyInstance;
  store: TeamStore;
  pool: pg.Pool;
  address: string;
  stop(): Promise<void>;
}

export async function startTeamServer(options: {
  url: string;
  host: string;
  port: number;
  rendererDir?: string;
  tlsCert?: string;
  tlsKey?: string;
  log?: (event: string, details: Record<string, unknown>) => void;
}): Promise<RunningServer> {
  const pool = await openDatabase(options.url);
  const store = new TeamStore(pool);
  await store.load();
  // Other processes' commits arrive as NOTIFY: catch up at once (and before every request anyway).
  const listener = new pg.Client({ connectionString: options.url });
  await listener.connect();
  listener.on('notification', (m) => void store.refresh(Number(m.payload)).catch(() => undefined));
  listener.on('error', () => undefined);
  await listener.query(`LISTEN ${CHANGES_CHANNEL}`);
  const https =
    options.tlsCert && options.tlsKey
      ? { cert: readFileSync(options.tlsCert), key: readFileSync(options.tlsKey) }
      : undefined;
  const rendererDir = options.rendererDir && existsSync(options.rendererDir) ? options.rendererDir : undefined;
  const app = await buildServer({ pool, store, rendererDir, https, log: options.log });
  const address = await app.listen({ host: options.host, port: options.port });
  return {
    app,
    store,
    pool,
    address,
    async stop() {
      await app.close();
      await listener.end().catch(() => undefined);
      await pool.end().catch(() => undefined);
      await store.close();
    },
  };
}
