// Form to add or edit a contact person of an institution.
import { Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { PersonInput } from '../../../../shared/contract/directory';
import { fr } from '../../../../shared/i18n';
import type { Person } from '../../../../shared/model';
import { FormActions } from '../../components/FormActions';
import { useFormSubmit } from '../../components/useFormSubmit';

const t = fr.directory.person;
const tf = fr.directory.form;

export function PersonForm({ organisationId, initial, onSubmit, onCancel }: { organisationId: string; initial?: Person; onSubmit: (v: PersonInput) => Promise<void>; onCancel: () => void }) {
  const [v, setV] = useState<PersonInput>({
    organisationId,
    civility: initial?.civility ?? '',
    firstName: initial?.firstName ?? '',
    lastName: initial?.lastName ?? '',
    jobTitle: initial?.jobTitle ?? '',
    email: initial?.email ?? '',
    phone: initial?.phone ?? '',
  });
  const { errors, busy, submit: check } = useFormSubmit('lastName');
  const set = (k: keyof PersonInput) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  const submit = () => check(PersonInput, v, () => onSubmit(v));
  return (
    <Stack>
      <Group grow>
        <Select
          label={t.civility}
          data={[
            { value: '', label: '—' },
            { value: 'Mme', label: 'Mme' },
            { value: 'M.', label: 'M.' },
          ]}
          value={v.civility}
          onChange={(x) => setV({ ...v, civility: (x ?? '') as PersonInput['civility'] })}
          allowDeselect={false}
        />
        <TextInput label={t.firstName} value={v.firstName} onChange={set('firstName')} error={errors.firstName} data-autofocus maxLength={300} />
        <TextInput label={t.lastName} required value={v.lastName} onChange={set('lastName')} error={errors.lastName} maxLength={300} />
      </Group>
      <TextInput label={t.jobTitle} value={v.jobTitle} onChange={set('jobTitle')} error={errors.jobTitle} placeholder={t.jobTitlePlaceholder} maxLength={300} />
      <Group grow>
        <TextInput label={tf.email} value={v.email} onChange={set('email')} error={errors.email} maxLength={300} />
        <TextInput label={tf.phone} value={v.phone} onChange={set('phone')} error={errors.phone} maxLength={300} />
      </Group>
      <FormActions onCancel={onCancel} onSubmit={submit} busy={busy} />
    </Stack>
  );
}
