// Shared helpers of the meetings services: lookups, lock rules, clock arithmetic, French errors.
import { meetings as t } from '../../../shared/i18n/meetings';
import type { AgendaItem, Datastore, Decision, Meeting } from '../../../shared/model';
import { DomainError } from '../../../shared/result';

export function getMeeting(data: Datastore, id: string): Meeting {
  const m = data.meetings.find((x) => x.id === id);
  if (!m) throw new DomainError('not_found', t.errors.meetingNotFound);
  return m;
}

export function getItem(meeting: Meeting, id: string): AgendaItem {
  const i = meeting.agenda.find((x) => x.id === id);
  if (!i) throw new DomainError('not_found', t.errors.itemNotFound);
  return i;
}

export function getDecision(meeting: Meeting, id: string): Decision {
  const d = meeting.decisions.find((x) => x.id === id);
  if (!d) throw new DomainError('not_found', t.errors.decisionNotFound);
  return d;
}

/** Validated minutes are locked: nothing in the meeting changes any more. */
export function assertNotLocked(meeting: Meeting): void {
  if (meeting.status === 'validated') throw new DomainError('locked', t.errors.locked);
}

/** `HH:MM` → minutes since midnight. */
export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Minutes since midnight → `HH:MM` (wraps past midnight). */
export function fromMinutes(total: number): string {
  const t24 = ((total % 1440) + 1440) % 1440;
  return `${String(Math.floor(t24 / 60)).padStart(2, '0')}:${String(t24 % 60).padStart(2, '0')}`;
}

export function assertTimes(startTime: string, plannedEndTime: string | undefined): void {
  if (plannedEndTime && toMinutes(plannedEndTime) <= toMinutes(startTime)) {
    throw new DomainError('invalid_input', t.errors.endBeforeStart, 'plannedEndTime');
  }
}

export function touch(meeting: Meeting, at: string): void {
  meeting.updatedAt = at;
}
