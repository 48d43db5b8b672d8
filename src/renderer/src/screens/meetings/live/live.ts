// Pure rules of the séance: which item is current, where previous/next lead, the notes' height, the check-in search and toggle.
import type { InviteeRow } from '../../../../../shared/contract/meetings';
import type { AgendaItem, Decision } from '../../../../../shared/model';

/** The item chosen here (before the server answered), else the meeting's current one, else its first point (sections skipped). */
export function currentItemId(items: Pick<AgendaItem, 'id' | 'kind'>[], local: string | undefined, saved: string | undefined): string | undefined {
  return local ?? saved ?? items.find((i) => i.kind === 'item')?.id;
}

/** The point `delta` steps from `index`, sections skipped; undefined past either end. */
export function stepTarget(items: Pick<AgendaItem, 'id' | 'kind'>[], index: number, delta: number): string | undefined {
  let i = index + delta;
  while (items[i] && items[i].kind === 'section') i += delta;
  return items[i]?.id;
}

/** Decisions noted on the current item (all of them while no item is current). */
export function decisionsOf<D extends Pick<Decision, 'agendaItemId'>>(decisions: D[], currentId: string | undefined): D[] {
  return decisions.filter((d) => !currentId || d.agendaItemId === currentId);
}

/** Rows of the notes so the three zones fit the window (1366×768 included): at least 6. */
export function notesRows(viewportHeight: number): number {
  return Math.max(6, Math.floor(((viewportHeight || 768) - 540) / 26));
}

/** Lower case without accents, so « Hélène » is found with « helene ». */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Invitees whose name or organisation holds the search (all when it is empty). */
export function filterInvitees(invitees: InviteeRow[], query: string): InviteeRow[] {
  return invitees.filter((r) => !query || fold(`${r.name} ${r.organisationName}`).includes(fold(query)));
}

/** Present or represented. */
export function presentCount(invitees: InviteeRow[]): number {
  return invitees.filter((r) => r.attendance.status === 'present' || r.attendance.status === 'represented').length;
}

/** A click on a person: present ↔ unknown; a first arrival is stamped with the time (an earlier arrival time is kept). */
export function attendanceToggle(r: InviteeRow, now: string): { status: 'present' | 'unknown'; arrivedAt?: string } {
  const present = r.attendance.status === 'present';
  return { status: present ? 'unknown' : 'present', ...(present ? {} : r.attendance.arrivedAt ? {} : { arrivedAt: now }) };
}

/** The notes' text with `token` put in place of the selection, and where the caret goes after it. */
export function insertToken(value: string, start: number | null, end: number | null, token: string): { value: string; caret: number } {
  const from = start ?? value.length;
  return { value: value.slice(0, from) + token + value.slice(end ?? from), caret: from + token.length };
}
