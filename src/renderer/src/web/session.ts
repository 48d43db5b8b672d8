// The browser's team session: who is logged in, logging in and out, the one-time password change.
import { createContext, useContext } from 'react';
import type { Result } from '../../../shared/result';
import { team } from '../../../shared/i18n/team';
import { request, startSession, type SessionAccount } from './transport';

export interface WebSessionValue {
  account: SessionAccount;
  logout(): Promise<void>;
}

/** Provided by WebGate in a browser; null in the desktop app. */
export const WebSessionContext = createContext<WebSessionValue | null>(null);

export function useWebSession(): WebSessionValue | null {
  return useContext(WebSessionContext);
}

interface SessionBody {
  account: SessionAccount;
  csrf?: string;
  seq?: number;
}

/** The open session (cookie), if any. */
export async function currentSession(): Promise<SessionAccount | undefined> {
  const r = await request('GET', '/api/session');
  if (!r.ok) return undefined;
  const body = (await r.json()) as SessionBody;
  startSession(body.csrf ?? '', body.seq ?? 0);
  return body.account;
}

async function errorOf(r: Response): Promise<string> {
  try {
    const body = (await r.json()) as Result<never>;
    if (!body.ok) return body.error.message;
  } catch {
    // Not JSON: a proxy's page.
  }
  return team.web.unreachable;
}

export async function login(email: string, password: string): Promise<{ account?: SessionAccount; error?: string }> {
  let r: Response;
  try {
    r = await request('POST', '/api/session', { email, password, cookie: true });
  } catch {
    return { error: team.web.unreachable };
  }
  if (!r.ok) return { error: await errorOf(r) };
  const body = (await r.json()) as SessionBody;
  startSession(body.csrf ?? '', body.seq ?? 0);
  return { account: body.account };
}

export async function changePassword(password: string): Promise<string | undefined> {
  try {
    const r = await request('POST', '/api/session/password', { password });
    return r.ok ? undefined : await errorOf(r);
  } catch {
    return team.web.unreachable;
  }
}

export async function logout(): Promise<void> {
  await request('DELETE', '/api/session').catch(() => undefined);
  startSession('', 0);
}
