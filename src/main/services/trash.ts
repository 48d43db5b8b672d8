// Session undo list: each deletion keeps what it removed so the coordinator can bring it back.
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

  push(label: string, restore: (data: Datastore) => void): string {
    const token = newId('undo');
    this.entries.set(token, { label, restore });
    if (this.entries.size > MAX_UNDO) this.entries.delete(this.entries.keys().next().value as string);
    return token;
  }

  take(token: string): TrashEntry {
    const e = this.entries.get(token);
    if (!e) throw new DomainError('not_found', 'Cette suppression ne peut plus être annulée (elle date d’une session précédente).');
    this.entries.delete(token);
    return e;
  }

  /** Gives back a token whose restore was refused, so the coordinator can retry once the obstacle is gone. */
  putBack(token: string, entry: TrashEntry): void {
    if (this.entries.has(token)) return;
    this.entries.set(token, entry);
    if (this.entries.size > MAX_UNDO) this.entries.delete(this.entries.keys().next().value as string);
  }
}
