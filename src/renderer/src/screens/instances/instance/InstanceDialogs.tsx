// Instance page: the « Clore l'instance » and « Modifier l'instance » dialogs.
import { Alert, Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { fr } from '../../../../../shared/i18n';
import type { Confidentiality } from '../../../../../shared/model';
import { DateField, INVALID_DATE } from '../../../components/DateField';
import type { InstanceEditing } from './useInstanceEditing';

const L = fr.meetings.ui;

export function CloseInstanceDialog({ editing }: { editing: InstanceEditing }) {
  const { open, hide, form, setForm, submit } = editing.close;
  return (
    <Modal opened={open} onClose={hide} title={L.closeInstance}>
      <Stack gap="sm">
        <DateField label={L.closedAt} value={form.closedAt} onChange={(v) => setForm((c) => ({ ...c, closedAt: v }))} error={form.closedAt === INVALID_DATE ? fr.meetings.ux.invalidDate : undefined} />
        <TextInput label={L.closeReason} value={form.reason} onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })} />
        {editing.error ? <Alert color="red">{editing.error}</Alert> : null}
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
  const { form, hide, setForm, submit } = editing.edit;
  return (
    <Modal opened={form !== null} onClose={hide} title={L.editInstance} size="lg">
      {form ? (
        <Stack gap="sm">
          <TextInput label={L.colName} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          <Group grow>
            <TextInput label={L.theme} value={form.theme} onChange={(e) => setForm({ ...form, theme: e.currentTarget.value })} />
            <TextInput label={L.territory} value={form.territory} onChange={(e) => setForm({ ...form, territory: e.currentTarget.value })} />
            <TextInput label={L.cadence} value={form.cadence} onChange={(e) => setForm({ ...form, cadence: e.currentTarget.value })} />
          </Group>
          <Select
            label={L.confidentiality}
            allowDeselect={false}
            data={(['public', 'restricted', 'confidential'] as const).map((c) => ({ value: c, label: fr.confidentiality[c] }))}
            value={form.confidentiality}
            onChange={(v) => setForm({ ...form, confidentiality: (v ?? form.confidentiality) as Confidentiality })}
          />
          <Textarea label={L.purpose} autosize minRows={2} value={form.purpose} onChange={(e) => setForm({ ...form, purpose: e.currentTarget.value })} />
          {editing.error ? <Alert color="red">{editing.error}</Alert> : null}
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
