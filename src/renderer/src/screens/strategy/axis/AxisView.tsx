// Suivi par axe: the whole page from its data; pure (no router, no API) so it can also be rendered for printing and benchmarks.
import { Alert, Button, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import type { AxisPage } from '../../../../../shared/contract/strategy';
import { formatNumber, formatPercent } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { links } from '../../../app/registry';
import { PageHeader } from '../../../components/PageHeader';
import { AxisChip } from '../ui';
import { indicatorsOnTrack } from './axisData';
import { HealthBar, Stat, StatusCounts } from './Counts';
import { Deadlines } from './Deadlines';
import { FundingSection } from './FundingSection';
import { IndicatorsSection } from './IndicatorsSection';
import { ObjectivesTable } from './ObjectivesTable';
import { useAxisView } from './useAxisView';

const s = fr.strategy.ui;

export function AxisView({ page }: { page: AxisPage }) {
  const view = useAxisView(page);
  return (
    <>
      <PageHeader
        title={
          <>
            <AxisChip colour={page.axis.colour} /> {page.axis.title}
          </>
        }
        subtitle={`${s.axisPage} — ${page.period.title}`}
        actions={
          <Button component="a" href={`#${links.plan()}`} variant="default">
            {s.backToPlan}
          </Button>
        }
      />
      {page.readOnly ? (
        <Alert color="gray" mb="md">
          {fr.errors.readOnlyArchive}
        </Alert>
      ) : null}
      {page.axis.description ? (
        <Text mb="md" maw={900}>
          {page.axis.description}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
        <Stat label={s.stat.actions} value={formatNumber(page.actionsCount)} hint={s.objectivesCount(page.objectivesCount)} />
        <Stat label={s.stat.progress} value={formatPercent(page.averageProgress)} hint={s.averageHint} />
        <Stat label={s.stat.late} value={formatNumber(page.byHealth.late)} hint={s.lateHint} />
        <Stat label={s.stat.indicators} value={indicatorsOnTrack(page.indicators)} hint={s.indicatorsHint} />
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
        <Paper withBorder p="md" component="section" aria-label={s.byHealth}>
          <Title order={2} size="h4" mb="sm">
            {s.byHealth}
          </Title>
          <HealthBar counts={page.byHealth} total={page.actionsCount} />
        </Paper>
        <Paper withBorder p="md" component="section" aria-label={s.byStatus}>
          <Title order={2} size="h4" mb="sm">
            {s.byStatus}
          </Title>
          <StatusCounts counts={page.byStatus} />
          <Text size="sm" mt="sm">
            {s.indicatorCounts(page.indicators.reached, page.indicators.on_trajectory, page.indicators.behind, page.indicators.no_data)}
          </Text>
        </Paper>
      </SimpleGrid>

      <Deadlines late={page.late} due={view.due} />
      <ObjectivesTable objectives={page.objectives} />
      <IndicatorsSection series={page.indicatorSeries} view={view} />
      <FundingSection funding={page.funding} />
    </>
  );
}
