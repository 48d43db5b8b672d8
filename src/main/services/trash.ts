// Session undo list: each deletion keeps what it removed so the coordinator can bring it back.
import { common } from '../../shared/i18n/common';
import { newId } from '../../shared/ids';
import type { Datastore } from '../../shared/model';
import { DomainError } from '../../shared/result';

export interface TrashEntry {
  label: string;
  restore(data: Datastore): void;
}

export const MAX_UNDO = 50;

export class Trash {
  private readonly entries = new Map<string, TrashEntry>();
  /**
   * What changed since the oldest open attempt, as the steps that undo it (the team server may run a write twice);
   * null when not recording. `marks`: where each open attempt began (several writes of one account can share a batch).
   */
  private journal: (() => void)[] | null = null;
  private readonly marks: number[] = [];

  push(label: string, restore: (data: Datastore) => void): string {
    const token = newId('undo');
    this.add(token, { label, restore });
    return token;
  }

  take(token: string): TrashEntry {
    const e = this.entries.get(token);
    if (!e) throw new DomainError('not_found', common.errors.undoExpired);
    this.entries.delete(token);
    this.journal?.push(() => this.entries.set(token, e));
    return e;
  }

  /** Gives back a token whose restore was refused, so the coordinator can retry once the obstacle is gone. */
  putBack(token: string, entry: TrashEntry): void {
    if (this.entries.has(token)) return;
    this.add(token, entry);
  }

  /**
   * A write starts a run: what it pushes and takes from now on can be undone with `abandonAttempt`, or kept with
   * `keepAttempt`. Attempts nest (the latest begun ends first).
   */
  beginAttempt(): void {
    this.journal ??= [];
    this.marks.push(this.journal.length);
  }

  /** The latest run was abandoned (refused, or lost to another commit and run again): its pushes and takes are undone. */
  abandonAttempt(): void {
    const steps = this.journal ?? [];
    const from = this.marks.pop() ?? 0;
    for (let i = steps.length - 1; i >= from; i--) steps[i]!();
    steps.length = from;
    if (this.marks.length === 0) this.journal = null;
  }

  /** The latest run was committed: what it did stays (and is undone only if an enclosing attempt is abandoned). */
  keepAttempt(): void {
    this.marks.pop();
    if (this.marks.length === 0) this.journal = null;
  }

  private add(token: string, entry: TrashEntry): void {
    this.entries.set(token, entry);
    this.journal?.push(() => this.entries.delete(token));
    if (this.entries.size > MAX_UNDO) {
      const oldest = this.entries.keys().next().value as string;
      const evicted = this.entries.get(oldest)!;
      this.entries.delete(oldest);
      this.journal?.push(() => this.entries.set(oldest, evicted));
    }
  }
}
