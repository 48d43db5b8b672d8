// Suivi par axe: the indicators of the axis — a table of last values against targets, then charts with their numbers written out.
import { Anchor, Button, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { IndicatorSummary } from '../../../../../shared/contract/strategy';
import { fr } from '../../../../../shared/i18n';
import { links } from '../../../app/registry';
import { WideTable } from '../../../components/WideTable';
import { IndicatorChart } from '../IndicatorChart';
import { IndicatorBadge } from '../ui';
import { chartNumbers, CHARTS_SHOWN, lastValue, ROWS_SHOWN, valueWithUnit } from './axisData';
import type { AxisViewState } from './useAxisView';

const s = fr.strategy.ui;

function IndicatorsTable({ series, view }: { series: IndicatorSummary[]; view: AxisViewState['indicators'] }) {
  return (
    <>
      <WideTable fz="sm" mb="md" striped aria-label={s.indicatorsTable}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{s.cols.code}</Table.Th>
            <Table.Th>{s.cols.indicator}</Table.Th>
            <Table.Th ta="right">{s.cols.lastValue}</Table.Th>
            <Table.Th ta="right">{s.target}</Table.Th>
            <Table.Th>{s.cols.status}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.shown.map(({ actionId, actionCode, indicator, status }) => (
            <Table.Tr key={indicator.id}>
              <Table.Td ff="monospace">
                <Anchor href={`#${links.action(actionId)}`} size="sm">
                  {actionCode}
                </Anchor>
              </Table.Td>
              <Table.Td>{indicator.title}</Table.Td>
              <Table.Td ta="right">{lastValue(indicator)}</Table.Td>
              <Table.Td ta="right">{valueWithUnit(indicator.target, indicator.unit)}</Table.Td>
              <Table.Td>
                <IndicatorBadge status={status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </WideTable>
      {series.length > ROWS_SHOWN ? (
        <Button variant="subtle" mb="sm" onClick={view.toggle}>
          {view.expanded ? s.fewerRows : s.allIndicators(series.length)}
        </Button>
      ) : null}
    </>
  );
}

function IndicatorCharts({ charts }: { charts: AxisViewState['charts'] }) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {charts.shown.map(({ actionCode, actionStartDate, indicator }) => {
          const numbers = chartNumbers(indicator);
          return (
            <Paper key={indicator.id} withBorder p="sm">
              <Text fw={600} size="sm">
                {actionCode} — {indicator.title}
              </Text>
              <Text size="xs" c="dimmed" mb="xs">
                {s.chartNumbers(numbers.values, numbers.target)}
              </Text>
              <IndicatorChart indicator={indicator} startDate={actionStartDate} height={180} showTable={false} />
            </Paper>
          );
        })}
      </SimpleGrid>
      {charts.measured.length > CHARTS_SHOWN ? (
        <Button variant="subtle" mt="sm" onClick={charts.toggle}>
          {charts.expanded ? s.fewerCharts : s.allCharts(charts.measured.length)}
        </Button>
      ) : null}
    </>
  );
}

export function IndicatorsSection({ series, view }: { series: IndicatorSummary[]; view: AxisViewState }) {
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-label={s.indicatorsTitle}>
      <Title order={2} size="h4" mb="sm">
        {s.indicatorsTitle}
      </Title>
      {series.length === 0 ? (
        <Text size="sm" c="dimmed">
          {s.noIndicatorAxis}
        </Text>
      ) : (
        <>
          <IndicatorsTable series={series} view={view.indicators} />
          <IndicatorCharts charts={view.charts} />
        </>
      )}
    </Paper>
  );
}
