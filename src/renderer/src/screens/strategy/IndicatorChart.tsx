// Indicator chart: measured values against the trajectory to the target (dashed) and the target line, with the numbers as a table.
import { LineChart } from '@mantine/charts';
import { ActionIcon, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { formatDate, formatNumber, formatShortDate } from '../../../../shared/format';
import { expectedIndicatorValue } from '../../../../shared/health';
import { fr } from '../../../../shared/i18n';
import type { Indicator } from '../../../../shared/model';
import { rowKey, rowList } from '../../components/rowFocus';
import { WideTable } from '../../components/WideTable';

const s = fr.strategy.ui;

interface Point {
  date: string;
  label: string;
  measured: number | null;
  trajectory: number | null;
}

/** Points of the chart: every measurement date plus the start and the target date of the trajectory. */
export function chartPoints(indicator: Indicator, startDate?: string): Point[] {
  const ms = indicator.measurements;
  const dates = new Set(ms.map((m) => m.date));
  const hasLine = indicator.target !== undefined && indicator.targetDate !== undefined;
  const origin = startDate && indicator.targetDate && startDate < indicator.targetDate ? startDate : ms[0]?.date;
  if (hasLine && origin) {
    dates.add(origin);
    dates.add(indicator.targetDate!);
  }
  const baseline = indicator.baseline ?? (ms.length > 1 ? ms[0].value : 0);
  const values = new Map(ms.map((m) => [m.date, m.value]));
  return [...dates].sort().map((date) => ({
    date,
    label: formatShortDate(date),
    measured: values.get(date) ?? null,
    trajectory: hasLine && origin ? Math.round(expectedIndicatorValue(baseline, indicator.target!, origin, indicator.targetDate!, date) * 100) / 100 : null,
  }));
}

export function IndicatorChart({
  indicator,
  startDate,
  height = 220,
  showTable = true,
  onDeleteMeasurement,
}: {
  indicator: Indicator;
  startDate?: string;
  height?: number;
  showTable?: boolean;
  /** When given, each measurement row gets a delete button. */
  onDeleteMeasurement?: (measurementId: string, date: string) => void;
}) {
  const points = chartPoints(indicator, startDate);
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  const caption = s.chartCaption(indicator.title);
  if (!indicator.measurements.length) {
    return (
      <Text size="sm" c="dimmed">
        {s.noMeasurement}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <figure style={{ margin: 0 }} aria-label={caption}>
        <LineChart
          h={height}
          data={points}
          dataKey="label"
          series={[
            { name: 'measured', label: `${s.measured}${indicator.unit ? ` (${indicator.unit})` : ''}`, color: '#1f5fa8' },
            { name: 'trajectory', label: s.trajectory, color: '#b35c00', strokeDasharray: '6 4' },
          ]}
          curveType="linear"
          connectNulls
          withLegend
          valueFormatter={(v) => formatNumber(v)}
          referenceLines={indicator.target !== undefined ? [{ y: indicator.target, label: `${s.target} ${formatNumber(indicator.target)}${unit}`, color: 'red.8', strokeDasharray: '2 2' }] : []}
          tooltipAnimationDuration={0}
          lineChartProps={{ accessibilityLayer: true }}
        />
        <VisuallyHidden>
          <figcaption>{caption}</figcaption>
        </VisuallyHidden>
      </figure>
      {showTable ? (
        <WideTable withTableBorder striped fz="sm" aria-label={s.valuesOf(indicator.title)}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{s.date}</Table.Th>
              <Table.Th ta="right">{s.measured}</Table.Th>
              <Table.Th ta="right">{s.expected}</Table.Th>
              <Table.Th>{s.comment}</Table.Th>
              {onDeleteMeasurement ? <Table.Th w={40} /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody {...rowList(`measurements-${indicator.id}`)}>
            {indicator.measurements.map((m) => {
              const p = points.find((x) => x.date === m.date);
              return (
                <Table.Tr key={m.id} {...rowKey(m.id)}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatShortDate(m.date)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatNumber(m.value)}
                    {unit}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{p?.trajectory != null ? `${formatNumber(p.trajectory)}${unit}` : '—'}</Table.Td>
                  <Table.Td>{m.comment ?? ''}</Table.Td>
                  {onDeleteMeasurement ? (
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" aria-label={s.deleteMeasurement(formatDate(m.date))} onClick={() => onDeleteMeasurement(m.id, m.date)}>
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </WideTable>
      ) : null}
    </Stack>
  );
}
