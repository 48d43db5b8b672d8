// Browser sessions of the team server: the session token in an HttpOnly, SameSite=Strict cookie, plus a CSRF token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_HOURS } from './accounts';

export const SESSION_COOKIE = 'clspd_session';
export const CSRF_HEADER = 'x-clspd-csrf';

/** Where the request's session token came from: bearer clients need no CSRF token, browsers do. */
export interface Credentials {
  token: string;
  via: 'bearer' | 'cookie';
}

const plausible = (t: string | undefined): t is string => typeof t === 'string' && t.length >= 20 && t.length <= 200;

export function credentialsOf(req: FastifyRequest): Credentials | undefined {
  const h = req.headers.authorization;
  if (h && h.startsWith('Bearer ')) {
    const t = h.slice(7).trim();
    return plausible(t) ? { token: t, via: 'bearer' } : undefined;
  }
  const c = req.cookies?.[SESSION_COOKIE];
  return plausible(c) ? { token: c, via: 'cookie' } : undefined;
}

/**
 * The CSRF token of a browser session: derived from the session token, which the page never sees (HttpOnly),
 * so another site can neither read nor compute it; every server process derives the same one.
 */
export function csrfToken(sessionToken: string): string {
  return createHash('sha256').update(`clspd-csrf:${sessionToken}`).digest('base64url');
}

/** Safe methods need no CSRF token; every other cookie-authenticated request must carry it. */
export function csrfValid(req: FastifyRequest, creds: Credentials): boolean {
  if (creds.via === 'bearer' || req.method === 'GET' || req.method === 'HEAD') return true;
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(csrfToken(creds.token));
  return a.length === b.length && timingSafeEqual(a, b);
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: SESSION_HOURS * 3600 });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}
