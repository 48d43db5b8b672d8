// Notes autosave for the live séance: typing updates local state at once; saves are debounced, capped and never block.
import type { NotesSaved } from '../../../../shared/contract/meetings';
import { common } from '../../../../shared/i18n/common';
import type { Result } from '../../../../shared/result';

export type NotesSaveState = { status: 'saved' | 'pending' | 'saving' | 'error'; message?: string; savedAt?: string };

export type SendNotes = (input: { meetingId: string; agendaItemId?: string; notes: string }) => Promise<Result<NotesSaved>>;

/** Key of the general notes (not tied to an agenda item). */
export const GENERAL = '__general__';

/**
 * Keeps the latest text per agenda item and sends it after `delay` ms without typing, and at least every
 * `maxWait` ms while typing goes on, so a crash loses at most about a second. One request per item in flight;
 * a newer text waits for it and is sent next. Errors keep the text and are retried at the next change or flush.
 */
export class NotesAutosaver {
  private readonly drafts = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private readonly inFlight = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstDirtyAt = 0;
  private state: NotesSaveState = { status: 'saved' };
  private readonly listeners = new Set<(s: NotesSaveState) => void>();

  constructor(
    private readonly meetingId: string,
    private readonly send: SendNotes,
    private readonly delay = 300,
    private readonly maxWait = 1000,
  ) {}

  get current(): NotesSaveState {
    return this.state;
  }

  subscribe(l: (s: NotesSaveState) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private set(s: NotesSaveState): void {
    if (s.status === this.state.status && s.message === this.state.message && s.savedAt === this.state.savedAt) return;
    this.state = s;
    for (const l of this.listeners) l(s);
  }

  /** The text typed so far for an item (local, maybe not saved yet). */
  draft(itemKey: string): string | undefined {
    return this.drafts.get(itemKey);
  }

  /** Records a change; returns immediately. */
  change(itemKey: string, text: string): void {
    this.drafts.set(itemKey, text);
    if (!this.dirty.size) this.firstDirtyAt = Date.now();
    this.dirty.add(itemKey);
    if (this.state.status !== 'error') this.set({ status: 'pending' });
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.delay, this.maxWait - (Date.now() - this.firstDirtyAt)));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  get hasUnsaved(): boolean {
    return this.dirty.size > 0 || this.inFlight.size > 0;
  }

  /** Sends every pending text now. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const keys = [...this.dirty].filter((k) => !this.inFlight.has(k));
    if (!keys.length) return;
    this.set({ status: 'saving' });
    await Promise.all(keys.map((k) => this.sendOne(k)));
  }

  private async sendOne(key: string): Promise<void> {
    const text = this.drafts.get(key) ?? '';
    this.dirty.delete(key);
    this.inFlight.add(key);
    let r: Result<NotesSaved>;
    try {
      r = await this.send({ meetingId: this.meetingId, ...(key === GENERAL ? {} : { agendaItemId: key }), notes: text });
    } catch {
      r = { ok: false, error: { code: 'io', message: common.errors.ipcFailed } };
    }
    this.inFlight.delete(key);
    if (!r.ok) {
      // Keep the text: it is sent again at the next change or flush.
      if (this.drafts.get(key) !== undefined) this.dirty.add(key);
      this.set({ status: 'error', message: r.error.message });
      if (r.error.code !== 'locked') this.timer = setTimeout(() => void this.flush(), 2000);
      return;
    }
    if (this.dirty.has(key)) {
      // Typed again while this one was in flight: send the newer text.
      await this.sendOne(key);
      return;
    }
    if (!this.dirty.size && !this.inFlight.size) this.set({ status: 'saved', savedAt: r.value.savedAt });
    else if (this.dirty.size && !this.timer) this.timer = setTimeout(() => void this.flush(), this.delay);
  }
}
