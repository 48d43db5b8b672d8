// Suivi par axe: the axis's story on one page — counts, progress, late, due soon, indicator charts with numbers, money.
import { BarChart } from '@mantine/charts';
import { Alert, Anchor, Button, Group, Paper, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { AxisPage } from '../../../../shared/contract/strategy';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../../../shared/format';
import type { HealthLevel } from '../../../../shared/health';
import { fr } from '../../../../shared/i18n';
import type { ActionStatus } from '../../../../shared/model';
import { api, useQuery } from '../../api';
import { links } from '../../app/registry';
import { PageHeader } from '../../components/PageHeader';
import { IndicatorChart } from './IndicatorChart';
import { AxisChip, funderLabel, HEALTH_STYLE, HealthBadge, IndicatorBadge, ProgressCell, STATUS_STYLE } from './ui';
import { WideTable } from '../../components/WideTable';

const s = fr.strategy.ui;
const HEALTH_ORDER: HealthLevel[] = ['late', 'watch', 'unknown', 'on_track'];
const STATUS_ORDER: ActionStatus[] = ['planned', 'in_progress', 'postponed', 'done', 'abandoned'];
const CHARTS_SHOWN = 4;
const ROWS_SHOWN = 15;

export function AxisScreen() {
  const { id = '' } = useParams();
  const q = useQuery(() => api().axes.page({ id }), [id]);
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!q.data) return null;
  return <AxisView page={q.data} />;
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

/** A stacked bar with its numbers written next to each icon and word (the numbers are the text alternative). */
export function HealthBar({ counts, total, compact = false }: { counts: Record<HealthLevel, number>; total: number; compact?: boolean }) {
  return (
    <Stack gap={6}>
      <Progress.Root size={18} aria-hidden>
        {HEALTH_ORDER.map((h) => (counts[h] ? <Progress.Section key={h} value={(counts[h] / Math.max(total, 1)) * 100} color={HEALTH_STYLE[h].color} /> : null))}
      </Progress.Root>
      <Group gap={compact ? 'sm' : 'md'}>
        {HEALTH_ORDER.filter((h) => !compact || counts[h]).map((h) => {
          const st = HEALTH_STYLE[h];
          return (
            <Group key={h} gap={4} wrap="nowrap">
              <st.icon size={16} aria-hidden />
              <Text size={compact ? 'xs' : 'sm'}>
                {fr.strategy.health[h]} : <b>{counts[h]}</b>
              </Text>
            </Group>
          );
        })}
      </Group>
    </Stack>
  );
}

export function StatusCounts({ counts, compact = false }: { counts: Record<ActionStatus, number>; compact?: boolean }) {
  return (
    <Group gap={compact ? 'sm' : 'md'}>
      {STATUS_ORDER.filter((st) => !compact || counts[st]).map((st) => {
        const style = STATUS_STYLE[st];
        return (
          <Group key={st} gap={4} wrap="nowrap">
            <style.icon size={16} aria-hidden />
            <Text size={compact ? 'xs' : 'sm'}>
              {fr.actionStatus[st]} : <b>{counts[st]}</b>
            </Text>
          </Group>
        );
      })}
    </Group>
  );
}

/** The whole page from its data; pure (no router, no API) so it can also be rendered for printing and benchmarks. */
export function AxisView({ page }: { page: AxisPage }) {
  const [window, setWindow] = useState<'30' | '60' | '90'>('30');
  const [allCharts, setAllCharts] = useState(false);
  const [allIndicators, setAllIndicators] = useState(false);
  const [allDue, setAllDue] = useState(false);
  const due = page.due.filter((d) => d.within <= Number(window));
  const measured = page.indicatorSeries.filter((x) => x.indicator.measurements.length);
  const charts = allCharts ? measured : measured.slice(0, CHARTS_SHOWN);
  const { funding } = page;
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
        <Stat
          label={s.stat.indicators}
          value={`${page.indicators.reached + page.indicators.on_trajectory} / ${page.indicators.reached + page.indicators.on_trajectory + page.indicators.behind}`}
          hint={s.indicatorsHint}
        />
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

      <SimpleGrid cols={{ base: 1, lg: 2 }} mb="md">
        <Paper withBorder p="md" component="section" aria-label={s.lateTitle}>
          <Title order={2} size="h4" mb="sm">
            {s.lateTitle}
          </Title>
          {page.late.length === 0 ? (
            <Text size="sm" c="dimmed">
              {s.noLate}
            </Text>
          ) : (
            <WideTable fz="sm" aria-label={s.lateTitle}>
              <Table.Tbody>
                {page.late.slice(0, 30).map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td ff="monospace">{r.code}</Table.Td>
                    <Table.Td>
                      <Anchor href={`#${links.action(r.id)}`} size="sm">
                        {r.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {r.healthReasons[0]}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.pilotName ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }} miw={140}>
                      <HealthBadge level={r.health} reasons={r.healthReasons} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </WideTable>
          )}
          {page.late.length > 30 ? (
            <Text size="xs" c="dimmed" mt="xs">
              {s.andMore(page.late.length - 30)}
            </Text>
          ) : null}
        </Paper>
        <Paper withBorder p="md" component="section" aria-label={s.dueTitle}>
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h4">
              {s.dueTitle}
            </Title>
            <SegmentedControl
              size="xs"
              aria-label={s.dueWindow}
              value={window}
              onChange={(v) => setWindow(v as '30' | '60' | '90')}
              data={[
                { value: '30', label: s.days(30) },
                { value: '60', label: s.days(60) },
                { value: '90', label: s.days(90) },
              ]}
            />
          </Group>
          {due.length === 0 ? (
            <Text size="sm" c="dimmed">
              {s.noDue(Number(window))}
            </Text>
          ) : (
            <WideTable fz="sm" aria-label={s.dueTitle}>
              <Table.Tbody>
                {(allDue ? due : due.slice(0, ROWS_SHOWN)).map((d) => (
                  <Table.Tr key={`${d.kind}-${d.actionId}-${d.label ?? ''}-${d.date}`}>
                    <Table.Td w={130}>{formatDate(d.date)}</Table.Td>
                    <Table.Td>
                      <Anchor href={`#${links.action(d.actionId)}`} size="sm">
                        {d.code} {d.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {d.kind === 'end' ? s.dueEnd : s.dueMilestone(d.label ?? '')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </WideTable>
          )}
          {due.length > ROWS_SHOWN ? (
            <Button variant="subtle" mt="xs" onClick={() => setAllDue(!allDue)}>
              {allDue ? s.fewerRows : s.allDue(due.length)}
            </Button>
          ) : null}
        </Paper>
      </SimpleGrid>

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
            {page.objectives.map((o) => {
              const counts = { on_track: 0, watch: 0, late: 0, unknown: 0 };
              for (const r of o.actions) counts[r.health]++;
              return (
                <Table.Tr key={o.objective.id}>
                  <Table.Td>{o.objective.title}</Table.Td>
                  <Table.Td>{o.actions.length}</Table.Td>
                  <Table.Td>
                    <ProgressCell value={o.averageProgress} />
                  </Table.Td>
                  <Table.Td>
                    {/* Icon + word + colour for each weather, as in the badges. */}
                    <Group gap="sm" wrap="wrap">
                      {HEALTH_ORDER.filter((h) => counts[h]).map((h) => {
                        const st = HEALTH_STYLE[h];
                        return (
                          <Group key={h} gap={4} wrap="nowrap" c={st.hex}>
                            <st.icon size={14} aria-hidden />
                            <Text size="xs" c={st.hex}>
                              {fr.strategy.health[h]} : <b>{counts[h]}</b>
                            </Text>
                          </Group>
                        );
                      })}
                      {HEALTH_ORDER.every((h) => !counts[h]) ? <Text size="xs">—</Text> : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </WideTable>
      </Paper>

      <Paper withBorder p="md" mb="md" component="section" aria-label={s.indicatorsTitle}>
        <Title order={2} size="h4" mb="sm">
          {s.indicatorsTitle}
        </Title>
        {page.indicatorSeries.length === 0 ? (
          <Text size="sm" c="dimmed">
            {s.noIndicatorAxis}
          </Text>
        ) : (
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
                {(allIndicators ? page.indicatorSeries : page.indicatorSeries.slice(0, ROWS_SHOWN)).map(({ actionId, actionCode, indicator, status }) => {
                  const last = indicator.measurements[indicator.measurements.length - 1];
                  const unit = indicator.unit ? ` ${indicator.unit}` : '';
                  return (
                    <Table.Tr key={indicator.id}>
                      <Table.Td ff="monospace">
                        <Anchor href={`#${links.action(actionId)}`} size="sm">
                          {actionCode}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{indicator.title}</Table.Td>
                      <Table.Td ta="right">{last ? `${formatNumber(last.value)}${unit}` : '—'}</Table.Td>
                      <Table.Td ta="right">{indicator.target !== undefined ? `${formatNumber(indicator.target)}${unit}` : '—'}</Table.Td>
                      <Table.Td>
                        <IndicatorBadge status={status} />
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </WideTable>
            {page.indicatorSeries.length > ROWS_SHOWN ? (
              <Button variant="subtle" mb="sm" onClick={() => setAllIndicators(!allIndicators)}>
                {allIndicators ? s.fewerRows : s.allIndicators(page.indicatorSeries.length)}
              </Button>
            ) : null}
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              {charts.map(({ actionCode, actionStartDate, indicator }) => (
                <Paper key={indicator.id} withBorder p="sm">
                  <Text fw={600} size="sm">
                    {actionCode} — {indicator.title}
                  </Text>
                  <Text size="xs" c="dimmed" mb="xs">
                    {s.chartNumbers(
                      indicator.measurements.map((m) => `${formatDate(m.date)} : ${formatNumber(m.value)}`).join(' ; '),
                      indicator.target !== undefined ? `${formatNumber(indicator.target)}${indicator.unit ? ` ${indicator.unit}` : ''}` : '—',
                    )}
                  </Text>
                  <IndicatorChart indicator={indicator} startDate={actionStartDate} height={180} showTable={false} />
                </Paper>
              ))}
            </SimpleGrid>
            {measured.length > CHARTS_SHOWN ? (
              <Button variant="subtle" mt="sm" onClick={() => setAllCharts(!allCharts)}>
                {allCharts ? s.fewerCharts : s.allCharts(measured.length)}
              </Button>
            ) : null}
          </>
        )}
      </Paper>

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
              data={funding.byFunder.slice(0, 8).map((f) => ({ ...f, funder: funderLabel(f.funder) }))}
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
    </>
  );
}

