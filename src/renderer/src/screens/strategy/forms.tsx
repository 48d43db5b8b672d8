// Small strategy forms: new action, axis and objective, with French validation next to each field.
import { ColorInput, Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ActionInput, AxisInput, ObjectiveInput, type PlanTree } from '../../../../shared/contract/strategy';
import { endsBeforeStart } from '../../../../shared/fields';
import { fr } from '../../../../shared/i18n';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { useFormSubmit } from '../../components/useFormSubmit';

const s = fr.strategy.ui;
const e = fr.strategy.errors;
export const AXIS_SWATCHES = ['#1f5fa8', '#b35c00', '#2e7d5b', '#7a3e9d', '#a83250', '#4a6670'];

export interface NewActionValues {
  title: string;
  objectiveId: string;
  pilotOrganisationId: string;
  startDate: string;
  endDate: string;
}

/** The new-action form's values as the `actions:create` channel takes them (empty choices left out). */
export function newActionInput(v: NewActionValues): ActionInput {
  return {
    title: v.title,
    objectiveId: v.objectiveId || undefined,
    pilot: v.pilotOrganisationId ? { organisationId: v.pilotOrganisationId } : undefined,
    startDate: v.startDate || undefined,
    endDate: v.endDate || undefined,
  };
}

/** The cross-field rule of a span's dates, next to its end field. */
export function datesRule(startDate: string, endDate: string): Record<string, string> {
  return endsBeforeStart(startDate, endDate) ? { endDate: e.endBeforeStart } : {};
}

/** Options of an objective picker grouped by axis, plus the « À classer » inbox. */
export function objectiveOptions(tree: PlanTree | undefined) {
  const groups = (tree?.axes ?? [])
    .filter((a) => !a.archived)
    .map((a, i) => ({
      group: `${s.axisN(i + 1)} — ${a.title}`,
      items: a.objectives.filter((o) => !o.archived).map((o) => ({ value: o.id, label: o.title })),
    }))
    .filter((g) => g.items.length);
  return [{ group: s.inboxGroup, items: [{ value: '', label: fr.strategy.inbox }] }, ...groups];
}

export function NewActionForm({
  tree,
  partners,
  initialObjectiveId,
  onSubmit,
  onCancel,
}: {
  tree: PlanTree | undefined;
  partners: { value: string; label: string }[];
  initialObjectiveId?: string;
  onSubmit: (v: ActionInput) => Promise<void>;
  onCancel: () => void;
}) {
  const [v, setV] = useState<NewActionValues>({ title: '', objectiveId: initialObjectiveId ?? '', pilotOrganisationId: '', startDate: '', endDate: '' });
  const { errors, busy, submit: check } = useFormSubmit('title');
  const submit = () => check(ActionInput, newActionInput(v), onSubmit, datesRule(v.startDate, v.endDate));
  return (
    <Stack>
      <TextInput label={s.fields.title} required data-autofocus value={v.title} onChange={(x) => setV({ ...v, title: x.currentTarget.value })} error={errors.title} maxLength={300} />
      <Select
        label={s.fields.objective}
        description={s.objectiveHelp}
        data={objectiveOptions(tree)}
        value={v.objectiveId}
        onChange={(x) => setV({ ...v, objectiveId: x ?? '' })}
        searchable
        allowDeselect={false}
        error={errors.objectiveId}
      />
      <Select
        label={s.fields.pilot}
        data={partners}
        value={v.pilotOrganisationId || null}
        onChange={(x) => setV({ ...v, pilotOrganisationId: x ?? '' })}
        searchable
        clearable
        nothingFoundMessage={s.noPartner}
        error={errors['pilot.organisationId']}
      />
      <Group grow>
        <DateField label={s.fields.startDate} value={v.startDate} onChange={(x) => setV({ ...v, startDate: x })} error={errors.startDate} />
        <DateField label={s.fields.endDate} value={v.endDate} onChange={(x) => setV({ ...v, endDate: x })} error={errors.endDate} />
      </Group>
      <FormActions onCancel={onCancel} onSubmit={submit} busy={busy} submitLabel={s.addAction} />
    </Stack>
  );
}

export function AxisForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: { title: string; colour: string; description?: string };
  submitLabel: string;
  onSubmit: (v: { title: string; colour: string; description: string }) => Promise<void>;
  onCancel: () => void;
}) {
  const [v, setV] = useState({ title: initial?.title ?? '', colour: initial?.colour ?? AXIS_SWATCHES[0], description: initial?.description ?? '' });
  const { errors, busy, submit: check } = useFormSubmit('title');
  const submit = () => check(AxisInput, v, () => onSubmit(v));
  return (
    <Stack>
      <TextInput label={s.fields.axisTitle} required data-autofocus value={v.title} onChange={(x) => setV({ ...v, title: x.currentTarget.value })} error={errors.title} maxLength={300} />
      <ColorInput label={s.fields.colour} description={s.colourHelp} format="hex" swatches={AXIS_SWATCHES} eyeDropperButtonProps={{ 'aria-label': fr.a11y.eyeDropper }} value={v.colour} onChange={(c) => setV({ ...v, colour: c })} error={errors.colour} />
      <Textarea label={s.fields.description} autosize minRows={2} value={v.description} onChange={(x) => setV({ ...v, description: x.currentTarget.value })} error={errors.description} />
      <FormActions onCancel={onCancel} onSubmit={submit} busy={busy} submitLabel={submitLabel} />
    </Stack>
  );
}

export function ObjectiveForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: { title: string; description?: string };
  submitLabel: string;
  onSubmit: (v: { title: string; description: string }) => Promise<void>;
  onCancel: () => void;
}) {
  const [v, setV] = useState({ title: initial?.title ?? '', description: initial?.description ?? '' });
  const { errors, busy, submit: check } = useFormSubmit('title');
  const submit = () => check(ObjectiveInput.omit({ axisId: true }), v, () => onSubmit(v));
  return (
    <Stack>
      <TextInput label={s.fields.objectiveTitle} required data-autofocus value={v.title} onChange={(x) => setV({ ...v, title: x.currentTarget.value })} error={errors.title} maxLength={300} />
      <Textarea label={s.fields.description} autosize minRows={2} value={v.description} onChange={(x) => setV({ ...v, description: x.currentTarget.value })} error={errors.description} />
      <FormActions onCancel={onCancel} onSubmit={submit} busy={busy} submitLabel={submitLabel} />
    </Stack>
  );
}
