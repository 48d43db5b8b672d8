// One indicator of a fiche action: its definition and target, chart of measurements, add a measurement, edit, delete (with undo).
import { ActionIcon, Button, Group, Modal, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { MeasurementInput, type ActionDetail } from '../../../../../shared/contract/strategy';
import { formatDate, formatNumber } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import type { Action, Indicator } from '../../../../../shared/model';
import { api, call } from '../../../api';
import { deleteWithUndo } from '../../../components/confirm';
import { DateField } from '../../../components/DateField';
import { rowFallback, rowKey } from '../../../components/rowFocus';
import { formNumber, useFormSubmit } from '../../../components/useFormSubmit';
import { IndicatorChart } from '../IndicatorChart';
import { IndicatorBadge } from '../ui';
import { IndicatorForm } from './IndicatorForm';

const s = fr.strategy.ui;

export function IndicatorCard({ action, indicator, status, readOnly }: { action: Action; indicator: Indicator; status: ActionDetail['indicators'][number]['status']; readOnly: boolean }) {
  const [date, setDate] = useState('');
  const [value, setValue] = useState<number | string>('');
  const [comment, setComment] = useState('');
  const { errors, submit } = useFormSubmit('value');
  const [editing, setEditing] = useState(false);
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  const add = () =>
    submit(MeasurementInput, { date, value: formNumber(value) ?? Number.NaN, comment: comment || undefined }, async (measurement) => {
      await call(api().indicators.addMeasurement({ actionId: action.id, indicatorId: indicator.id, measurement }), { mutation: true, success: s.measurementAdded });
      setDate('');
      setValue('');
      setComment('');
    });
  return (
    <Paper withBorder p="sm" radius="sm" aria-label={s.indicatorNamed(indicator.title)} component="article" {...rowKey(indicator.id)}>
      <Group justify="space-between" wrap="wrap" mb={4}>
        <Stack gap={0} style={{ flex: '1 1 200px', minWidth: 0 }}>
          <Text fw={700}>{indicator.title}</Text>
          <Text size="xs" c="dimmed">
            {fr.indicatorType[indicator.type]}
            {indicator.baseline !== undefined ? ` · ${s.baseline} ${formatNumber(indicator.baseline)}${unit}` : ''}
            {indicator.target !== undefined ? ` · ${s.target} ${formatNumber(indicator.target)}${unit}` : ''}
            {indicator.targetDate ? ` ${s.by} ${formatDate(indicator.targetDate)}` : ''}
            {indicator.source ? ` · ${s.source} ${indicator.source}` : ''}
            {indicator.frequency ? ` · ${indicator.frequency}` : ''}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap" style={{ flex: 'none' }}>
          <IndicatorBadge status={status} />
          {!readOnly ? (
            <ActionIcon variant="subtle" aria-label={s.editIndicator(indicator.title)} onClick={() => setEditing(true)}>
              <IconPencil size={16} />
            </ActionIcon>
          ) : null}
          {!readOnly ? (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={s.deleteIndicator(indicator.title)}
              onClick={() => deleteWithUndo(s.deleteIndicator(indicator.title), s.undoable, () => api().indicators.delete({ actionId: action.id, indicatorId: indicator.id }))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          ) : null}
        </Group>
      </Group>
      {indicator.definition ? (
        <Text size="sm" mb="xs">
          {indicator.definition}
        </Text>
      ) : null}
      <IndicatorChart
        indicator={indicator}
        startDate={action.startDate}
        onDeleteMeasurement={
          readOnly
            ? undefined
            : async (measurementId, date) => {
                await deleteWithUndo(s.deleteMeasurement(formatDate(date)), s.undoable, () => api().indicators.deleteMeasurement({ actionId: action.id, indicatorId: indicator.id, measurementId }));
              }
        }
      />
      <Modal opened={editing} onClose={() => setEditing(false)} title={s.editIndicator(indicator.title)} size="lg">
        {editing ? <IndicatorForm actionId={action.id} initial={indicator} onDone={() => setEditing(false)} /> : null}
      </Modal>
      {!readOnly ? (
        <Group align="flex-start" gap="xs" mt="sm" wrap="wrap" aria-label={s.addMeasurement} role="group">
          <DateField label={s.fields.measurementDate} value={date} onChange={setDate} error={errors.date} w={170} />
          <NumberInput label={s.fields.value} decimalSeparator="," value={value} onChange={setValue} error={errors.value} w={140} suffix={unit} />
          <TextInput label={s.fields.comment} value={comment} onChange={(x) => setComment(x.currentTarget.value)} error={errors.comment} style={{ flex: '1 1 160px' }} />
          <Button mt={25} variant="light" leftSection={<IconPlus size={14} />} onClick={add} {...rowFallback(`measurements-${indicator.id}`)}>
            {s.addMeasurement}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}
