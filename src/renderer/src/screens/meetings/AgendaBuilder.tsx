// Agenda builder: sections and items with duration, presenter, links and chair notes; drag or Alt+↑/↓ to reorder; live total.
import { ActionIcon, Alert, Badge, Button, Group, Menu, Modal, MultiSelect, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { dndAccessibility } from './dndAnnouncements';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { IconArrowDown, IconArrowUp, IconCopy, IconGripVertical, IconPencil, IconPlus, IconTemplate, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { formatTime } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import type { AgendaItem } from '../../../../shared/model';
import { api, ApiError, call, useQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { formatDuration } from './badges';

const L = fr.meetings.ui;

interface ItemForm {
  kind: 'section' | 'item';
  title: string;
  durationMin: number;
  presenter: string;
  linkedActionIds: string[];
  axisId: string | null;
  chairNotes: string;
}

function SortableRow({ item, index, count, locked, onEdit, onDelete, onMove }: { item: AgendaItem; index: number; count: number; locked: boolean; onEdit: () => void; onDelete: () => void; onMove: (d: number) => void }) {
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

export function AgendaBuilder({ detail }: { detail: MeetingDetail }) {
  const { meeting, summary, locked } = detail;
  const [items, setItems] = useState(meeting.agenda);
  useEffect(() => setItems(meeting.agenda), [meeting.agenda]);
  const [editing, setEditing] = useState<{ id?: string; form: ItemForm } | null>(null);
  const [error, setError] = useState<string>();
  // A new point takes the focus (its drag handle) once listed, ready for Alt+↑ / Alt+↓: not the « Ajouter » button.
  const [created, setCreated] = useState<string | null>(null);
  // Set once per opening of the dialog: flipping it while the dialog is closed would make Mantine return the
  // focus to « Ajouter un point » again, after the new point's handle took it.
  const [returnFocus, setReturnFocus] = useState(true);
  useEffect(() => {
    if (!created) return;
    const name = L.dragHandle(created);
    const handles = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="agenda-row"] [aria-label]')).filter((el) => el.getAttribute('aria-label') === name);
    if (!handles.length) return;
    handles[handles.length - 1].focus();
    setCreated(null);
  }, [items, created]);
  const axes = useQuery(() => api().axes.list(), []);
  const actions = useQuery(() => api().strategy.actions({}), []);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  const total = items.reduce((s, i) => s + (i.kind === 'item' ? i.durationMin : 0), 0);
  const planned = summary.plannedMin;
  const over = planned !== undefined ? total - planned : undefined;

  const onDragEnd = async (e: DragEndEvent) => {
    if (!e.over || e.active.id === e.over.id) return;
    const from = items.findIndex((i) => i.id === e.active.id);
    const to = items.findIndex((i) => i.id === e.over!.id);
    const next = arrayMove(items, from, to);
    setItems(next);
    await call(api().meetings.reorderAgenda({ meetingId: meeting.id, order: next.map((i) => i.id) }), { mutation: true }).catch(() => setItems(meeting.agenda));
  };
  const move = async (id: string, delta: number) => {
    const from = items.findIndex((i) => i.id === id);
    const to = Math.max(0, Math.min(items.length - 1, from + delta));
    if (from === to) return;
    setItems(arrayMove(items, from, to));
    await call(api().meetings.moveAgendaItem({ meetingId: meeting.id, agendaItemId: id, delta }), { mutation: true }).catch(() => setItems(meeting.agenda));
    // Keep the keyboard focus on the moved row.
    requestAnimationFrame(() => (document.querySelectorAll<HTMLElement>('[data-testid="agenda-row"]')[to])?.focus());
  };
  const open = (kind: 'section' | 'item', item?: AgendaItem) => {
    setError(undefined);
    setReturnFocus(true);
    setEditing({
      id: item?.id,
      form: {
        kind: item?.kind ?? kind,
        title: item?.title ?? '',
        durationMin: item?.durationMin ?? 10,
        presenter: item?.presenter ?? '',
        linkedActionIds: item?.linkedActionIds ?? [],
        axisId: item?.axisId ?? null,
        chairNotes: item?.chairNotes ?? '',
      },
    });
  };
  const save = async () => {
    if (!editing) return;
    const f = editing.form;
    const item = { kind: f.kind, title: f.title, durationMin: f.kind === 'section' ? 0 : f.durationMin, presenter: f.presenter, linkedActionIds: f.linkedActionIds, chairNotes: f.chairNotes, ...(f.axisId ? { axisId: f.axisId } : {}) };
    try {
      if (editing.id) await call(api().meetings.updateAgendaItem({ meetingId: meeting.id, agendaItemId: editing.id, patch: { ...item, axisId: f.axisId ?? '' } }), { mutation: true });
      else {
        await call(api().meetings.addAgendaItem({ meetingId: meeting.id, item }), { mutation: true });
        setReturnFocus(false);
        setCreated(f.title.trim());
      }
      setEditing(null);
    } catch (e) {
      if (e instanceof ApiError) setError(e.info.message);
    }
  };
  const remove = async (item: AgendaItem) => {
    await call(api().meetings.deleteAgendaItem({ meetingId: meeting.id, agendaItemId: item.id }), { mutation: true, success: `Point « ${item.title} » retiré.` }).catch(() => undefined);
  };
  const template = async (t: 'plenary' | 'restricted' | 'working_group') => {
    await call(api().meetings.applyTemplate({ meetingId: meeting.id, template: t }), { mutation: true }).catch(() => undefined);
  };

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
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => open('item')}>
              {L.addItem}
            </Button>
            <Button size="xs" variant="default" onClick={() => open('section')}>
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
                  <Menu.Item key={t} onClick={() => template(t)}>
                    {L.templates[t]}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            {detail.previousMeetingId ? (
              <Button size="xs" variant="default" leftSection={<IconCopy size={14} />} onClick={() => call(api().meetings.copyPrevious({ meetingId: meeting.id }), { mutation: true }).catch(() => undefined)}>
                {L.copyPrevious}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>
      {items.length === 0 ? (
        <EmptyState title={L.emptyAgendaTitle} text={L.emptyAgendaText} action={locked ? undefined : L.addItem} onAction={() => open('item')} />
      ) : (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={dndAccessibility(items)}>
          <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
            <Stack gap={6} aria-label={L.agenda} role="list">
              {items.map((item, i) => (
                <div role="listitem" key={item.id}>
                  <SortableRow item={item} index={i} count={items.length} locked={locked} onEdit={() => open(item.kind, item)} onDelete={() => remove(item)} onMove={(d) => move(item.id, d)} />
                </div>
              ))}
            </Stack>
          </SortableContext>
        </DndContext>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} returnFocus={returnFocus} title={editing?.form.kind === 'section' ? L.addSection : editing?.id ? fr.actions.edit : L.addItem} size="lg">
        {editing ? (
          <Stack
            gap="sm"
            component="form"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
          >
            <TextInput label={editing.form.kind === 'section' ? L.sectionTitle : L.itemTitle} data-autofocus value={editing.form.title} error={error} onChange={(e) => setEditing({ ...editing, form: { ...editing.form, title: e.currentTarget.value } })} />
            {editing.form.kind === 'item' ? (
              <>
                <Group grow>
                  <NumberInput label={L.duration} min={0} max={600} value={editing.form.durationMin} onChange={(v) => setEditing({ ...editing, form: { ...editing.form, durationMin: Number(v) || 0 } })} />
                  <TextInput label={L.presenter} value={editing.form.presenter} onChange={(e) => setEditing({ ...editing, form: { ...editing.form, presenter: e.currentTarget.value } })} />
                </Group>
                <Select label={L.axis} clearable data={(axes.data ?? []).map((a) => ({ value: a.id, label: a.title }))} value={editing.form.axisId} onChange={(v) => setEditing({ ...editing, form: { ...editing.form, axisId: v } })} />
                <MultiSelect
                  label={L.linkedActions}
                  searchable
                  data={(actions.data ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.title}` }))}
                  value={editing.form.linkedActionIds}
                  onChange={(v) => setEditing({ ...editing, form: { ...editing.form, linkedActionIds: v } })}
                />
                <Textarea label={L.chairNotes} autosize minRows={2} value={editing.form.chairNotes} onChange={(e) => setEditing({ ...editing, form: { ...editing.form, chairNotes: e.currentTarget.value } })} />
              </>
            ) : null}
            {error && editing.form.title.trim() ? <Alert color="red">{error}</Alert> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                {fr.actions.cancel}
              </Button>
              <Button type="submit">{fr.actions.save}</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}

function addMinutes(hhmm: string, min: number): string {
  const [h, m] = hhmm.split(':').map(Number);
  const t = (h * 60 + m + min) % 1440;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}
