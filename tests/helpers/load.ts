// Load generator for the team server: simulated users on several server processes, mixed reads and writes, then a lost-update check in the database.
import type pg from 'pg';
import { callHttp } from './team-cluster';

export interface LoadOptions {
  ports: number[];
  /** One session token per simulated user (opened in the database: 50 logins from one address would hit the login limit). */
  tokens: string[];
  durationMs: number;
  /** Share of writes among requests (default 0.5). */
  writeShare?: number;
  /** An organisation category for the partners each user creates for itself. */
  categoryId: string;
  /** Read targets: action ids to open. */
  actionIds: string[];
}

export interface LoadReport {
  requests: number;
  writes: number;
  errors: string[];
  latencies: number[];
  durationMs: number;
  p95: number;
  median: number;
  writesPerSecond: number;
  /** Acknowledged writes checked in the database: partners' last notes, and every created contact. */
  acknowledged: { notes: Map<string, string>; people: Set<string> };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function runLoad(o: LoadOptions): Promise<LoadReport> {
  const writeShare = o.writeShare ?? 0.5;
  const errors: string[] = [];
  const latencies: number[] = [];
  const notes = new Map<string, string>();
  const people = new Set<string>();
  let requests = 0;
  let writes = 0;
  // Each user logs in on one of the processes and creates its own partner (not timed).
  const users = await Promise.all(
    o.tokens.map(async (token, i) => {
      const port = o.ports[i % o.ports.length]!;
      const created = await callHttp(port, token, 'partners:create', { name: `Structure de charge ${i}`, categoryId: o.categoryId });
      if (!created.ok) throw new Error(`création impossible : ${JSON.stringify(created.error)}`);
      return { i, port, token, orgId: (created.value as { id: string }).id };
    }),
  );
  const started = Date.now();
  const deadline = started + o.durationMs;
  await Promise.all(
    users.map(async (u) => {
      let k = 0;
      while (Date.now() < deadline) {
        k++;
        const write = Math.random() < writeShare;
        let channel: string;
        let payload: unknown;
        let ack: (() => void) | undefined;
        if (write && k % 2 === 0) {
          const value = `u${u.i}-w${k}`;
          channel = 'partners:update';
          payload = { id: u.orgId, patch: { notes: value } };
          ack = () => notes.set(u.orgId, value);
        } else if (write) {
          const name = `Charge${u.i}x${k}`;
          channel = 'people:create';
          payload = { organisationId: u.orgId, civility: '', firstName: 'Contact', lastName: name };
          ack = () => people.add(name);
        } else if (k % 3 === 0) {
          channel = 'partners:get';
          payload = { id: u.orgId };
        } else {
          channel = 'actions:get';
          payload = { id: o.actionIds[(u.i * 7919 + k) % o.actionIds.length] };
        }
        const t0 = performance.now();
        try {
          const r = await callHttp(u.port, u.token, channel, payload);
          latencies.push(performance.now() - t0);
          requests++;
          if (!r.ok) errors.push(`${channel}: ${r.error?.code} ${r.error?.message}`);
          else if (ack) {
            writes++;
            ack();
          }
        } catch (e) {
          latencies.push(performance.now() - t0);
          requests++;
          errors.push(`${channel}: ${(e as Error).message}`);
        }
      }
    }),
  );
  const durationMs = Date.now() - started;
  const sorted = latencies.slice().sort((a, b) => a - b);
  return {
    requests,
    writes,
    errors,
    latencies,
    durationMs,
    p95: percentile(sorted, 95),
    median: percentile(sorted, 50),
    writesPerSecond: writes / (durationMs / 1000),
    acknowledged: { notes, people },
  };
}

/** Every acknowledged write is in the database: each partner's last acknowledged notes, each created contact. Returns what is missing. */
export async function lostUpdates(pool: pg.Pool, report: LoadReport): Promise<string[]> {
  const missing: string[] = [];
  const orgs = await pool.query<{ id: string; notes: string | null }>(
    "SELECT id, payload->>'notes' AS notes FROM entities WHERE collection = 'organisations' AND id = ANY($1::text[])",
    [[...report.acknowledged.notes.keys()]],
  );
  const byId = new Map(orgs.rows.map((r) => [r.id, r.notes]));
  for (const [id, value] of report.acknowledged.notes) if (byId.get(id) !== value) missing.push(`${id}: ${value} ≠ ${byId.get(id)}`);
  const names = await pool.query<{ name: string }>("SELECT payload->>'lastName' AS name FROM entities WHERE collection = 'people' AND payload->>'lastName' LIKE 'Charge%'");
  const inDb = new Set(names.rows.map((r) => r.name));
  for (const n of report.acknowledged.people) if (!inDb.has(n)) missing.push(`contact ${n}`);
  return missing;
}
