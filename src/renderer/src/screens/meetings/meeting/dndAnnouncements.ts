// French screen-reader announcements for dragging agenda items with @dnd-kit: item titles and positions, never internal ids.
import type { Announcements, DndContextProps, UniqueIdentifier } from '@dnd-kit/core';
import { fr } from '../../../../../shared/i18n';
import type { AgendaItem } from '../../../../../shared/model';

const D = fr.a11y.dnd;

/** The `accessibility` prop of the agenda's DndContext: French instructions and announcements. */
export function dndAccessibility(items: AgendaItem[]): NonNullable<DndContextProps['accessibility']> {
  const title = (id: UniqueIdentifier) => items.find((i) => i.id === id)?.title ?? '';
  const position = (id: UniqueIdentifier | undefined) => (id === undefined ? 0 : items.findIndex((i) => i.id === id) + 1);
  const total = items.length;
  const announcements: Announcements = {
    onDragStart: ({ active }) => D.start(title(active.id), position(active.id), total),
    onDragOver: ({ active, over }) => (over ? D.over(title(active.id), position(over.id), total) : undefined),
    onDragEnd: ({ active, over }) => (over ? D.end(title(active.id), position(over.id), total) : D.cancel(title(active.id))),
    onDragCancel: ({ active }) => D.cancel(title(active.id)),
  };
  return { announcements, screenReaderInstructions: { draggable: D.instructions } };
}
