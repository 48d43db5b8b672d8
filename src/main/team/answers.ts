// Reading the team server's answers (validated, never trusted blindly) and the last-state cache used while offline.
import { z } from 'zod';
import type { ChannelName } from '../../shared/contract';
import type { MeetingDetail } from '../../shared/contract/meetings';
import type { TeamStatus } from '../../shared/contract/team';
import { team } from '../../shared/i18n/team';
import { fail, ok, type Result } from '../../shared/result';
import { isDocumentGeneration, isFileChannel, READ_CHANNELS } from './channels';
import type { NotesQueue } from './notes-queue';

const ErrorSchema = z.object({
  code: z.enum(['invalid_input', 'not_found', 'conflict', 'forbidden', 'locked', 'io', 'internal']),
  message: z.string().max(10_000),
  field: z.string().max(300).optional(),
});
const ResultSchema = z.union([z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: ErrorSchema })]);

export const AccountSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  role: z.enum(['coordinator', 'staff', 'reader']),
  mustChangePassword: z.boolean(),
});
export const LoginSchema = z.object({ token: z.string().min(20).max(200), account: AccountSchema });

/** The server's JSON body as a Result; anything else becomes a French « unreadable answer » refusal. */
export function parseResult(body: Buffer): Result<unknown> {
  try {
    const parsed = ResultSchema.safeParse(JSON.parse(body.toString('utf8')));
    if (parsed.success) return parsed.data as Result<unknown>;
  } catch {
    // Not JSON: a proxy's error page, another service at this address…
  }
  return fail('io', team.desktop.errors.badResponse);
}

/** Last answers per channel and input, the oldest forgotten first; kept in memory only (see the note in client.ts). */
export class LastState {
  private readonly answers = new Map<string, unknown>();
  constructor(private readonly max = 2_000) {}

  static key(channel: string, payload: unknown): string {
    return `${channel}\n${JSON.stringify(payload ?? null)}`;
  }

  set(channel: string, payload: unknown, value: unknown): void {
    const k = LastState.key(channel, payload);
    this.answers.delete(k);
    this.answers.set(k, value);
    while (this.answers.size > this.max) this.answers.delete(this.answers.keys().next().value as string);
  }

  get(channel: string, payload: unknown): { value: unknown } | undefined {
    const k = LastState.key(channel, payload);
    return this.answers.has(k) ? { value: this.answers.get(k) } : undefined;
  }

  clear(): void {
    this.answers.clear();
  }
}

/** A meeting read from the last state shows the notes typed since, still waiting in the queue. */
export function withQueuedNotes(channel: string, value: unknown, queue: NotesQueue, server: string, email: string): unknown {
  if (channel !== 'meetings:get' || !value || typeof value !== 'object' || !('meeting' in value)) return value;
  const detail = value as MeetingDetail;
  const general = queue.latest(server, email, detail.meeting.id);
  const agenda = detail.meeting.agenda.map((item) => {
    const q = queue.latest(server, email, detail.meeting.id, item.id);
    return q ? { ...item, notes: q.notes } : item;
  });
  return { ...detail, meeting: { ...detail.meeting, agenda, ...(general ? { generalNotes: general.notes } : {}) } };
}

/** What a channel answers while the server cannot be used: the last state for reads, a French refusal otherwise. */
export function offlineAnswer(state: NonNullable<TeamStatus['connection']>, channel: ChannelName, cached: { value: unknown } | undefined, server: string): Result<unknown> {
  if (state === 'certificate') return fail('forbidden', team.desktop.errors.certificateChanged);
  if (cached) return ok(cached.value);
  // Started while the server is out of reach (or the session ended): the recovery screen explains and offers to go back to the local file.
  if (channel === 'app:state') return ok({ status: 'broken', message: state === 'expired' ? team.desktop.errors.expired : team.desktop.errors.offlineAtStart(server), dataDir: '' });
  if (state === 'expired') return fail('forbidden', team.desktop.errors.expired);
  if (READ_CHANNELS.has(channel)) return fail('io', team.desktop.errors.offlineNotCached);
  if (isDocumentGeneration(channel) || isFileChannel(channel)) return fail('io', team.desktop.errors.offlineFile);
  return fail('io', team.desktop.errors.offlineEdit);
}
