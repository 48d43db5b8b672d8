// Suivi par axe: the money — requested, obtained and spent, then per funder as a chart and the same numbers as a table.
import { BarChart } from '@mantine/charts';
import { Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { FundingTotals } from '../../../../../shared/contract/strategy';
import { formatMoney } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { WideTable } from '../../../components/WideTable';
import { funderLabel } from '../ui';
import { Stat } from './Counts';

const s = fr.strategy.ui;
/** At most this many funders in the chart (the table lists them all). */
const FUNDERS_CHARTED = 8;

export function FundingSection({ funding }: { funding: FundingTotals }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={s.sections.funding}>
      <Title order={2} size="h4" mb="sm">
        {s.sections.funding}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 3 }} mb="md">
        <Stat label={s.fields.requested} value={formatMoney(funding.requested)} />
        <Stat label={s.fields.obtained} value={formatMoney(funding.obtained)} />
        <Stat label={s.fields.spent} value={formatMoney(funding.spent)} />
      </SimpleGrid>
      {funding.byFunder.length ? (
        <>
          <BarChart
            h={200}
            data={funding.byFunder.slice(0, FUNDERS_CHARTED).map((f) => ({ ...f, funder: funderLabel(f.funder) }))}
            dataKey="funder"
            series={[
              { name: 'requested', label: s.fields.requested, color: '#84a5dc' },
              { name: 'obtained', label: s.fields.obtained, color: '#1f5fa8' },
              { name: 'spent', label: s.fields.spent, color: '#b35c00' },
            ]}
            withLegend
            valueFormatter={(v) => formatMoney(v)}
            yAxisProps={{ width: 96 }}
            tooltipAnimationDuration={0}
            aria-label={s.fundingChart}
          />
          <WideTable fz="sm" mt="sm" aria-label={s.fundingTable}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{s.fields.funder}</Table.Th>
                <Table.Th ta="right">{s.fields.requested}</Table.Th>
                <Table.Th ta="right">{s.fields.obtained}</Table.Th>
                <Table.Th ta="right">{s.fields.spent}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {funding.byFunder.map((f) => (
                <Table.Tr key={f.funder}>
                  <Table.Td>{funderLabel(f.funder)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(f.requested)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(f.obtained)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(f.spent)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </WideTable>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {s.noFunding}
        </Text>
      )}
    </Paper>
  );
}
