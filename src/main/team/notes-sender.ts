// Séance notes on the team desktop: written durably to the local queue first, then sent to the server in order;
// a network failure leaves them queued (sent on return), a refusal is kept with its message for the person to see.
import { contract } from '../../shared/contract';
import { fail, ok, type Result } from '../../shared/result';
import { describeIssues } from '../../shared/validation';
import { parseResult } from './answers';
import type { TeamConnection } from './config';
import type { NotesQueue, QueuedNotes } from './notes-queue';
import type { HttpAnswer } from './transport';

export interface NotesSenderOptions {
  queue: NotesQueue;
  now: () => Date;
  connection: () => TeamConnection | undefined;
  online: () => boolean;
  /** POST to the server with the account's token; throws when it cannot be reached (the client's state already moved). */
  post(conn: TeamConnection, path: string, body: string): Promise<HttpAnswer>;
  /** The session expired on the server (401). */
  expired(): void;
  changed(): void;
}

export class NotesSender {
  private flushing?: Promise<void>;

  constructor(private readonly options: NotesSenderOptions) {}

  /** Sends the queued notes in order; stops at the first network failure (they stay queued). */
  flush(): Promise<void> {
    this.flushing ??= this.flushOnce().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /** meetings:saveNotes through the queue: { savedAt, queued: true } while it could not be sent yet. */
  async save(conn: TeamConnection, payload: unknown): Promise<Result<unknown>> {
    const { queue } = this.options;
    const parsed = contract['meetings:saveNotes'].input.safeParse(payload);
    if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error).message);
    const savedAt = this.options.now().toISOString();
    // Durable first: whatever happens to the connection or to this computer, the text typed is on disk.
    const entry = queue.put({ server: conn.server, email: conn.email, ...parsed.data, savedAt });
    this.options.changed();
    if (this.options.online()) await this.flush();
    if (queue.latest(conn.server, conn.email, entry.meetingId, entry.agendaItemId)?.id === entry.id) return ok({ savedAt, queued: true });
    const refused = queue.refused(conn.server, conn.email).find((r) => r.id === entry.id);
    return refused ? fail('forbidden', refused.message) : ok({ savedAt });
  }

  private async flushOnce(): Promise<void> {
    const conn = this.options.connection();
    if (!conn) return;
    for (const entry of this.options.queue.pending(conn.server, conn.email)) {
      if (!this.options.online()) return;
      const answer = await this.send(conn, entry);
      if (!answer) return;
      if (answer.ok) this.options.queue.done(entry);
      else this.options.queue.refuse(entry, answer.error.message);
      this.options.changed();
    }
  }

  private async send(conn: TeamConnection, entry: QueuedNotes): Promise<Result<unknown> | undefined> {
    const body = { meetingId: entry.meetingId, ...(entry.agendaItemId ? { agendaItemId: entry.agendaItemId } : {}), notes: entry.notes };
    try {
      // No X-Clspd-Seen: the notes of an item are written by one person at a time, and saving them replaces only that
      // item's text on the server's current meeting, so a colleague's edit elsewhere in the meeting is not a conflict.
      const r = await this.options.post(conn, '/api/meetings/saveNotes', JSON.stringify(body));
      if (r.status === 401) {
        this.options.expired();
        return undefined;
      }
      return parseResult(r.body);
    } catch {
      return undefined;
    }
  }
}
