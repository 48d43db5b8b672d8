// Pure rules of the agenda builder: the dialog's form and what it sends, the running total against the planned end, moves.
import type { AgendaItem } from '../../../../../shared/model';

export interface ItemForm {
  kind: 'section' | 'item';
  title: string;
  durationMin: number;
  presenter: string;
  linkedActionIds: string[];
  axisId: string | null;
  chairNotes: string;
}

/** The dialog's starting values: the item being edited, or a new one of that kind (10 minutes). */
export function formOf(kind: 'section' | 'item', item?: AgendaItem): ItemForm {
  return {
    kind: item?.kind ?? kind,
    title: item?.title ?? '',
    durationMin: item?.durationMin ?? 10,
    presenter: item?.presenter ?? '',
    linkedActionIds: item?.linkedActionIds ?? [],
    axisId: item?.axisId ?? null,
    chairNotes: item?.chairNotes ?? '',
  };
}

/** What « Enregistrer » sends for a new point: a section lasts 0 minutes, no axis is left out rather than empty. */
export function newItemOf(f: ItemForm) {
  return { kind: f.kind, title: f.title, durationMin: f.kind === 'section' ? 0 : f.durationMin, presenter: f.presenter, linkedActionIds: f.linkedActionIds, chairNotes: f.chairNotes, ...(f.axisId ? { axisId: f.axisId } : {}) };
}

/** What « Enregistrer » sends for an edited point: an emptied axis is sent as '' so the server removes it. */
export function patchOf(f: ItemForm) {
  return { ...newItemOf(f), axisId: f.axisId ?? '' };
}

/** Minutes of the points (sections do not count) and, when the meeting has a planned length, how far over it they go (negative: time left). */
export function agendaTotals(items: Pick<AgendaItem, 'kind' | 'durationMin'>[], plannedMin: number | undefined): { total: number; over: number | undefined } {
  const total = items.reduce((s, i) => s + (i.kind === 'item' ? i.durationMin : 0), 0);
  return { total, over: plannedMin !== undefined ? total - plannedMin : undefined };
}

/** « HH:MM » plus minutes, around the clock. */
export function addMinutes(hhmm: string, min: number): string {
  const [h, m] = hhmm.split(':').map(Number);
  const t = (((h * 60 + m + min) % 1440) + 1440) % 1440;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

/** Where a move by `delta` takes the item: kept inside the list; `null` when it stays where it is (or is unknown). */
export function moveTarget(ids: string[], id: string, delta: number): { from: number; to: number } | null {
  const from = ids.indexOf(id);
  if (from < 0) return null;
  const to = Math.max(0, Math.min(ids.length - 1, from + delta));
  return from === to ? null : { from, to };
}
