// Agenda builder: sections and items with duration, presenter, links and chair notes; drag or Alt+↑/↓ to reorder; live total; Ctrl+Maj+P adds a point.
import { Badge, Button, Group, Menu, Stack, Text, Tooltip } from '@mantine/core';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { IconCopy, IconPlus, IconTemplate } from '@tabler/icons-react';
import type { MeetingDetail } from '../../../../../shared/contract/meetings';
import { formatTime } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { EmptyState } from '../../../components/EmptyState';
import { rowFallback, rowKey, rowList } from '../../../components/rowFocus';
import { formatDuration } from '../badges';
import { addMinutes, agendaTotals } from './agenda';
import { AgendaItemDialog } from './AgendaItemDialog';
import { AgendaRow } from './AgendaRow';
import { dndAccessibility } from './dndAnnouncements';
import { ADD_POINT_KEYS } from './useAddPointShortcut';
import { useAgenda } from './useAgenda';

const L = fr.meetings.ui;

export function AgendaBuilder({ detail }: { detail: MeetingDetail }) {
  const { meeting, summary, locked } = detail;
  const a = useAgenda(detail);
  const { items } = a;
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const { total, over } = agendaTotals(items, summary.plannedMin);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={700}>{L.agenda}</Text>
          <Badge variant="light" color={over !== undefined && over > 0 ? 'red' : 'gray'} style={{ textTransform: 'none' }} data-testid="agenda-total">
            {L.totalDuration(formatDuration(total))} · {L.endsAt(formatTime(addMinutes(meeting.startTime, total)))}
            {over !== undefined ? ` · ${over > 0 ? L.overrun(over) : L.withinPlan(-over)}` : ''}
          </Badge>
        </Group>
        {!locked ? (
          <Group gap="xs">
            <Tooltip label={`${L.addItem} (${fr.meetings.ux.addItemShortcut})`}>
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => a.open('item')} aria-keyshortcuts={ADD_POINT_KEYS} {...rowFallback('agenda')}>
                {L.addItem}
              </Button>
            </Tooltip>
            <Button size="xs" variant="default" onClick={() => a.open('section')}>
              {L.addSection}
            </Button>
            <Menu>
              <Menu.Target>
                <Button size="xs" variant="default" leftSection={<IconTemplate size={14} />}>
                  {L.applyTemplate}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {(['plenary', 'restricted', 'working_group'] as const).map((t) => (
                  <Menu.Item key={t} onClick={() => a.template(t)}>
                    {L.templates[t]}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            {detail.previousMeetingId ? (
              <Button size="xs" variant="default" leftSection={<IconCopy size={14} />} onClick={a.copyPrevious}>
                {L.copyPrevious}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>
      {items.length === 0 ? (
        <EmptyState title={L.emptyAgendaTitle} text={L.emptyAgendaText} action={locked ? undefined : L.addItem} onAction={() => a.open('item')} />
      ) : (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={a.onDragEnd} accessibility={dndAccessibility(items)}>
          <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
            <Stack gap={6} aria-label={L.agenda} role="list" {...rowList('agenda')}>
              {items.map((item, i) => (
                <div role="listitem" key={item.id} {...rowKey(item.id)}>
                  <AgendaRow item={item} index={i} count={items.length} locked={locked} onEdit={() => a.open(item.kind, item)} onDelete={() => a.remove(item)} onMove={(d) => a.move(item.id, d)} />
                </div>
              ))}
            </Stack>
          </SortableContext>
        </DndContext>
      )}
      <AgendaItemDialog editing={a.editing} errors={a.errors} returnFocus={a.returnFocus} onChange={(form) => a.editing && a.setEditing({ ...a.editing, form })} onSave={() => void a.save()} onClose={() => a.setEditing(null)} />
    </Stack>
  );
}
