// Team accounts: scrypt password hashes, roles, expiring sessions (only token hashes stored), confidential membership.
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type pg from 'pg';
import { newId } from '../../shared/ids';
import { team } from '../../shared/i18n/team';
import { DomainError } from '../../shared/result';
import { MIN_PASSWORD_LENGTH } from '../../shared/team-session';

export const ROLES = ['coordinator', 'staff', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export interface Account {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
  disabled: boolean;
}

/** Session lifetime: a working day. */
export const SESSION_HOURS = 12;
export { MIN_PASSWORD_LENGTH };

// scrypt cost: N = 2^15 (~32 MiB, ~80 ms here). Lowered only by the test suite, never by a command-line flag.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const testCost = () => (process.env.VITEST && process.env.CLSPD_TEST_FAST_KDF === '1' ? { N: 2 ** 10, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } : SCRYPT);

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCb(password.normalize('NFC'), salt, keylen, opts, (e, k) => (e ? reject(e) : resolve(k))));
}

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const c = testCost();
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, c);
  return ['scrypt', c.N, c.r, c.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A password shown once to the coordinator; the user must change it at first login. */
export function oneTimePassword(): string {
  return randomBytes(12).toString('base64url');
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  must_change_password: boolean;
  disabled: boolean;
  password_hash: string;
}

const toAccount = (r: UserRow): Account => ({
  id: r.id,
  email: r.email,
  displayName: r.display_name,
  role: r.role,
  mustChangePassword: r.must_change_password,
  disabled: r.disabled,
});

export function assertPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new DomainError('invalid_input', team.errors.passwordTooShort, 'password');
}

export async function addUser(
  pool: pg.Pool,
  input: { email: string; displayName: string; role: Role; password?: string },
): Promise<{ account: Account; oneTimePassword?: string }> {
  const email = input.email.trim().toLowerCase();
  const existing = await pool.query('SELECT 1 FROM users WHERE email = $1', [email]);
  if (existing.rowCount) throw new DomainError('conflict', team.accounts.exists(email), 'email');
  const otp = input.password === undefined ? oneTimePassword() : undefined;
  const password = input.password ?? otp!;
  if (input.password !== undefined) assertPassword(password);
  const r = await pool.query<UserRow>(
    'INSERT INTO users (id, email, display_name, role, password_hash, must_change_password) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
    [newId('usr'), email, input.displayName.trim() || email, input.role, await hashPassword(password), otp !== undefined],
  );
  return { account: toAccount(r.rows[0]!), ...(otp ? { oneTimePassword: otp } : {}) };
}

export async function listUsers(pool: pg.Pool): Promise<Account[]> {
  return (await pool.query<UserRow>('SELECT * FROM users ORDER BY email')).rows.map(toAccount);
}

export async function findUser(pool: pg.Pool, email: string): Promise<Account | undefined> {
  const r = await pool.query<UserRow>('SELECT * FROM users WHERE email = $1', [email.trim().toLowerCase()]);
  return r.rows[0] ? toAccount(r.rows[0]) : undefined;
}

export async function setDisabled(pool: pg.Pool, email: string, disabled: boolean): Promise<Account> {
  const r = await pool.query<UserRow>('UPDATE users SET disabled = $2 WHERE email = $1 RETURNING *', [email.trim().toLowerCase(), disabled]);
  if (!r.rows[0]) throw new DomainError('not_found', team.accounts.unknown(email), 'email');
  if (disabled) await pool.query('DELETE FROM sessions WHERE user_id = $1', [r.rows[0].id]);
  await accountChanged(pool, r.rows[0].id);
  return toAccount(r.rows[0]);
}

/** New password (or a one-time one the user must change); every open session of the account ends. */
export async function resetPassword(pool: pg.Pool, email: string, password?: string): Promise<{ account: Account; oneTimePassword?: string }> {
  const otp = password === undefined ? oneTimePassword() : undefined;
  if (password !== undefined) assertPassword(password);
  const r = await pool.query<UserRow>('UPDATE users SET password_hash = $2, must_change_password = $3 WHERE email = $1 RETURNING *', [
    email.trim().toLowerCase(),
    await hashPassword(password ?? otp!),
    otp !== undefined,
  ]);
  if (!r.rows[0]) throw new DomainError('not_found', team.accounts.unknown(email), 'email');
  await pool.query('DELETE FROM sessions WHERE user_id = $1', [r.rows[0].id]);
  await accountChanged(pool, r.rows[0].id);
  return { account: toAccount(r.rows[0]), ...(otp ? { oneTimePassword: otp } : {}) };
}

/** Checks the password; returns a new session token (only its hash is stored). */
export async function login(pool: pg.Pool, email: string, password: string): Promise<{ token: string; account: Account }> {
  const r = await pool.query<UserRow>('SELECT * FROM users WHERE email = $1', [email.trim().toLowerCase()]);
  const row = r.rows[0];
  // Same work whether or not the account exists, so timing does not reveal it.
  const ok = await verifyPassword(password, row?.password_hash ?? (await hashPassword('compte-inexistant')));
  if (!row || !ok) throw new DomainError('forbidden', team.errors.loginFailed);
  if (row.disabled) throw new DomainError('forbidden', team.errors.accountDisabled);
  const token = randomBytes(32).toString('base64url');
  await pool.query(`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '${SESSION_HOURS} hours')`, [tokenHash(token), row.id]);
  await pool.query('DELETE FROM sessions WHERE expires_at < now()');
  return { token, account: toAccount(row) };
}

/** An open session: its account, when it ends, and the confidential instances the account is named in. */
export interface SessionInfo {
  account: Account;
  expiresAt: number;
  allowed: ReadonlySet<string>;
}

/**
 * The session behind a token (bearer or cookie), in one query: undefined when the token is unknown, expired or
 * the account disabled.
 */
export async function authenticate(pool: pg.Pool, token: string): Promise<SessionInfo | undefined> {
  const r = await pool.query<UserRow & { expires_at: Date; allowed: string[] }>(
    `SELECT u.*, s.expires_at,
            ARRAY(SELECT c.instance_id FROM confidential_members c WHERE c.user_id = u.id) AS allowed
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [tokenHash(token)],
  );
  const row = r.rows[0];
  return row ? { account: toAccount(row), expiresAt: row.expires_at.getTime(), allowed: new Set(row.allowed) } : undefined;
}

/** Channel of the NOTIFY sent when an account's sessions or rights change (payload: the account id, or '*'). */
export const ACCOUNTS_CHANNEL = 'clspd_accounts';

async function accountChanged(q: pg.Pool | pg.PoolClient, userId: string): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [ACCOUNTS_CHANNEL, userId]);
}

export async function logout(pool: pg.Pool, token: string): Promise<void> {
  const r = await pool.query<{ user_id: string }>('DELETE FROM sessions WHERE token_hash = $1 RETURNING user_id', [tokenHash(token)]);
  if (r.rows[0]) await accountChanged(pool, r.rows[0].user_id);
}

export async function changeOwnPassword(pool: pg.Pool, userId: string, password: string): Promise<void> {
  assertPassword(password);
  await pool.query('UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1', [userId, await hashPassword(password)]);
  await accountChanged(pool, userId);
}

export async function setConfidentialMembers(pool: pg.Pool, instanceId: string, userIds: string[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM confidential_members WHERE instance_id = $1', [instanceId]);
    if (userIds.length) {
      await client.query('INSERT INTO confidential_members (instance_id, user_id) SELECT $1, unnest($2::text[])', [instanceId, userIds]);
    }
    await accountChanged(client, '*');
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
