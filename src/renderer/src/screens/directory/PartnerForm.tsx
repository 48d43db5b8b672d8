// Form to create or edit a partner institution, with French validation next to each field.
import { Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { OrganisationInput } from '../../../../shared/contract/directory';
import { fr } from '../../../../shared/i18n';
import type { Category, Organisation } from '../../../../shared/model';
import { FormActions } from '../../components/FormActions';
import { useFormSubmit } from '../../components/useFormSubmit';

const t = fr.directory.form;

export function PartnerForm({
  categories,
  initial,
  onSubmit,
  onCancel,
}: {
  categories: Category[];
  initial?: Organisation;
  onSubmit: (v: OrganisationInput) => Promise<void>;
  onCancel: () => void;
}) {
  const [v, setV] = useState<OrganisationInput>({
    name: initial?.name ?? '',
    shortName: initial?.shortName ?? '',
    categoryId: initial?.categoryId ?? '',
    address: initial?.address ?? '',
    email: initial?.email ?? '',
    phone: initial?.phone ?? '',
    website: initial?.website ?? '',
    notes: initial?.notes ?? '',
  });
  const { errors, busy, submit: check } = useFormSubmit('name');
  const set = (k: keyof OrganisationInput) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });

  // The contract's own schema checks every field (the service checks it again).
  const submit = () => check(OrganisationInput, v, () => onSubmit(v));

  return (
    <Stack>
      <TextInput label={t.name} required value={v.name} onChange={set('name')} error={errors.name} data-autofocus maxLength={300} />
      <Group grow>
        <TextInput label={t.shortName} value={v.shortName} onChange={set('shortName')} error={errors.shortName} maxLength={300} />
        <Select
          label={t.category}
          required
          searchable
          data={categories.map((c) => ({ value: c.id, label: c.label }))}
          value={v.categoryId || null}
          onChange={(x) => setV({ ...v, categoryId: x ?? '' })}
          error={errors.categoryId}
          nothingFoundMessage={t.noCategory}
        />
      </Group>
      <TextInput label={t.address} value={v.address} onChange={set('address')} error={errors.address} maxLength={300} />
      <Group grow>
        <TextInput label={t.email} value={v.email} onChange={set('email')} error={errors.email} maxLength={300} />
        <TextInput label={t.phone} value={v.phone} onChange={set('phone')} error={errors.phone} maxLength={300} />
      </Group>
      <TextInput label={t.website} value={v.website} onChange={set('website')} error={errors.website} maxLength={300} />
      <Textarea label={t.notes} autosize minRows={2} value={v.notes} onChange={set('notes')} error={errors.notes} />
      <FormActions onCancel={onCancel} onSubmit={submit} busy={busy} />
    </Stack>
  );
}
