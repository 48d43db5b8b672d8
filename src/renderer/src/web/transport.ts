// HTTP transport of the browser client: same-origin JSON calls with the CSRF token, the last state seen, and session expiry.
import type { AppErrorInfo, Result } from '../../../shared/result';
import { team } from '../../../shared/i18n/team';
import { ShownRecords, VERSIONS_HEADER } from '../../../shared/shown-records';

/** What the server said about the data's freshness: the sequence number of its last commit. */
const SEQ_HEADER = 'X-Clspd-Seq';
const SEEN_HEADER = 'X-Clspd-Seen';
const CSRF_HEADER = 'X-Clspd-Csrf';
/** Present on the response of a request that committed a change. */
const WROTE_HEADER = 'X-Clspd-Wrote';

export interface SessionAccount {
  id: string;
  email: string;
  displayName: string;
  role: 'coordinator' | 'staff' | 'reader';
  mustChangePassword: boolean;
}

type Listener = () => void;

/**
 * Connection state shared by the api and the session screens. `seen` is the state the screens show: it only
 * moves forward when the screens are refreshed, so an edit made on stale data is caught by the server as a
 * conflict instead of silently overwriting a colleague's change.
 */
export const link = {
  csrf: '',
  /** Highest commit the browser knows of. */
  known: 0,
  /** Commit the displayed data reflects (sent with every request as X-Clspd-Seen). */
  seen: 0,
  expiredListeners: new Set<Listener>(),
  remoteListeners: new Set<Listener>(),
};

export function onExpired(l: Listener): () => void {
  link.expiredListeners.add(l);
  return () => link.expiredListeners.delete(l);
}

/** Someone else committed (learnt from a response or the periodic check). */
export function onRemoteChange(l: Listener): () => void {
  link.remoteListeners.add(l);
  return () => link.remoteListeners.delete(l);
}

export function startSession(csrf: string, seq: number): void {
  shownRecords.clear();
  link.csrf = csrf;
  link.known = seq;
  link.seen = seq;
}

const failure = (error: AppErrorInfo): Result<never> => ({ ok: false, error });

/** Records a commit number learnt from the server; `ownWrite`: the response of this browser's own write. */
export function learnSeq(seq: number, ownWrite: boolean): void {
  if (!Number.isFinite(seq) || seq <= link.known) return;
  const nobodyElse = ownWrite && seq === link.known + 1;
  link.known = seq;
  if (nobodyElse) link.seen = seq;
  else for (const l of link.remoteListeners) l();
}

/** The state in which each record was last shown here: an edit is checked per record (a colleague's change to it since is a conflict). */
export const shownRecords = new ShownRecords();

export async function request(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, extra: Record<string, string> = {}): Promise<Response> {
  const headers: Record<string, string> = { ...extra, [SEEN_HEADER]: String(link.seen) };
  if (method !== 'GET') headers[CSRF_HEADER] = link.csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return fetch(path, { method, headers, credentials: 'same-origin', cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body) });
}

/** The session ended (401): back to the login screen. */
export function notifyExpired(): void {
  for (const l of link.expiredListeners) l();
}

/** Learns the server's last commit from a response (and whether it was this browser's own write). */
export function learnFromResponse(r: Response): void {
  if (r.headers.has(SEQ_HEADER)) learnSeq(Number(r.headers.get(SEQ_HEADER)), r.headers.get(WROTE_HEADER) === '1');
}

/** Calls one contract channel: `POST /api/<domain>/<verb>` → its Result. Never throws. */
export async function invokeHttp(channel: string, input: unknown): Promise<Result<unknown>> {
  const [domain, verb] = channel.split(':');
  let r: Response;
  try {
    const versions = shownRecords.header(input);
    r = await request('POST', `/api/${domain}/${verb}`, input === undefined ? null : input, versions ? { [VERSIONS_HEADER]: versions } : {});
  } catch {
    return failure({ code: 'io', message: team.web.unreachable });
  }
  if (r.status === 401) {
    notifyExpired();
    return failure({ code: 'forbidden', message: team.web.expired });
  }
  let parsed: unknown;
  try {
    parsed = await r.json();
  } catch {
    return failure({ code: 'io', message: team.web.unreachable });
  }
  const result = parsed && typeof parsed === 'object' && 'ok' in parsed ? (parsed as Result<unknown>) : undefined;
  // What this answer shows (not an own write's answer): as of its state — but while a colleague's change waits to be
  // displayed (the screens are not refreshed under a form), a record already shown keeps the state it was shown in.
  const seq = Number(r.headers.get(SEQ_HEADER));
  if (result?.ok && r.headers.has(SEQ_HEADER) && r.headers.get(WROTE_HEADER) !== '1') shownRecords.record(result.value, seq, seq > link.seen);
  learnFromResponse(r);
  if (result) return result;
  return failure({ code: 'io', message: team.web.unreachable });
}
