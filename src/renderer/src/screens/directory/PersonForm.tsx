// Form to add or edit a contact person of an institution.
import { Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { PersonInput } from '../../../../shared/contract/directory';
import { fr } from '../../../../shared/i18n';
import type { Person } from '../../../../shared/model';
import { FormActions } from '../../components/FormActions';
import { EMAIL_RE } from '../../../../shared/text';
import { type FieldErrors, useFormSubmit } from '../../components/useFormSubmit';

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
  const { errors, busy, run } = useFormSubmit('lastName');
  const set = (k: keyof PersonInput) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });
  const submit = async () => {
    const e: FieldErrors = {};
    if (!v.lastName.trim()) e.lastName = t.lastNameRequired;
    if (v.email && !EMAIL_RE.test(v.email.trim())) e.email = tf.emailInvalid;
    await run(e, () => onSubmit(v));
  };
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
        <TextInput label={t.firstName} value={v.firstName} onChange={set('firstName')} data-autofocus maxLength={300} />
        <TextInput label={t.lastName} required value={v.lastName} onChange={set('lastName')} error={errors.lastName} maxLength={300} />
      </Group>
      <TextInput label={t.jobTitle} value={v.jobTitle} onChange={set('jobTitle')} placeholder={t.jobTitlePlaceholder} maxLength={300} />
      <Group grow>
        <TextInput label={tf.email} value={v.email} onChange={set('email')} error={errors.email} maxLength={300} />
        <TextInput label={tf.phone} value={v.phone} onChange={set('phone')} maxLength={300} />
      </Group>
      <FormActions onCancel={onCancel} onSubmit={submit} busy={busy} />
    </Stack>
  );
}
