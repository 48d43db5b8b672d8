// Test helper: how many rows of every table of a team database mention a text (entities, audit log, sessions, archives…).
import type pg from 'pg';

/** Rows, across every table of the public schema, whose JSON form contains `text`; per table when some do. */
export async function rowsMentioning(pool: pg.Pool, text: string): Promise<{ total: number; tables: Record<string, number> }> {
  const names = await pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
  const tables: Record<string, number> = {};
  let total = 0;
  for (const { table_name } of names.rows) {
    const r = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${table_name.replace(/"/g, '""')}" x WHERE row_to_json(x)::text LIKE $1`, [`%${text}%`]);
    const n = Number(r.rows[0]!.n);
    if (n) tables[table_name] = n;
    total += n;
  }
  return { total, tables };
}
