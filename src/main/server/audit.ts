// Reading the team server's audit log: filtered by person, channel and days, newest first, one page at a time.
import type pg from 'pg';
import type { AuditEntry, AuditFilters, AuditPage } from '../../shared/contract/audit';
import { team } from '../../shared/i18n/team';

const PAGE = 50;

export async function queryAudit(pool: pg.Pool, f: AuditFilters): Promise<AuditPage> {
  const where: string[] = [];
  const args: unknown[] = [];
  const arg = (v: unknown) => {
    args.push(v);
    return `$${args.length}`;
  };
  if (f.userId) where.push(`a.user_id = ${arg(f.userId)}`);
  if (f.channel) where.push(`a.channel = ${arg(f.channel)}`);
  if (f.from) where.push(`a.at >= ${arg(f.from)}::date`);
  if (f.to) where.push(`a.at < ${arg(f.to)}::date + 1`);
  if (f.before) where.push(`a.id < ${arg(f.before)}`);
  const limit = f.limit ?? PAGE;
  const rows = await pool.query<{ id: string; at: Date; user_id: string | null; display_name: string | null; channel: string; entity_ids: string[] }>(
    `SELECT a.id, a.at, a.user_id, u.display_name, a.channel, a.entity_ids
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.id DESC LIMIT ${arg(limit + 1)}`,
    args,
  );
  const entries: AuditEntry[] = rows.rows.slice(0, limit).map((r) => ({
    id: Number(r.id),
    at: r.at.toISOString(),
    userId: r.user_id,
    who: r.display_name ?? team.unknownUser,
    channel: r.channel,
    entities: r.entity_ids,
  }));
  const [people, channels] = await Promise.all([
    pool.query<{ id: string; display_name: string }>('SELECT id, display_name FROM users ORDER BY display_name'),
    pool.query<{ channel: string }>('SELECT DISTINCT channel FROM audit_log ORDER BY channel'),
  ]);
  return {
    entries,
    ...(rows.rows.length > limit ? { next: entries[entries.length - 1]!.id } : {}),
    people: people.rows.map((p) => ({ id: p.id, name: p.display_name })),
    channels: channels.rows.map((c) => c.channel),
  };
}
