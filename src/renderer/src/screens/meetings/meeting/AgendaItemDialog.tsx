// The « Ajouter un point » / « Ajouter une partie » / « Modifier » dialog of the agenda builder: title first, then duration, presenter, axis, linked actions, chair notes.
import { Button, Group, Modal, MultiSelect, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { fr } from '../../../../../shared/i18n';
import { api, useQuery } from '../../../api';
import { errorUnder, type FieldErrors } from '../../../components/useFormSubmit';
import type { ItemForm } from './agenda';

const L = fr.meetings.ui;

export interface EditingItem {
  id?: string;
  form: ItemForm;
}

export function AgendaItemDialog({ editing, errors, returnFocus, onChange, onSave, onClose }: { editing: EditingItem | null; errors: FieldErrors; returnFocus: boolean; onChange: (form: ItemForm) => void; onSave: () => void; onClose: () => void }) {
  const axes = useQuery(() => api().axes.list(), []);
  const actions = useQuery(() => api().strategy.actions({}), []);
  const form = editing?.form;
  const set = (patch: Partial<ItemForm>) => form && onChange({ ...form, ...patch });
  return (
    <Modal opened={editing !== null} onClose={onClose} returnFocus={returnFocus} title={form?.kind === 'section' ? L.addSection : editing?.id ? fr.actions.edit : L.addItem} size="lg">
      {form ? (
        <Stack
          gap="sm"
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            onSave();
          }}
        >
          <TextInput label={form.kind === 'section' ? L.sectionTitle : L.itemTitle} data-autofocus value={form.title} error={errors.title} onChange={(e) => set({ title: e.currentTarget.value })} />
          {form.kind === 'item' ? (
            <>
              <Group grow>
                <NumberInput label={L.duration} min={0} max={600} value={form.durationMin} error={errors.durationMin} onChange={(v) => set({ durationMin: Number(v) || 0 })} />
                <TextInput label={L.presenter} value={form.presenter} error={errors.presenter} onChange={(e) => set({ presenter: e.currentTarget.value })} />
              </Group>
              <Select label={L.axis} clearable data={(axes.data ?? []).map((a) => ({ value: a.id, label: a.title }))} value={form.axisId} error={errors.axisId} onChange={(v) => set({ axisId: v })} />
              <MultiSelect label={L.linkedActions} searchable data={(actions.data ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.title}` }))} value={form.linkedActionIds} error={errorUnder(errors, 'linkedActionIds')} onChange={(v) => set({ linkedActionIds: v })} />
              <Textarea label={L.chairNotes} autosize minRows={2} value={form.chairNotes} error={errors.chairNotes} onChange={(e) => set({ chairNotes: e.currentTarget.value })} />
            </>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {fr.actions.cancel}
            </Button>
            <Button type="submit">{fr.actions.save}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
