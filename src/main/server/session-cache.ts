// A short-lived, per-process cache of session lookups, dropped at once when an account's sessions or rights change.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { ACCOUNTS_CHANNEL, authenticate, type SessionInfo } from './accounts';

/** How long a lookup is trusted without asking the database again; changes announced by NOTIFY end it sooner. */
export const SESSION_CACHE_MS = 5_000;

interface Entry {
  info: SessionInfo;
  until: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private listener: pg.PoolClient | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly clock: () => number = Date.now,
    private readonly ttlMs = SESSION_CACHE_MS,
  ) {}

  /**
   * Listens for account changes made by any process (logout, disable, password reset, confidential members).
   * Without it (a listener that could not start), the TTL alone bounds how long a change takes to apply.
   */
  async listen(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (n) => {
      if (n.channel === ACCOUNTS_CHANNEL) this.forget(n.payload ?? '*');
    });
    client.on('error', () => this.entries.clear());
    await client.query(`LISTEN ${ACCOUNTS_CHANNEL}`);
    this.listener = client;
  }

  async lookup(token: string): Promise<SessionInfo | undefined> {
    const key = createHash('sha256').update(token).digest('base64url');
    const now = this.clock();
    const hit = this.entries.get(key);
    if (hit && hit.until > now && hit.info.expiresAt > now) return hit.info;
    this.entries.delete(key);
    const info = await authenticate(this.pool, token);
    if (!info) return undefined;
    if (this.entries.size > 5_000) this.entries.clear();
    this.entries.set(key, { info, until: now + this.ttlMs });
    return info;
  }

  /** Drops the cached sessions of one account ('*': of every account). */
  forget(userId: string): void {
    if (userId === '*') return this.entries.clear();
    for (const [k, e] of this.entries) if (e.info.account.id === userId) this.entries.delete(k);
  }

  async close(): Promise<void> {
    if (!this.listener) return;
    await this.listener.query(`UNLISTEN ${ACCOUNTS_CHANNEL}`).catch(() => undefined);
    this.listener.release();
    this.listener = undefined;
  }
}
