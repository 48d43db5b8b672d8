// The team server's HTTP API (fastify): sessions, then every contract channel through the same invoker and services.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type pg from 'pg';
import { contract, type ChannelName } from '../../shared/contract';
import { AuditFilters } from '../../shared/contract/audit';
import { team } from '../../shared/i18n/team';
import { parseVersions, VERSIONS_HEADER } from '../../shared/shown-records';
import { formatDate, formatTime } from '../../shared/format';
import { DomainError, fail, ok, type Result } from '../../shared/result';
import type { GeneratedInfo } from '../../shared/contract/documents';
import { SECURITY_HEADERS } from '../app/csp';
import { createInvoker, handlers } from '../ipc/handlers';
import { createContext, type Platform } from '../services/context';
import { Trash } from '../services/trash';
import type { Account } from './accounts';
import { queryAudit } from './audit';
import { SessionCache } from './session-cache';
import { refusal, registerSessionRoutes } from './session-routes';
import { credentialsOf, csrfValid, type Credentials } from './web-session';
import { confidentialView, COORDINATOR_ONLY, DESKTOP_ONLY } from './access';
import { guardedRun, type GuardRefusal } from './confidential-guard';
import { HANDOVER_HEADER } from '../team/handover';
import { registerFileRoutes } from './files';
import { documentBytesAnswer, keepServerDocument, registerDownloadRoutes } from './downloads';
import { afterPendingImport, claimPendingImport, pendingToken, resumePendingImport } from './pending-imports';
import { isDocumentGeneration } from '../team/channels';
import type { TeamStore } from './team-store';

export interface ServerOptions {
  pool: pg.Pool;
  store: TeamStore;
  /** Built renderer (out/renderer) served to browsers at `/`; absent in API-only tests. */
  rendererDir?: string;
  now?: () => Date;
  /** Login attempts allowed per address and per account per minute. */
  loginLimitPerMinute?: number;
  https?: { cert: Buffer; key: Buffer };
  log?: (event: string, details: Record<string, unknown>) => void;
  /** Session lookups cache (one per process); built here when absent. */
  sessions?: SessionCache;
}

const SEEN_HEADER = 'x-clspd-seen';
const SEQ_HEADER = 'X-Clspd-Seq';
/** On the response of a request that committed: the browser knows the new state is its own. */
const WROTE_HEADER = 'X-Clspd-Wrote';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

declare module 'fastify' {
  interface FastifyRequest {
    account?: Account;
    credentials?: Credentials;
    allowed?: ReadonlySet<string>;
  }
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const now = opts.now ?? (() => new Date());
  const app = Fastify({ logger: false, bodyLimit: 20 * 1024 * 1024, trustProxy: false, ...(opts.https ? { https: opts.https } : {}) }) as unknown as FastifyInstance;
  await app.register(helmet, { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  await app.register(rateLimit, { global: false });
  await app.register(cookie);
  const perMinute = opts.loginLimitPerMinute ?? 10;
  const secure = Boolean(opts.https);
  const ownCache = !opts.sessions;
  const sessions = opts.sessions ?? new SessionCache(opts.pool);
  if (ownCache) {
    await sessions.listen();
    app.addHook('onClose', () => sessions.close());
  }

  // Empty bodies are allowed for channels without input; anything else must be JSON.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body).trim();
    if (text === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(new DomainError('invalid_input', team.errors.badBody), undefined);
    }
  });
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof DomainError) return refusal(reply, 400, err.code, err.message);
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) return refusal(reply, 429, 'forbidden', team.errors.tooManyAttempts);
    if (status >= 400 && status < 500) return refusal(reply, status, 'invalid_input', team.errors.badBody);
    opts.log?.('server.error', { message: (err as Error).message });
    return refusal(reply, 500, 'internal', team.errors.writeFailed('erreur interne'));
  });

  // ---- authentication before anything else under /api (except opening a session), then the CSRF token ----
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    if (req.url === '/api/session' && req.method === 'POST') return;
    const creds = credentialsOf(req);
    const session = creds ? await sessions.lookup(creds.token) : undefined;
    if (!creds || !session) return refusal(reply, 401, 'forbidden', team.errors.notLoggedIn);
    if (!csrfValid(req, creds)) return refusal(reply, 403, 'forbidden', team.errors.csrf);
    req.account = session.account;
    req.credentials = creds;
    req.allowed = session.allowed;
    if (session.account.mustChangePassword && !(req.url === '/api/session/password' || (req.url === '/api/session' && req.method !== 'POST'))) {
      return refusal(reply, 403, 'forbidden', team.errors.passwordChangeRequired);
    }
  });

  registerSessionRoutes(app, { pool: opts.pool, store: opts.store, sessions, perMinute, secure, now });

  // The audit log for scripts (the app uses the `audit:list` channel): same filters as query parameters.
  app.get<{ Querystring: Record<string, string> }>('/api/team/audit', async (req, reply) => {
    if (req.account?.role !== 'coordinator') return refusal(reply, 403, 'forbidden', team.errors.forbiddenRole);
    const q = req.query;
    const filters = AuditFilters.safeParse({
      ...(q.user ? { userId: q.user } : {}),
      ...(q.channel ? { channel: q.channel } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.before ? { before: Number(q.before) } : {}),
      ...(q.limit ? { limit: Number(q.limit) } : {}),
    });
    if (!filters.success) return refusal(reply, 400, 'invalid_input', team.audit.badFilters);
    return { ok: true, value: await queryAudit(opts.pool, filters.data) };
  });

  // ---- the contract ----
  const trashes = new Map<string, Trash>();
  const trashOf = (accountId: string): Trash => {
    let t = trashes.get(accountId);
    if (!t) trashes.set(accountId, (t = new Trash()));
    return t;
  };
  /** Runs one channel for the request's account; a refusal before the invoker is sent here and gives undefined. */
  const runChannel = async (req: FastifyRequest, reply: FastifyReply, name: string, body: unknown, platform: Platform = {}): Promise<Result<unknown> | undefined> => {
    const account = req.account!;
    if (!Object.prototype.hasOwnProperty.call(contract, name)) return void (await refusal(reply, 404, 'invalid_input', team.errors.unknownChannel));
    const channel = name as ChannelName;
    if (DESKTOP_ONLY.has(channel)) return void (await refusal(reply, 403, 'forbidden', team.errors.desktopOnly));
    if (COORDINATOR_ONLY.has(channel) && account.role !== 'coordinator') return void (await refusal(reply, 403, 'forbidden', team.errors.forbiddenRole));
    const payload = normalisePayload(channel, body);
    const seenHeader = req.headers[SEEN_HEADER];
    const seenSeq = typeof seenHeader === 'string' && /^\d{1,15}$/.test(seenHeader) ? Number(seenHeader) : undefined;
    const seenVersions = parseVersions(req.headers[VERSIONS_HEADER.toLowerCase()]);
    const view = confidentialView(account, req.allowed ?? new Set());
    const ctx = createContext(opts.store, platform, now);
    // One undo list per account in this process: « Annuler » and an import's preview then « Appliquer » span requests.
    ctx.trash = trashOf(account.id);
    ctx.team = { audit: (f) => queryAudit(opts.pool, f), mainFile: () => Buffer.from(JSON.stringify(opts.store.data)) };
    const invoke = createInvoker(ctx, handlers, (e) => opts.log?.('channel.error', { channel, message: (e as Error).message }));
    // An import previewed on any process of this account: its file is read again here if needed (pending-imports.ts).
    const importToken = pendingToken(channel, payload);
    if (importToken) await resumePendingImport(opts.pool, ctx, account.id, importToken);
    const writer = { userId: account.id, displayName: account.displayName };
    // Confidential meetings' texts: judged inside the request, on the state caught up with the other processes.
    let guard: GuardRefusal | undefined;
    const handover = typeof req.headers[HANDOVER_HEADER] === 'string' ? req.headers[HANDOVER_HEADER] : undefined;
    // The store may run the request again on a newer state: only the last run's refusal counts.
    const guarded = () => {
      guard = undefined;
      return guardedRun(opts.store, { account, channel, payload, handover }, () => invoke(channel, payload), (r) => (guard = r));
    };
    const out = await opts.store.read(guarded, writer, channel, {
      view,
      readOnly: account.role === 'reader',
      seenSeq,
      seenVersions,
      sideEffects: ctx.trash,
      isRefusal: (r) => !r.ok,
      onConflict: (c) => fail('conflict', team.errors.conflict(c.byName, whenFr(c.at), team.entity[c.collection] ?? team.unknownEntity, c.change)),
      // Applied once: the pending import is removed in the transaction that writes it, or the write is refused.
      ...(importToken && channel === 'sharing:applyImport' ? { alsoInTransaction: claimPendingImport(account.id, importToken) } : {}),
    });
    void reply.header(SEQ_HEADER, String(out.seq));
    if (out.changes.length) void reply.header(WROTE_HEADER, '1');
    if (out.wantedWrite) return void (await refusal(reply, 403, 'forbidden', team.errors.forbiddenRole));
    if (guard) return void (await refusal(reply, guard.status, guard.code, guard.message));
    if (importToken) await afterPendingImport(opts.pool, account.id, channel, payload, out.value);
    return out.value;
  };

  app.post<{ Params: { domain: string; verb: string } }>('/api/:domain/:verb', async (req, reply) => {
    const name = `${req.params.domain}:${req.params.verb}`;
    // Generated PDFs live in the database (any process serves them, to their owner only); GET /api/downloads/<token> too.
    if (name === 'documents:bytes') return reply.send(await documentBytesAnswer(opts.pool, req.account!.id, req.body));
    const value = await runChannel(req, reply, name, req.body);
    if (value === undefined) return reply;
    if (value.ok && isDocumentGeneration(name as ChannelName)) return reply.send(ok(await keepServerDocument(opts.pool, req.account!.id, value.value as GeneratedInfo)));
    return reply.send(value);
  });

  registerFileRoutes(app, runChannel, opts.pool);
  registerDownloadRoutes(app, opts.pool);

  // ---- the renderer, for colleagues working from a browser ----
  if (opts.rendererDir && existsSync(opts.rendererDir)) {
    const root = normalize(opts.rendererDir);
    app.get('/*', async (req, reply) => {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path === '/' ? 'index.html' : path));
      if (!file.startsWith(root + sep) && file !== root) return reply.code(404).send();
      if (!existsSync(file) || !extname(file)) file = join(root, 'index.html');
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) void reply.header(k, v);
      return reply.type(MIME[extname(file)] ?? 'application/octet-stream').send(readFileSync(file));
    });
  }
  return app;
}

/** « 14 h 32 le 7 décembre 2026 », in the server's time zone. */
function whenFr(d: Date): string {
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString();
  return `${formatTime(local.slice(11, 16))} le ${formatDate(local.slice(0, 10))}`;
}

/** A channel without input accepts an empty body, `null` or `{}`. */
function normalisePayload(channel: ChannelName, body: unknown): unknown {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) {
    const schema = contract[channel].input;
    if (!schema.safeParse(body).success && schema.safeParse(undefined).success) return undefined;
  }
  return body;
}
