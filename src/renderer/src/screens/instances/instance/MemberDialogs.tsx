// Instance page: the « Ajouter un membre » and « Fin de mandat » dialogs.
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import type { MemberRow } from '../../../../../shared/contract/meetings';
import { fr } from '../../../../../shared/i18n';
import type { MemberRole, Person } from '../../../../../shared/model';
import { DateField } from '../../../components/DateField';
import { personOptions, titularOptions, type Seat } from './membership';
import type { InstanceEditing } from './useInstanceEditing';

const L = fr.meetings.ui;

export function AddMemberDialog({ editing, people, history, confidential }: { editing: InstanceEditing; people: Person[]; history: MemberRow[]; confidential: boolean }) {
  const { open, hide, form, setForm, submit, errors } = editing.member;
  return (
    <Modal opened={open} onClose={hide} title={L.addMember}>
      <Stack gap="sm">
        <Select label={L.person} searchable data-autofocus data={personOptions(people)} value={form.personId || null} error={errors.personId} onChange={(v) => setForm({ ...form, personId: v ?? '' })} />
        <Group grow>
          <Select label={L.role} allowDeselect={false} data={Object.entries(fr.memberRole).map(([value, label]) => ({ value, label }))} value={form.role} error={errors.role} onChange={(v) => setForm({ ...form, role: (v ?? 'designated') as MemberRole })} />
          <Select label={L.seat} allowDeselect={false} data={[{ value: 'titular', label: fr.seat.titular }, { value: 'substitute', label: fr.seat.substitute }]} value={form.seat} error={errors.seat} onChange={(v) => setForm({ ...form, seat: (v ?? 'titular') as Seat })} />
        </Group>
        {form.seat === 'substitute' ? <Select label={L.titularOf} data={titularOptions(history)} value={form.titularMembershipId || null} error={errors.titularMembershipId} onChange={(v) => setForm({ ...form, titularMembershipId: v ?? '' })} /> : null}
        <Group grow>
          <DateField label={L.startDate} value={form.startDate} onChange={(v) => setForm((m) => ({ ...m, startDate: v }))} error={errors.startDate} />
          {confidential ? <DateField label={L.charterSignedAt} value={form.charterSignedAt} onChange={(v) => setForm((m) => ({ ...m, charterSignedAt: v }))} error={errors.charterSignedAt} /> : null}
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={hide}>
            {fr.actions.cancel}
          </Button>
          <Button onClick={() => void submit()}>{fr.actions.add}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function EndMembershipDialog({ editing }: { editing: InstanceEditing }) {
  const { row, hide, date, setDate, submit, errors } = editing.end;
  return (
    <Modal opened={row !== null} onClose={hide} title={L.endMembershipTitle}>
      <Stack gap="sm">
        <Text size="sm">
          {row?.personName} — {row?.organisationName}
        </Text>
        <DateField label={L.endDate} value={date} onChange={setDate} error={errors.endDate} />
        <Group justify="flex-end">
          <Button variant="default" onClick={hide}>
            {fr.actions.cancel}
          </Button>
          <Button onClick={() => void submit()}>{L.endMembership}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
