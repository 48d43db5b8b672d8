// The desktop's team client: forwards every channel to the team server (bearer token, X-Clspd-Seen, pinned certificate),
// answers reads from the last state while offline, refuses edits then, and queues séance notes durably until it returns.
// Confidential meetings' texts never go to the server: on the coordinator's desktop they go to its coffre (confidential-route.ts).
//
// Offline reads come from the last answer per channel and input (not a snapshot of the document): the server computes
// every answer with the services on the account's own view of the data (confidential instances left out), so repeating
// what the server said is the only way to show exactly what this person may see, without a second copy of the rules
// here. It is kept in memory only, so the team's data is not copied to this computer's disk; a page never opened since
// the connection is not available offline, and a restart while offline starts with nothing to show.
import { contract, type ChannelName } from '../../shared/contract';
import type { GeneratedInfo } from '../../shared/contract/documents';
import type { MeetingDetail } from '../../shared/contract/meetings';
import type { TeamConnectStep, TeamStatus } from '../../shared/contract/team';
import { team } from '../../shared/i18n/team';
import { ShownRecords, VERSIONS_HEADER } from '../../shared/shown-records';
import { fail, ok, type Result } from '../../shared/result';
import { describeIssues } from '../../shared/validation';
import type { Invoke } from '../ipc/handlers';
import { LastState, offlineAnswer, parseResult, withQueuedNotes } from './answers';
import { isDocumentGeneration, isFileChannel, READ_CHANNELS, staysLocal } from './channels';
import { readConfig, writeConfig, type TeamConfig, type TeamConnection } from './config';
import { ServerLink, Unreachable, type Method } from './link';
import { NotesQueue } from './notes-queue';
import { NotesSender } from './notes-sender';
import { checkServer, describeStatus, readLogin } from './session';
import type { HttpAnswer } from './transport';
import { FileTransfers, type FilePlatform, type KeepDocument } from './files';
import { coffreRoute, type ConfidentialRoute, isConfidentialRefusal } from './confidential-route';
import type { ProtectedAccess } from '../vault/types';

export interface TeamClientOptions {
  /** This installation's own folder (userData/team): connection settings, pinned certificates, queued notes. */
  dir: string;
  /** The local invoker: the local file, the protected store, the documents' temporary folder. */
  local: Invoke;
  /** This computer's coffre: on the coordinator's desktop, where confidential meetings' texts are kept. */
  vault?: () => ProtectedAccess | undefined;
  /** Keeps a downloaded document under a local token (the documents service's keepGenerated). */
  keepDocument(doc: Parameters<KeepDocument>[0]): GeneratedInfo;
  /** Save and open dialogs of this computer, for exports produced by the server and files sent to it. */
  platform?: FilePlatform;
  now?: () => Date;
  timeoutMs?: number;
  /** How often the connection is checked while nothing else is sent. */
  heartbeatMs?: number;
  onChange?(status: TeamStatus): void;
}

type State = NonNullable<TeamStatus['connection']>;

export class TeamClient {
  private config: TeamConfig;
  private state: State = 'online';
  private offlineSince?: string;
  private seen?: number;
  private readonly shownRecords = new ShownRecords();
  private pending?: TeamConnection & { mustChange: true };
  private heartbeat?: ReturnType<typeof setInterval>;
  private readonly last = new LastState();
  private readonly queue: NotesQueue;
  private readonly files: FileTransfers;
  private readonly link: ServerLink;
  private readonly notes: NotesSender;
  private readonly coffre: ConfidentialRoute;
  private readonly now: () => Date;

  constructor(private readonly options: TeamClientOptions) {
    this.config = readConfig(options.dir);
    this.queue = new NotesQueue(options.dir);
    this.now = options.now ?? (() => new Date());
    this.link = new ServerLink(
      () => this.config.pins,
      (server, certificate) => {
        if (this.config.connection?.server === server) this.setState(certificate ? 'certificate' : 'offline');
      },
      options.timeoutMs ?? 10_000,
    );
    this.notes = new NotesSender({
      queue: this.queue,
      now: this.now,
      connection: () => this.config.connection,
      online: () => this.state === 'online',
      post: (conn, path, body) => this.link.request(conn.server, 'POST', path, body, conn.token),
      expired: () => this.setState('expired'),
      changed: () => this.changed(),
    });
    this.files = new FileTransfers(options.platform, (method, path, body) => this.toServer(method, path, body));
    this.coffre = coffreRoute({
      vault: () => options.vault?.(),
      now: this.now,
      keepDocument: (doc) => options.keepDocument(doc),
      isCoordinator: () => this.config.connection?.role === 'coordinator',
      shownDetail: (id) => this.last.get('meetings:get', { id })?.value as MeetingDetail | undefined,
      forward: (channel, payload, headers) => {
        const conn = this.config.connection;
        return conn ? this.forward(conn, channel, payload, headers) : Promise.resolve(fail('io', team.desktop.errors.notConnected));
      },
    });
  }

  /** The invoker the preload reaches: the same interface as the local one. */
  readonly invoke: Invoke = async (channel, payload) => {
    if (channel === 'team:status') return ok(this.status());
    if (channel === 'team:connect' || channel === 'team:setPassword' || channel === 'team:disconnect') return this.session(channel, payload);
    const conn = this.config.connection;
    if (!conn || !Object.prototype.hasOwnProperty.call(contract, channel) || staysLocal(channel as ChannelName)) return this.options.local(channel, payload);
    // A confidential meeting's texts never go to the server: to this computer's coffre (coordinator), or refused.
    const routed = await this.coffre.handle(channel, payload);
    if (routed) return routed;
    const result = channel === 'meetings:saveNotes' ? await this.notes.save(conn, payload) : await this.forward(conn, channel as ChannelName, payload);
    // The meeting became confidential since it was shown here: the server refused the text; to the coffre, then.
    const again = isConfidentialRefusal(result) ? await this.coffre.route(channel, payload, true) : undefined;
    return again ?? (result.ok ? ok(await this.coffre.settle(channel, payload, result.value)) : result);
  };

  status(): TeamStatus {
    return describeStatus(this.config, this.state, this.offlineSince, this.queue);
  }

  /** Starts the periodic check (a lost connection is noticed without waiting for the next edit). */
  start(): void {
    this.stop();
    if (!this.config.connection) return;
    this.heartbeat = setInterval(() => void this.checkConnection(), this.options.heartbeatMs ?? 3_000);
    this.heartbeat.unref?.();
    void this.checkConnection();
  }

  stop(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /** Asks the server whether the session is alive; on return after a loss, sends the queued notes. */
  async checkConnection(): Promise<TeamStatus> {
    const conn = this.config.connection;
    if (!conn) return this.status();
    try {
      const r = await this.link.request(conn.server, 'GET', '/api/session', undefined, conn.token);
      if (r.status === 401) this.setState('expired');
      else if (r.status === 200) {
        this.setState('online');
        await this.flushNotes();
      }
    } catch {
      // setState already moved to offline or certificate.
    }
    return this.status();
  }

  /** Sends the queued notes in order; stops at the first network failure (they stay queued). */
  flushNotes(): Promise<void> {
    return this.notes.flush();
  }

  private async forward(conn: TeamConnection, channel: ChannelName, payload: unknown, extraHeaders: Record<string, string> = {}): Promise<Result<unknown>> {
    if (this.state !== 'online') return this.withoutServer(conn, channel, payload);
    try {
      if (isFileChannel(channel)) return await this.files.run(channel, payload);
      const versions = READ_CHANNELS.has(channel) ? undefined : this.shownRecords.header(payload);
      const headers: Record<string, string> = { ...extraHeaders, ...(this.seen !== undefined ? { 'x-clspd-seen': String(this.seen) } : {}), ...(versions ? { [VERSIONS_HEADER]: versions } : {}) };
      const r = await this.link.request(conn.server, 'POST', `/api/${channel.replace(':', '/')}`, payload === undefined ? '' : JSON.stringify(payload), conn.token, headers);
      if (r.status === 401) {
        this.setState('expired');
        return this.withoutServer(conn, channel, payload);
      }
      const result = parseResult(r.body);
      if (result.ok && READ_CHANNELS.has(channel)) {
        this.last.set(channel, payload, result.value);
        // What the person has seen: an edit of something changed after this by someone else is a conflict.
        const seq = Number(r.headers['x-clspd-seq']);
        if (Number.isSafeInteger(seq)) this.seen = Math.max(this.seen ?? 0, seq);
        // And per record: an edit is checked against the state in which its record was last shown, not the newest page.
        this.shownRecords.record(result.value, seq);
      }
      if (result.ok && isDocumentGeneration(channel)) return await this.files.document(result.value as GeneratedInfo, (doc) => this.options.keepDocument(doc));
      return result;
    } catch (e) {
      if (e instanceof Unreachable) return this.withoutServer(conn, channel, payload);
      throw e;
    }
  }

  private withoutServer(conn: TeamConnection, channel: ChannelName, payload: unknown): Result<unknown> {
    const cached = READ_CHANNELS.has(channel) ? this.last.get(channel, payload) : undefined;
    return offlineAnswer(this.state, channel, cached && { value: withQueuedNotes(channel, cached.value, this.queue, conn.server, conn.email) }, conn.server);
  }

  /** A request to the current server, for the file transfers. */
  private toServer(method: Method, path: string, body?: string): Promise<HttpAnswer> {
    const conn = this.config.connection;
    if (!conn) throw new Unreachable();
    return this.link.request(conn.server, method, path, body, conn.token);
  }

  private setState(next: State): void {
    if (this.state === next) return;
    this.state = next;
    this.offlineSince = next === 'offline' ? this.now().toISOString() : undefined;
    if (next === 'online') void this.flushNotes();
    this.changed();
  }

  private changed(): void {
    this.options.onChange?.(this.status());
  }

  // ---- connecting, the one-time password, disconnecting ----

  private async session(channel: 'team:connect' | 'team:setPassword' | 'team:disconnect', payload: unknown): Promise<Result<unknown>> {
    const parsed = contract[channel].input.safeParse(payload);
    if (!parsed.success) {
      const d = describeIssues(parsed.error);
      return fail('invalid_input', d.message, d.field);
    }
    try {
      if (channel === 'team:disconnect') return ok(await this.disconnect());
      if (channel === 'team:setPassword') return await this.setPassword((parsed.data as { password: string }).password);
      return await this.connect(parsed.data as { url: string; email: string; password: string; trust?: string });
    } catch (e) {
      if (e instanceof Unreachable) return fail('io', e.message === 'certificate' ? team.desktop.errors.certificateUnconfirmed : team.desktop.errors.unreachable(e.message));
      throw e;
    }
  }

  private async connect(input: { url: string; email: string; password: string; trust?: string }): Promise<Result<TeamConnectStep>> {
    const checked = await checkServer(input, this.config.pins, this.options.timeoutMs ?? 10_000);
    if ('ok' in checked) return checked;
    if (checked.pin) this.save({ ...this.config, pins: { ...this.config.pins, [checked.server]: checked.pin } });
    const r = await this.link.request(checked.server, 'POST', '/api/session', JSON.stringify({ email: input.email, password: input.password }));
    const login = readLogin(r, checked.server);
    if (!login.ok) return login;
    if (login.value.mustChange) {
      this.pending = { ...login.value.conn, mustChange: true };
      return ok({ step: 'newPassword', email: login.value.conn.email });
    }
    return ok(this.establish(login.value.conn));
  }

  private async setPassword(password: string): Promise<Result<TeamConnectStep>> {
    const p = this.pending;
    if (!p) return fail('invalid_input', team.desktop.errors.noPendingPassword);
    const r = await this.link.request(p.server, 'POST', '/api/session/password', JSON.stringify({ password }), p.token);
    const result = parseResult(r.body);
    if (!result.ok) return result;
    this.pending = undefined;
    const { mustChange: _done, ...conn } = p;
    return ok(this.establish(conn));
  }

  private establish(conn: TeamConnection): TeamConnectStep {
    this.save({ ...this.config, connection: conn });
    this.forget();
    this.start();
    this.changed();
    return { step: 'connected', status: this.status() };
  }

  /** Back to the local file (untouched by team mode). Queued notes stay on disk and go out at the next connection. */
  private async disconnect(): Promise<TeamStatus> {
    const conn = this.config.connection;
    this.stop();
    if (conn) {
      try {
        await this.link.request(conn.server, 'DELETE', '/api/session', undefined, conn.token);
      } catch {
        // Unreachable: the session will expire on the server by itself.
      }
    }
    const { connection: _gone, ...rest } = this.config;
    this.save(rest);
    this.forget();
    this.changed();
    return this.status();
  }

  /** A new account or none: nothing shown to the previous one is kept. */
  private forget(): void {
    this.last.clear();
    this.shownRecords.clear();
    this.seen = undefined;
    this.state = 'online';
    this.offlineSince = undefined;
  }

  private save(config: TeamConfig): void {
    writeConfig(this.options.dir, config);
    this.config = config;
  }
}
