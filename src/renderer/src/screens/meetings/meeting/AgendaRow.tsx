// One row of the agenda builder: drag handle, number and title, duration/presenter/links summary, move (Alt+↑/↓), edit and delete buttons.
import { ActionIcon, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconPencil, IconTrash } from '@tabler/icons-react';
import { fr } from '../../../../../shared/i18n';
import type { AgendaItem } from '../../../../../shared/model';
import { formatDuration } from '../badges';

const L = fr.meetings.ui;

export function AgendaRow({ item, index, count, locked, onEdit, onDelete, onMove }: { item: AgendaItem; index: number; count: number; locked: boolean; onEdit: () => void; onDelete: () => void; onMove: (d: number) => void }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: locked });
  const style = { transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.6 : 1 };
  const isSection = item.kind === 'section';
  return (
    <Paper
      ref={setNodeRef}
      style={style}
      withBorder
      p="xs"
      bg={isSection ? 'gray.1' : undefined}
      data-testid="agenda-row"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (locked || !e.altKey) return;
        if (e.key === 'ArrowUp') {
          e.preventDefault();
          onMove(-1);
        } else if (e.key === 'ArrowDown') {
          e.preventDefault();
          onMove(1);
        }
      }}
    >
      <Group wrap="nowrap" gap="xs">
        {!locked ? (
          <ActionIcon variant="subtle" color="gray" aria-label={L.dragHandle(item.title)} {...attributes} {...listeners} style={{ cursor: 'grab' }}>
            <IconGripVertical size={16} />
          </ActionIcon>
        ) : null}
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={isSection ? 700 : 600} size="sm" tt={isSection ? 'uppercase' : undefined}>
            {isSection ? `${L.section} — ` : `${index + 1}. `}
            {item.title}
          </Text>
          {!isSection ? (
            <Text size="xs" c="dimmed">
              {[formatDuration(item.durationMin), item.presenter ? `${L.presenter} : ${item.presenter}` : '', item.linkedActionIds.length ? fr.meetings.ux.plural(item.linkedActionIds.length, 'action liée', 'actions liées') : '', item.chairNotes ? L.chairNotes : '']
                .filter(Boolean)
                .join(' · ')}
            </Text>
          ) : null}
        </Stack>
        {!locked ? (
          <Group gap={2} wrap="nowrap">
            <Tooltip label={`${L.moveUp} (Alt+↑)`}>
              <ActionIcon variant="subtle" aria-label={`${L.moveUp} « ${item.title} »`} disabled={index === 0} onClick={() => onMove(-1)}>
                <IconArrowUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={`${L.moveDown} (Alt+↓)`}>
              <ActionIcon variant="subtle" aria-label={`${L.moveDown} « ${item.title} »`} disabled={index === count - 1} onClick={() => onMove(1)}>
                <IconArrowDown size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={fr.actions.edit}>
              <ActionIcon variant="subtle" aria-label={`${fr.actions.edit} « ${item.title} »`} onClick={onEdit}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={fr.actions.delete}>
              <ActionIcon variant="subtle" color="red" aria-label={`${fr.actions.delete} « ${item.title} »`} onClick={onDelete}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ) : null}
      </Group>
    </Paper>
  );
}
