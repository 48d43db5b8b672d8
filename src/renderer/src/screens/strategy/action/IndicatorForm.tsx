// Indicator dialog of a fiche action: create one, or edit its title, unit, type, definition, baseline and target.
import { Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { IndicatorInput } from '../../../../../shared/contract/strategy';
import { fr } from '../../../../../shared/i18n';
import type { Indicator, IndicatorType } from '../../../../../shared/model';
import { api, call } from '../../../api';
import { DateField } from '../../../components/DateField';
import { FormActions } from '../../../components/FormActions';
import { formNumber, useFormSubmit } from '../../../components/useFormSubmit';
import { optionsOf } from './text';

const s = fr.strategy.ui;

export function IndicatorForm({ actionId, initial, onDone }: { actionId: string; initial?: Indicator; onDone: () => void }) {
  const [v, setV] = useState<{ title: string; unit: string; type: IndicatorType; definition: string; baseline: number | string; target: number | string; targetDate: string; source: string; frequency: string }>({
    title: initial?.title ?? '',
    unit: initial?.unit ?? '',
    type: initial?.type ?? 'output',
    definition: initial?.definition ?? '',
    baseline: initial?.baseline ?? '',
    target: initial?.target ?? '',
    targetDate: initial?.targetDate ?? '',
    source: initial?.source ?? '',
    frequency: initial?.frequency ?? '',
  });
  const { errors, busy, submit: check } = useFormSubmit('title');
  const submit = () => {
    const input: IndicatorInput = {
      title: v.title,
      unit: v.unit,
      type: v.type,
      definition: v.definition || undefined,
      baseline: formNumber(v.baseline),
      target: formNumber(v.target),
      targetDate: v.targetDate || undefined,
      source: v.source || undefined,
      frequency: v.frequency || undefined,
    };
    return check(IndicatorInput, input, async () => {
      if (initial) {
        // Emptied text fields are sent as '' so the service removes them.
        const patch = { ...input, definition: v.definition, targetDate: v.targetDate, source: v.source, frequency: v.frequency };
        await call(api().indicators.update({ actionId, indicatorId: initial.id, patch }), { mutation: true, success: s.indicatorSaved });
      } else await call(api().indicators.create({ actionId, indicator: input }), { mutation: true, success: s.indicatorAdded });
      onDone();
    });
  };
  return (
    <Stack>
      <TextInput label={s.fields.indicatorTitle} required data-autofocus value={v.title} onChange={(x) => setV({ ...v, title: x.currentTarget.value })} error={errors.title} />
      <Group grow>
        <TextInput label={s.fields.unit} placeholder={s.unitPlaceholder} value={v.unit} onChange={(x) => setV({ ...v, unit: x.currentTarget.value })} error={errors.unit} />
        <Select label={s.fields.indicatorType} data={optionsOf(fr.indicatorType)} value={v.type} allowDeselect={false} onChange={(x) => setV({ ...v, type: (x ?? 'output') as IndicatorType })} />
      </Group>
      <Textarea label={s.fields.definition} autosize minRows={2} value={v.definition} onChange={(x) => setV({ ...v, definition: x.currentTarget.value })} error={errors.definition} />
      <Group grow align="flex-start">
        <NumberInput label={s.fields.baseline} decimalSeparator="," value={v.baseline} onChange={(x) => setV({ ...v, baseline: x })} error={errors.baseline} />
        <NumberInput label={s.fields.target} decimalSeparator="," value={v.target} onChange={(x) => setV({ ...v, target: x })} error={errors.target} />
        <DateField label={s.fields.targetDate} value={v.targetDate} onChange={(x) => setV({ ...v, targetDate: x })} error={errors.targetDate} />
      </Group>
      <Group grow>
        <TextInput label={s.fields.source} value={v.source} onChange={(x) => setV({ ...v, source: x.currentTarget.value })} error={errors.source} />
        <TextInput label={s.fields.frequency} placeholder={s.frequencyPlaceholder} value={v.frequency} onChange={(x) => setV({ ...v, frequency: x.currentTarget.value })} error={errors.frequency} />
      </Group>
      <FormActions onCancel={onDone} onSubmit={submit} busy={busy} submitLabel={initial ? fr.actions.save : s.addIndicator} />
    </Stack>
  );
}

