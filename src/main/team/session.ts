// Opening a team session from the desktop: the address rules, the certificate to confirm or pin, and the login answer.
import type { TeamConnectStep, TeamStatus } from '../../shared/contract/team';
import { team } from '../../shared/i18n/team';
import { fail, ok, type Result } from '../../shared/result';
import { LoginSchema, parseResult } from './answers';
import type { TeamConfig, TeamConnection } from './config';
import type { NotesQueue } from './notes-queue';
import { isLoopback, probeCertificate, type HttpAnswer, type Pin } from './transport';

/**
 * HTTPS with the certificate already pinned, or just confirmed (`trust` equals what the server presents now): the
 * origin, and the certificate to remember if it is new. Otherwise the trust step to show, or a French refusal.
 */
export async function checkServer(
  input: { url: string; trust?: string },
  pins: Record<string, Pin>,
  timeoutMs: number,
): Promise<Result<TeamConnectStep> | { server: string; pin?: Pin }> {
  const url = new URL(input.url);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) return fail('invalid_input', team.desktop.errors.plainHttpRemote, 'url');
  const server = url.origin;
  if (url.protocol !== 'https:') return { server };
  const pinned = pins[server];
  let presented: Pin;
  try {
    presented = await probeCertificate(url, timeoutMs);
  } catch (e) {
    return fail('io', team.desktop.errors.unreachable(String((e as { code?: string }).code ?? (e as Error).message)));
  }
  if (pinned?.fingerprint === presented.fingerprint) return { server };
  if (input.trust !== presented.fingerprint) return ok({ step: 'trust', fingerprint: presented.fingerprint, changed: Boolean(pinned), ...(pinned ? { previous: pinned.fingerprint } : {}) });
  return { server, pin: presented };
}

/** The server's answer to POST /api/session: the connection to keep, and whether a new password must be chosen first. */
export function readLogin(r: HttpAnswer, server: string): Result<{ conn: TeamConnection; mustChange: boolean }> {
  if (r.status !== 200) {
    const refusal = parseResult(r.body);
    return refusal.ok ? fail('io', team.desktop.errors.badResponse) : refusal;
  }
  let login;
  try {
    login = LoginSchema.safeParse(JSON.parse(r.body.toString('utf8')));
  } catch {
    return fail('io', team.desktop.errors.badResponse);
  }
  if (!login.success) return fail('io', team.desktop.errors.badResponse);
  const a = login.data.account;
  return ok({ conn: { server, email: a.email, displayName: a.displayName, role: a.role, token: login.data.token }, mustChange: a.mustChangePassword });
}

/** Where the data comes from, for the title bar, the header and Paramètres. */
export function describeStatus(config: TeamConfig, state: NonNullable<TeamStatus['connection']>, offlineSince: string | undefined, queue: NotesQueue): TeamStatus {
  const c = config.connection;
  if (!c) return { mode: 'local', queuedNotes: 0, refusedNotes: [] };
  const pin = config.pins[new URL(c.server).origin];
  return {
    mode: 'team',
    connection: state,
    server: c.server,
    email: c.email,
    displayName: c.displayName,
    role: c.role,
    ...(pin ? { fingerprint: pin.fingerprint } : {}),
    ...(offlineSince ? { offlineSince } : {}),
    queuedNotes: queue.pending(c.server, c.email).length,
    refusedNotes: queue.refused(c.server, c.email).map((r) => ({ meetingId: r.meetingId, ...(r.agendaItemId ? { agendaItemId: r.agendaItemId } : {}), message: r.message })),
  };
}
