// « Modifier la fiche » dialog: every field of a fiche action (texts, pilot, partners, dates, following instance).
import { ActionIcon, Button, Group, Select, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ActionPatch, type ActionDetail } from '../../../../../shared/contract/strategy';
import { fr } from '../../../../../shared/i18n';
import type { PartnerRole } from '../../../../../shared/model';
import { api, call, useQuery } from '../../../api';
import { DateField } from '../../../components/DateField';
import { FormActions } from '../../../components/FormActions';
import { errorUnder, useFormSubmit } from '../../../components/useFormSubmit';
import { datesRule } from '../forms';
import { optionsOf } from './text';

const s = fr.strategy.ui;

export function EditSheet({ detail, onDone }: { detail: ActionDetail; onDone: () => void }) {
  const a = detail.action;
  const partners = useQuery(() => api().partners.list(), []);
  const people = useQuery(() => api().people.list(), []);
  const instances = useQuery(() => api().instances.list(), []);
  const [v, setV] = useState({
    code: a.code,
    title: a.title,
    context: a.context ?? '',
    description: a.description ?? '',
    modalities: a.modalities ?? '',
    targetPublic: a.targetPublic ?? '',
    territory: a.territory ?? '',
    means: a.means ?? '',
    nationalMeasures: a.nationalMeasures,
    pilotOrganisationId: a.pilot.organisationId ?? '',
    pilotPersonId: a.pilot.personId ?? '',
    partners: a.partners.map((p) => ({ ...p })),
    startDate: a.startDate ?? '',
    endDate: a.endDate ?? '',
    followingInstanceId: a.followingInstanceId ?? '',
  });
  const { errors, busy, submit: check } = useFormSubmit('title');
  const orgOptions = (partners.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  const personOptions = (people.data ?? [])
    .filter((p) => !v.pilotOrganisationId || p.organisationId === v.pilotOrganisationId)
    .map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}`.trim() }));
  const text = (k: 'code' | 'title' | 'context' | 'description' | 'modalities' | 'targetPublic' | 'territory' | 'means') => ({
    value: v[k],
    onChange: (x: { currentTarget: { value: string } }) => setV({ ...v, [k]: x.currentTarget.value }),
    error: errors[k],
  });
  const submit = () => {
    const patch: ActionPatch = {
      code: v.code,
      title: v.title,
      context: v.context,
      description: v.description,
      modalities: v.modalities,
      targetPublic: v.targetPublic,
      territory: v.territory,
      means: v.means,
      nationalMeasures: v.nationalMeasures,
      pilot: { organisationId: v.pilotOrganisationId, personId: v.pilotPersonId },
      partners: v.partners.filter((p) => p.organisationId),
      startDate: v.startDate,
      endDate: v.endDate,
      followingInstanceId: v.followingInstanceId,
    };
    return check(ActionPatch, patch, async (parsed) => {
      await call(api().actions.update({ id: a.id, patch: parsed }), { mutation: true, success: s.sheetSaved });
      onDone();
    }, datesRule(v.startDate, v.endDate));
  };
  return (
    <Stack>
      <Group grow align="flex-start">
        <TextInput label={s.fields.code} required maxLength={30} {...text('code')} style={{ flex: '0 0 160px' }} />
        <TextInput label={s.fields.title} required maxLength={300} {...text('title')} />
      </Group>
      <Textarea label={s.fields.context} autosize minRows={2} {...text('context')} />
      <Textarea label={s.fields.description} autosize minRows={2} {...text('description')} />
      <Textarea label={s.fields.modalities} autosize minRows={2} {...text('modalities')} />
      <Group grow>
        <TextInput label={s.fields.targetPublic} {...text('targetPublic')} />
        <TextInput label={s.fields.territory} {...text('territory')} />
      </Group>
      <Textarea label={s.fields.means} autosize minRows={1} {...text('means')} />
      <TagsInput label={s.fields.nationalMeasures} description={s.nationalMeasuresHelp} value={v.nationalMeasures} onChange={(x) => setV({ ...v, nationalMeasures: x })} error={errorUnder(errors, 'nationalMeasures')} />
      <Group grow align="flex-start">
        <Select label={s.fields.pilot} data={orgOptions} searchable clearable value={v.pilotOrganisationId || null} onChange={(x) => setV({ ...v, pilotOrganisationId: x ?? '', pilotPersonId: '' })} error={errors['pilot.organisationId']} />
        <Select label={s.fields.pilotPerson} data={personOptions} searchable clearable value={v.pilotPersonId || null} onChange={(x) => setV({ ...v, pilotPersonId: x ?? '' })} error={errors['pilot.personId']} nothingFoundMessage={s.noPerson} />
      </Group>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {s.sections.partners}
        </Text>
        {v.partners.map((p, i) => (
          <Group key={i} grow align="flex-end" wrap="nowrap">
            <Select aria-label={s.fields.partner} data={orgOptions} searchable value={p.organisationId || null} onChange={(x) => setV({ ...v, partners: v.partners.map((q, j) => (j === i ? { ...q, organisationId: x ?? '' } : q)) })} />
            <Select aria-label={s.fields.role} data={optionsOf(fr.partnerRole)} value={p.role} allowDeselect={false} onChange={(x) => setV({ ...v, partners: v.partners.map((q, j) => (j === i ? { ...q, role: (x ?? 'associate') as PartnerRole } : q)) })} style={{ flex: '0 0 160px' }} />
            <ActionIcon variant="subtle" color="red" aria-label={s.removePartner} onClick={() => setV({ ...v, partners: v.partners.filter((_, j) => j !== i) })} style={{ flex: 'none' }}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        {errorUnder(errors, 'partners') ? (
          <Text size="sm" c="red.8" role="alert">
            {errorUnder(errors, 'partners')}
          </Text>
        ) : null}
        <Button size="xs" variant="light" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => setV({ ...v, partners: [...v.partners, { organisationId: '', role: 'associate' }] })}>
          {s.addPartner}
        </Button>
      </Stack>
      <Group grow>
        <DateField label={s.fields.startDate} value={v.startDate} onChange={(x) => setV({ ...v, startDate: x })} error={errors.startDate} />
        <DateField label={s.fields.endDate} value={v.endDate} onChange={(x) => setV({ ...v, endDate: x })} error={errors.endDate} />
      </Group>
      <Select
        label={s.fields.followingInstance}
        data={(instances.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
        value={v.followingInstanceId || null}
        onChange={(x) => setV({ ...v, followingInstanceId: x ?? '' })}
        clearable
        error={errors.followingInstanceId}
      />
      <FormActions onCancel={onDone} onSubmit={submit} busy={busy} />
    </Stack>
  );
}
