// Séance notes typed while the team server cannot be reached: kept durably on this computer, one entry per agenda item, sent in order on reconnection.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../store/durable';

const EntrySchema = z.object({
  /** Changes each time the text of this item is replaced, so a send that raced a newer edit does not remove it. */
  id: z.string().min(1).max(64),
  /** Server and account the notes belong to: they are only ever sent there. */
  server: z.string().max(500),
  email: z.string().max(300),
  meetingId: z.string().min(1).max(64),
  agendaItemId: z.string().min(1).max(64).optional(),
  notes: z.string().max(200_000),
  savedAt: z.string().max(40),
});
const RefusedSchema = EntrySchema.extend({ message: z.string().max(2000) });
const FileSchema = z.object({ version: z.literal(1), entries: z.array(EntrySchema), refused: z.array(RefusedSchema) });

export type QueuedNotes = z.infer<typeof EntrySchema>;
export type RefusedNotes = z.infer<typeof RefusedSchema>;

export const QUEUE_FILE = 'team-notes-queue.json';

const keyOf = (e: Pick<QueuedNotes, 'server' | 'email' | 'meetingId' | 'agendaItemId'>) => `${e.server}\n${e.email}\n${e.meetingId}\n${e.agendaItemId ?? ''}`;

/**
 * The notes are the whole text of one item (saving replaces it on the server), so only the latest text per item is
 * kept: re-sending it after a lost answer changes nothing, and nothing typed is dropped.
 */
export class NotesQueue {
  private entries: QueuedNotes[] = [];
  private refusedList: RefusedNotes[] = [];

  constructor(private readonly dir: string) {
    try {
      const parsed = FileSchema.safeParse(JSON.parse(readFileSync(join(dir, QUEUE_FILE), 'utf8')));
      if (parsed.success) {
        this.entries = parsed.data.entries;
        this.refusedList = parsed.data.refused;
      }
    } catch {
      // Nothing queued yet.
    }
  }

  private persist(): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileDurable(join(this.dir, QUEUE_FILE), JSON.stringify({ version: 1, entries: this.entries, refused: this.refusedList }));
  }

  /** Durable when it returns: the text survives a crash of the app or of the computer. */
  put(entry: Omit<QueuedNotes, 'id'>): QueuedNotes {
    const full = { ...entry, id: randomUUID() };
    const key = keyOf(entry);
    const at = this.entries.findIndex((e) => keyOf(e) === key);
    if (at >= 0) this.entries[at] = full;
    else this.entries.push(full);
    this.persist();
    return full;
  }

  pending(server: string, email: string): QueuedNotes[] {
    return this.entries.filter((e) => e.server === server && e.email === email);
  }

  refused(server: string, email: string): RefusedNotes[] {
    return this.refusedList.filter((e) => e.server === server && e.email === email);
  }

  /** The latest queued text of an item, if any (shown instead of the older text of the last state read). */
  latest(server: string, email: string, meetingId: string, agendaItemId?: string): QueuedNotes | undefined {
    const key = keyOf({ server, email, meetingId, agendaItemId });
    return this.entries.find((e) => keyOf(e) === key);
  }

  /** Sent and acknowledged: removed unless a newer text replaced it meanwhile. */
  done(entry: QueuedNotes): void {
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => e.id !== entry.id);
    if (this.entries.length !== before) this.persist();
  }

  /** Refused by the server: kept aside with its message (never silently dropped). */
  refuse(entry: QueuedNotes, message: string): void {
    this.entries = this.entries.filter((e) => e.id !== entry.id);
    this.refusedList = [...this.refusedList.filter((e) => keyOf(e) !== keyOf(entry)), { ...entry, message }];
    this.persist();
  }
}
