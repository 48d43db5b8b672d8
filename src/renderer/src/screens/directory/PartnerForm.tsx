// Form to create or edit a partner institution, with French validation next to each field.
import { Button, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { OrganisationInput } from '../../../../shared/contract/directory';
import type { Category, Organisation } from '../../../../shared/model';
import { ApiError } from '../../api';

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
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (k: keyof OrganisationInput) => (e: { currentTarget: { value: string } }) => setV({ ...v, [k]: e.currentTarget.value });

  const submit = async () => {
    const e: Record<string, string> = {};
    if (!v.name.trim()) e.name = 'Indiquez le nom de la structure.';
    if (!v.categoryId) e.categoryId = 'Choisissez une catégorie.';
    if (v.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim())) e.email = 'L’adresse électronique n’est pas valide. Exemple : prenom.nom@ville.fr';
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    try {
      await onSubmit(v);
    } catch (err) {
      if (err instanceof ApiError) setErrors({ [err.info.field ?? 'name']: err.info.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack>
      <TextInput label="Nom de la structure" required value={v.name} onChange={set('name')} error={errors.name} data-autofocus maxLength={300} />
      <Group grow>
        <TextInput label="Sigle" value={v.shortName} onChange={set('shortName')} maxLength={300} />
        <Select
          label="Catégorie"
          required
          searchable
          data={categories.map((c) => ({ value: c.id, label: c.label }))}
          value={v.categoryId || null}
          onChange={(x) => setV({ ...v, categoryId: x ?? '' })}
          error={errors.categoryId}
          nothingFoundMessage="Aucune catégorie"
        />
      </Group>
      <TextInput label="Adresse" value={v.address} onChange={set('address')} maxLength={300} />
      <Group grow>
        <TextInput label="Courriel" value={v.email} onChange={set('email')} error={errors.email} maxLength={300} />
        <TextInput label="Téléphone" value={v.phone} onChange={set('phone')} maxLength={300} />
      </Group>
      <TextInput label="Site internet" value={v.website} onChange={set('website')} maxLength={300} />
      <Textarea label="Notes" autosize minRows={2} value={v.notes} onChange={set('notes')} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Annuler
        </Button>
        <Button onClick={submit} loading={busy}>
          Enregistrer
        </Button>
      </Group>
    </Stack>
  );
}
