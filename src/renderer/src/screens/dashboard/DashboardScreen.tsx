// Tableau de bord (home): « À faire maintenant », one card per axis, the next meetings.
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconCalendarEvent, IconCircleCheck, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Dashboard, Reminder } from '../../../../shared/contract/strategy';
import { formatLongDate, formatNumber, formatPercent, formatTime } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import type { Confidentiality, MeetingStatus } from '../../../../shared/model';
import { api, useQuery } from '../../api';
import { links } from '../../app/registry';
import { EditOnly } from '../../app/access';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { RegisterCountsCard } from '../register/RegisterCountsCard';
import { HealthBar, StatusCounts } from '../strategy/axis/Counts';
import { AxisChip, ProgressCell } from '../strategy/ui';

const s = fr.strategy.ui.dashboard;
const SHOWN = 5;

const SEVERITY = {
  high: { color: 'red', icon: IconAlertTriangle, label: s.severity.high },
  medium: { color: 'orange', icon: IconInfoCircle, label: s.severity.medium },
  low: { color: 'gray', icon: IconInfoCircle, label: s.severity.low },
} as const;

function reminderLink(r: Reminder): string {
  switch (r.link.screen) {
    case 'action':
      return links.action(r.link.id);
    case 'meeting':
      return links.meeting(r.link.id);
    case 'axis':
      return links.axis(r.link.id);
    case 'instance':
      return links.instance(r.link.id);
    case 'register':
      return r.link.id ? links.situation(r.link.id) : links.register();
  }
}

/** The first `n` reminders to show: most urgent first, at most three of a kind while other kinds wait, no repeated line. */
export function topReminders(list: Reminder[], n: number): Reminder[] {
  const picked: Reminder[] = [];
  const seen = new Set<string>();
  const perKind = new Map<string, number>();
  const key = (r: Reminder) => `${r.title}|${r.detail ?? ''}`;
  for (const r of list) {
    if (picked.length >= n) break;
    if ((perKind.get(r.kind) ?? 0) >= 3 || seen.has(key(r))) continue;
    picked.push(r);
    seen.add(key(r));
    perKind.set(r.kind, (perKind.get(r.kind) ?? 0) + 1);
  }
  for (const r of list) {
    if (picked.length >= n) break;
    if (!picked.includes(r) && !seen.has(key(r))) {
      picked.push(r);
      seen.add(key(r));
    }
  }
  return picked;
}

export function DashboardScreen() {
  const q = useQuery(() => api().dashboard.get(), []);
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!q.data) return null;
  return <DashboardView data={q.data} />;
}

/** Pure view of the dashboard data (no router or API), also used for printing and benchmarks. */
export function DashboardView({ data }: { data: Dashboard }) {
  const [all, setAll] = useState(false);
  const reminders = all ? data.reminders : topReminders(data.reminders, SHOWN);
  return (
    <>
      <PageHeader
        title={fr.nav.dashboard}
        subtitle={`${formatLongDate(data.today)}${data.period ? ` — ${data.period.title}` : ''}`}
        actions={
          <EditOnly>
            <Button component="a" href={`#${links.plan()}?nouvelle=1`} leftSection={<IconPlus size={16} />}>
              {fr.strategy.ui.addAction}
            </Button>
          </EditOnly>
        }
      />
      <Paper withBorder p="md" mb="lg" component="section" aria-label={s.todo}>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3">
            {s.todo}
          </Title>
          <Text size="sm" c="dimmed">
            {s.todoCount(data.reminders.length)}
          </Text>
        </Group>
        {data.reminders.length === 0 ? (
          <Group gap="xs">
            <ThemeIcon color="teal" variant="light">
              <IconCircleCheck size={18} />
            </ThemeIcon>
            <Text>{s.nothingToDo}</Text>
          </Group>
        ) : (
          <Stack gap="xs" role="list">
            {reminders.map((r) => {
              const sev = SEVERITY[r.severity];
              return (
                <Group key={r.id} role="listitem" wrap="wrap" justify="space-between" p="xs" style={{ borderLeft: `4px solid var(--mantine-color-${sev.color}-6)`, background: 'var(--mantine-color-gray-0)', borderRadius: 4 }}>
                  <Group gap="sm" wrap="wrap" style={{ flex: '1 1 240px', minWidth: 0 }}>
                    <Badge color={sev.color} variant="light" leftSection={<sev.icon size={14} aria-hidden />} style={{ textTransform: 'none', flex: 'none' }}>
                      {sev.label}
                    </Badge>
                    <div style={{ flex: '1 1 160px', minWidth: 0 }}>
                      <Text size="sm" fw={600} lineClamp={2}>
                        {r.title}
                      </Text>
                      {r.detail ? (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {r.detail}
                        </Text>
                      ) : null}
                    </div>
                  </Group>
                  <Button component="a" href={`#${reminderLink(r)}`} size="xs" variant="subtle" rightSection={<IconArrowRight size={14} />} style={{ flex: 'none' }}>
                    {s.open}
                  </Button>
                </Group>
              );
            })}
          </Stack>
        )}
        {data.reminders.length > SHOWN ? (
          <Button variant="subtle" mt="xs" onClick={() => setAll(!all)}>
            {all ? s.showLess : s.showAll(data.reminders.length)}
          </Button>
        ) : null}
      </Paper>

      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">
          {s.axes}
        </Title>
        <Text size="sm" c="dimmed">
          {s.totals(data.totals.actions, formatPercent(data.totals.averageProgress))}
        </Text>
      </Group>
      {data.axes.length === 0 ? (
        <EmptyState title={s.noAxisTitle} text={s.noAxisText} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} mb="lg">
          {data.axes.map((a, i) => (
            <Paper key={a.axis.id} withBorder p="md" style={{ borderTop: `5px solid ${a.axis.colour}` }} component="section" aria-label={a.axis.title}>
              <Group gap="xs" wrap="nowrap" mb="xs">
                <AxisChip colour={a.axis.colour} />
                <Anchor href={`#${links.axis(a.axis.id)}`} fw={700} c="inherit">
                  {fr.strategy.ui.axisN(i + 1)} — {a.axis.title}
                </Anchor>
              </Group>
              <Group justify="space-between" mb="xs">
                <Text size="sm">{s.axisActions(a.actionsCount)}</Text>
                <ProgressCell value={a.averageProgress} width={120} />
              </Group>
              <HealthBar counts={a.byHealth} total={a.actionsCount} compact />
              <Stack gap={4} mt="sm">
                <StatusCounts counts={a.byStatus} compact />
                <Text size="xs" c="dimmed">
                  {fr.strategy.ui.indicatorCounts(a.indicators.reached, a.indicators.on_trajectory, a.indicators.behind, a.indicators.no_data)}
                </Text>
                {a.due.some((d) => d.within === 30) ? (
                  <Text size="xs" c="dimmed">
                    {s.dueSoon(a.due.filter((d) => d.within === 30).length)}
                  </Text>
                ) : null}
              </Stack>
              <Button component="a" href={`#${links.axis(a.axis.id)}`} variant="light" size="xs" mt="sm" rightSection={<IconArrowRight size={14} />}>
                {fr.strategy.ui.axisPage}
              </Button>
            </Paper>
          ))}
        </SimpleGrid>
      )}

      <RegisterCountsCard />
      <Paper withBorder p="md" component="section" aria-label={s.nextMeetings}>
        <Title order={2} size="h3" mb="sm">
          {s.nextMeetings}
        </Title>
        {data.upcomingMeetings.length === 0 ? (
          <Text size="sm" c="dimmed">
            {s.noMeeting}
          </Text>
        ) : (
          <Stack gap="xs">
            {data.upcomingMeetings.map((m) => (
              <Group key={m.id} justify="space-between" wrap="wrap">
                <Group gap="sm" wrap="nowrap" style={{ flex: '1 1 220px', minWidth: 0 }}>
                  <ThemeIcon variant="light">
                    <IconCalendarEvent size={18} />
                  </ThemeIcon>
                  <div>
                    <Anchor href={`#${links.meeting(m.id)}`} fw={600} size="sm">
                      {m.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {formatLongDate(m.date)} à {formatTime(m.startTime)} — {m.instanceName}
                    </Text>
                  </div>
                </Group>
                <Group gap="xs" wrap="nowrap">
                  {m.confidentiality !== 'public' ? (
                    <Badge variant="outline" color={m.confidentiality === 'confidential' ? 'red' : 'gray'} style={{ textTransform: 'none' }}>
                      {fr.confidentiality[m.confidentiality as Confidentiality]}
                    </Badge>
                  ) : null}
                  <Badge variant="light" style={{ textTransform: 'none' }}>
                    {fr.meetingStatus[m.status as MeetingStatus] ?? m.status}
                  </Badge>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
      <Text size="xs" c="dimmed" mt="sm">
        {s.actionsTotal(formatNumber(data.totals.actions))}
      </Text>
    </>
  );
}
