// The team server's session endpoints: log in (bearer token or browser cookie + CSRF token), who am I, password, log out.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type pg from 'pg';
import { team } from '../../shared/i18n/team';
import { DomainError, type Result } from '../../shared/result';
import { LoginBody, PasswordBody } from '../../shared/team-session';
import { changeOwnPassword, login, logout } from './accounts';
import type { SessionCache } from './session-cache';
import type { TeamStore } from './team-store';
import { clearSessionCookie, csrfToken, setSessionCookie } from './web-session';


export function refusal(reply: FastifyReply, status: number, code: Extract<Result<never>, { ok: false }>['error']['code'], message: string) {
  return reply.code(status).send({ ok: false, error: { code, message } });
}

/** Failed logins per account, in this process (the per-address limit is the rate-limit plugin's). */
class AccountThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(private readonly perMinute: number) {}
  blocked(email: string, now: number): boolean {
    const list = (this.failures.get(email) ?? []).filter((t) => now - t < 60_000);
    this.failures.set(email, list);
    return list.length >= this.perMinute;
  }
  fail(email: string, now: number): void {
    const list = this.failures.get(email) ?? [];
    list.push(now);
    this.failures.set(email, list);
  }
  reset(email: string): void {
    this.failures.delete(email);
  }
}

export function registerSessionRoutes(
  app: FastifyInstance,
  o: { pool: pg.Pool; store: TeamStore; sessions: SessionCache; perMinute: number; secure: boolean; now: () => Date },
): void {
  const throttle = new AccountThrottle(o.perMinute);

  app.post('/api/session', { config: { rateLimit: { max: o.perMinute, timeWindow: 60_000 } } }, async (req, reply) => {
    const body = LoginBody.safeParse(req.body);
    if (!body.success) return refusal(reply, 400, 'invalid_input', team.errors.loginFailed);
    const email = body.data.email.trim().toLowerCase();
    const t = o.now().getTime();
    if (throttle.blocked(email, t)) return refusal(reply, 429, 'forbidden', team.errors.tooManyAttempts);
    try {
      const s = await login(o.pool, email, body.data.password);
      throttle.reset(email);
      if (!body.data.cookie) return reply.send({ token: s.token, account: s.account });
      setSessionCookie(reply, s.token, o.secure);
      return reply.send({ account: s.account, csrf: csrfToken(s.token), seq: o.store.currentSeq });
    } catch (e) {
      throttle.fail(email, t);
      if (e instanceof DomainError) return refusal(reply, 401, 'forbidden', e.message);
      throw e;
    }
  });

  app.get('/api/session', async (req) => ({
    account: req.account,
    seq: o.store.currentSeq,
    ...(req.credentials?.via === 'cookie' ? { csrf: csrfToken(req.credentials.token) } : {}),
  }));

  app.delete('/api/session', async (req, reply) => {
    if (req.credentials) {
      await logout(o.pool, req.credentials.token);
      o.sessions.forget(req.account!.id);
    }
    if (req.credentials?.via === 'cookie') clearSessionCookie(reply, o.secure);
    return reply.code(204).send();
  });

  app.post('/api/session/password', async (req, reply) => {
    const body = PasswordBody.safeParse(req.body);
    if (!body.success || !req.account) return refusal(reply, 400, 'invalid_input', body.error?.issues[0]?.message ?? team.errors.passwordTooShort);
    await changeOwnPassword(o.pool, req.account.id, body.data.password);
    o.sessions.forget(req.account.id);
    return reply.send({ ok: true, value: null });
  });
}
