// Suivi par axe: one row per objective — its actions, average progress and weathers.
import { Paper, Table, Title } from '@mantine/core';
import type { AxisPage } from '../../../../../shared/contract/strategy';
import { fr } from '../../../../../shared/i18n';
import { WideTable } from '../../../components/WideTable';
import { ProgressCell } from '../ui';
import { healthCountsOf } from './axisData';
import { HealthCountsInline } from './Counts';

const s = fr.strategy.ui;

export function ObjectivesTable({ objectives }: { objectives: AxisPage['objectives'] }) {
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-label={s.objectivesTitle}>
      <Title order={2} size="h4" mb="sm">
        {s.objectivesTitle}
      </Title>
      <WideTable fz="sm" aria-label={s.objectivesTitle}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{s.cols.objective}</Table.Th>
            <Table.Th>{s.cols.actions}</Table.Th>
            <Table.Th>{s.cols.progress}</Table.Th>
            <Table.Th>{s.cols.health}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {objectives.map((o) => (
            <Table.Tr key={o.objective.id}>
              <Table.Td>{o.objective.title}</Table.Td>
              <Table.Td>{o.actions.length}</Table.Td>
              <Table.Td>
                <ProgressCell value={o.averageProgress} />
              </Table.Td>
              <Table.Td>
                <HealthCountsInline counts={healthCountsOf(o.actions)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </WideTable>
    </Paper>
  );
}
