// Versioned SQL migrations of the team database, applied under a PostgreSQL advisory lock by every command that opens it.
import type pg from 'pg';
import { team } from '../../../shared/i18n/team';

/** Arbitrary 64-bit key for pg_advisory_lock: « CLSPD migrations ». */
const MIGRATION_LOCK_KEY = 7_351_110_402_731_001n;

export interface DbMigration {
  version: number;
  sql: string;
}

/** Append-only: never edit a migration that has shipped; add the next version instead. */
export const DB_MIGRATIONS: DbMigration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE meta (
        id int PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL,
        schema_version int NOT NULL
      );
      INSERT INTO meta (id, seq, schema_version) VALUES (1, 0, 0);
      -- One row per entity of the council's document; collection '_settings' holds the settings.
      CREATE TABLE entities (
        collection text NOT NULL,
        id text NOT NULL,
        payload jsonb NOT NULL,
        version int NOT NULL,
        seq bigint NOT NULL,
        created_seq bigint NOT NULL,
        -- Position within the creating transaction: keeps the document's order on loading.
        created_pos int NOT NULL,
        updated_by text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX entities_seq ON entities (seq);
      -- Deleted entities leave a tombstone so other processes learn the deletion.
      CREATE TABLE tombstones (
        collection text NOT NULL,
        id text NOT NULL,
        seq bigint NOT NULL,
        deleted_by text,
        deleted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX tombstones_seq ON tombstones (seq);
      -- Closed strategy periods (the local app's archive-<id>.json files).
      CREATE TABLE archives (
        file_name text PRIMARY KEY,
        payload jsonb NOT NULL,
        seq bigint NOT NULL
      );
      CREATE TABLE users (
        id text PRIMARY KEY,
        email text NOT NULL UNIQUE,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('coordinator', 'staff', 'reader')),
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT false,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      -- Accounts the coordinator names as members of a confidential instance (charter signed).
      CREATE TABLE confidential_members (
        instance_id text NOT NULL,
        user_id text NOT NULL REFERENCES users (id),
        PRIMARY KEY (instance_id, user_id)
      );
      -- Who changed what, never the content.
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id text,
        channel text NOT NULL,
        entity_ids text[] NOT NULL,
        seq bigint NOT NULL
      );
      CREATE INDEX audit_log_at ON audit_log (at);
    `,
  },
  {
    version: 2,
    sql: `
      -- Files produced by the server (PDF documents, exports), fetched by token from any server process;
      -- only the owner account gets them, and they go at expiry (exports: at their first download).
      CREATE TABLE downloads (
        token_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        file_name text NOT NULL,
        content_type text NOT NULL,
        bytes bytea NOT NULL,
        once boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX downloads_expires ON downloads (expires_at);
    `,
  },
  {
    version: 3,
    sql: `
      -- A file sent for an import, between its preview and « Appliquer » or « Abandonner »: any server process of the
      -- account reads it again from here. Removed once applied or abandoned, and at expiry.
      CREATE TABLE pending_imports (
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token text NOT NULL,
        kind text NOT NULL,
        file_name text NOT NULL,
        bytes bytea NOT NULL,
        mapping jsonb NOT NULL DEFAULT '{}',
        expected_pilot_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, token)
      );
      CREATE INDEX pending_imports_expires ON pending_imports (expires_at);
    `,
  },
];

/** Applies the missing migrations, one transaction each, under an advisory lock. Returns the versions applied. */
export async function migrateDatabase(pool: pg.Pool, migrations: DbMigration[] = DB_MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newest > known) {
      throw new Error(team.errors.newerDatabase(newest, known));
    }
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
        await client.query('COMMIT');
        applied.push(m.version);
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]).catch(() => undefined);
    client.release();
  }
  return applied;
}
