// Instance page: the « Clore l'instance » and « Modifier l'instance » dialogs.
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { fr } from '../../../../../shared/i18n';
import type { Confidentiality } from '../../../../../shared/model';
import { DateField } from '../../../components/DateField';
import type { InstanceEditing } from './useInstanceEditing';

const L = fr.meetings.ui;

export function CloseInstanceDialog({ editing }: { editing: InstanceEditing }) {
  const { open, hide, form, setForm, submit, errors } = editing.close;
  return (
    <Modal opened={open} onClose={hide} title={L.closeInstance}>
      <Stack gap="sm">
        <DateField label={L.closedAt} value={form.closedAt} onChange={(v) => setForm((c) => ({ ...c, closedAt: v }))} error={errors.closedAt} />
        <TextInput label={L.closeReason} value={form.reason} error={errors.reason} onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={hide}>
            {fr.actions.cancel}
          </Button>
          <Button color="red" onClick={() => void submit()}>
            {L.closeInstance}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function EditInstanceDialog({ editing }: { editing: InstanceEditing }) {
  const { form, hide, setForm, submit, errors } = editing.edit;
  const err = (k: keyof NonNullable<typeof form>) => errors[`patch.${k}`] ?? errors[k];
  return (
    <Modal opened={form !== null} onClose={hide} title={L.editInstance} size="lg">
      {form ? (
        <Stack gap="sm">
          <TextInput label={L.colName} value={form.name} error={err('name')} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          <Group grow>
            <TextInput label={L.theme} value={form.theme} error={err('theme')} onChange={(e) => setForm({ ...form, theme: e.currentTarget.value })} />
            <TextInput label={L.territory} value={form.territory} error={err('territory')} onChange={(e) => setForm({ ...form, territory: e.currentTarget.value })} />
            <TextInput label={L.cadence} value={form.cadence} error={err('cadence')} onChange={(e) => setForm({ ...form, cadence: e.currentTarget.value })} />
          </Group>
          <Select
            label={L.confidentiality}
            allowDeselect={false}
            data={(['public', 'restricted', 'confidential'] as const).map((c) => ({ value: c, label: fr.confidentiality[c] }))}
            value={form.confidentiality}
            error={err('confidentiality')}
            onChange={(v) => setForm({ ...form, confidentiality: (v ?? form.confidentiality) as Confidentiality })}
          />
          <Textarea label={L.purpose} autosize minRows={2} value={form.purpose} error={err('purpose')} onChange={(e) => setForm({ ...form, purpose: e.currentTarget.value })} />
          <Group justify="flex-end">
            <Button variant="default" onClick={hide}>
              {fr.actions.cancel}
            </Button>
            <Button onClick={() => void submit()}>{fr.actions.save}</Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
