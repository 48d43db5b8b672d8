// The coordinator's coffre as team mode uses it: opened or refused in French, one meeting's entry read or changed.
import { team } from '../../shared/i18n/team';
import type { Meeting } from '../../shared/model';
import type { MeetingTexts } from '../../shared/protected-model';
import { DomainError, fail, type Result } from '../../shared/result';
import { writeTexts } from '../services/meetings/texts';
import type { ProtectedAccess } from '../vault/types';

export interface CoffreDeps {
  /** This computer's coffre (the local protected store), whatever its state. */
  vault(): ProtectedAccess | undefined;
  now(): Date;
}

/** A French refusal thrown by the coffre or a local check, as a Result; anything else is a bug and goes on. */
export const asDomain = (e: unknown): Result<never> => {
  if (e instanceof DomainError) return fail(e.code, e.message, e.field);
  throw e;
};

export class CoffreWriter {
  constructor(private readonly deps: CoffreDeps) {}

  /** The coffre, unlocked; otherwise a French refusal (nothing is sent to the server). */
  open(): ProtectedAccess {
    const vault = this.deps.vault();
    if (!vault || vault.state === 'absent') throw new DomainError('locked', team.desktop.errors.coffreAbsent);
    if (vault.state !== 'unlocked') throw new DomainError('locked', team.desktop.errors.coffreLocked);
    return vault;
  }

  /** True when this computer has a coffre (locked or not). */
  exists(): boolean {
    const vault = this.deps.vault();
    return vault !== undefined && vault.state !== 'absent';
  }

  /** True when the coffre is unlocked. */
  isOpen(): boolean {
    return this.deps.vault()?.state === 'unlocked';
  }

  /** The meeting's entry (undefined when none, or when the coffre is not open). */
  entry(meetingId: string): MeetingTexts | undefined {
    const vault = this.deps.vault();
    return vault?.state === 'unlocked' ? vault.read().meetingTexts.find((m) => m.meetingId === meetingId) : undefined;
  }

  /** The entry holding the title of a plan action decided in a confidential meeting (undefined when none, or not open). */
  actionEntry(actionId: string): MeetingTexts | undefined {
    const vault = this.deps.vault();
    return vault?.state === 'unlocked' ? vault.read().meetingTexts.find((m) => m.actionTitles?.[actionId] !== undefined) : undefined;
  }

  /** Changes the meeting's entry (created when missing), durably. */
  write(meeting: Pick<Meeting, 'id' | 'date'>, change: (t: MeetingTexts) => void): Promise<void> {
    return writeTexts({ vault: this.open(), now: this.deps.now }, meeting, change);
  }

  /** Removes the meeting's entry. */
  async remove(meetingId: string): Promise<void> {
    await this.open().update((d) => void (d.meetingTexts = d.meetingTexts.filter((m) => m.meetingId !== meetingId)));
  }
}
