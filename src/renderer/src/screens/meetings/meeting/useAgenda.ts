// State and changes of the agenda builder: the list (optimistic moves), the point being edited, focus after adding, ?point=nouveau.
import { arrayMove } from '@dnd-kit/sortable';
import type { DragEndEvent } from '@dnd-kit/core';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { AgendaItemInput, type MeetingDetail } from '../../../../../shared/contract/meetings';
import { fr } from '../../../../../shared/i18n';
import type { AgendaItem } from '../../../../../shared/model';
import { api, call } from '../../../api';
import { deleteWithUndo } from '../../../components/confirm';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { formOf, moveTarget, newItemOf, patchOf } from './agenda';
import type { EditingItem } from './AgendaItemDialog';
import { ADD_POINT_PARAM, ADD_POINT_VALUE } from './steps';

const L = fr.meetings.ui;

export function useAgenda({ meeting, locked }: Pick<MeetingDetail, 'meeting' | 'locked'>) {
  const [items, setItems] = useState(meeting.agenda);
  useEffect(() => setItems(meeting.agenda), [meeting.agenda]);
  const [editing, setEditing] = useState<EditingItem | null>(null);
  const { errors, setErrors, submit } = useFormSubmit('title');
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

  const open = (kind: 'section' | 'item', item?: AgendaItem) => {
    setErrors({});
    setReturnFocus(true);
    setEditing({ id: item?.id, form: formOf(kind, item) });
  };

  // Ctrl+Maj+P (useAddPointShortcut) asks through the address; the request is consumed at once so a later visit does not reopen it.
  const [params, setParams] = useSearchParams();
  const addRequested = params.get(ADD_POINT_PARAM) === ADD_POINT_VALUE;
  useEffect(() => {
    if (!addRequested) return;
    setParams(
      (p) => {
        p.delete(ADD_POINT_PARAM);
        return p;
      },
      { replace: true },
    );
    if (!locked && !editing) open('item');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per request
  }, [addRequested]);

  const onDragEnd = async (e: DragEndEvent) => {
    if (!e.over || e.active.id === e.over.id) return;
    const from = items.findIndex((i) => i.id === e.active.id);
    const to = items.findIndex((i) => i.id === e.over!.id);
    const next = arrayMove(items, from, to);
    setItems(next);
    await call(api().meetings.reorderAgenda({ meetingId: meeting.id, order: next.map((i) => i.id) }), { mutation: true }).catch(() => setItems(meeting.agenda));
  };
  const move = async (id: string, delta: number) => {
    const target = moveTarget(
      items.map((i) => i.id),
      id,
      delta,
    );
    if (!target) return;
    setItems(arrayMove(items, target.from, target.to));
    await call(api().meetings.moveAgendaItem({ meetingId: meeting.id, agendaItemId: id, delta }), { mutation: true }).catch(() => setItems(meeting.agenda));
    // Keep the keyboard focus on the moved row.
    requestAnimationFrame(() => document.querySelectorAll<HTMLElement>('[data-testid="agenda-row"]')[target.to]?.focus());
  };
  // The point's values checked with the channel's own schema (title required, duration 0–600…), each message under its field.
  const save = async () => {
    if (!editing) return;
    const f = editing.form;
    await submit(AgendaItemInput, newItemOf(f), async () => {
      if (editing.id) await call(api().meetings.updateAgendaItem({ meetingId: meeting.id, agendaItemId: editing.id, patch: patchOf(f) }), { mutation: true });
      else {
        await call(api().meetings.addAgendaItem({ meetingId: meeting.id, item: newItemOf(f) }), { mutation: true });
        setReturnFocus(false);
        setCreated(f.title.trim());
      }
      setEditing(null);
    });
  };
  // Confirmation, then « Point « … » retiré. » with « Annuler la suppression »; a refusal is the call's notification only.
  const remove = (item: AgendaItem) => deleteWithUndo(L.deleteItem, L.deleteItemText(item.title), () => api().meetings.deleteAgendaItem({ meetingId: meeting.id, agendaItemId: item.id })).catch(() => false);
  const template = (t: 'plenary' | 'restricted' | 'working_group') => call(api().meetings.applyTemplate({ meetingId: meeting.id, template: t }), { mutation: true }).catch(() => undefined);
  const copyPrevious = () => call(api().meetings.copyPrevious({ meetingId: meeting.id }), { mutation: true }).catch(() => undefined);

  return { items, editing, setEditing, errors, returnFocus, open, onDragEnd, move, save, remove, template, copyPrevious };
}
