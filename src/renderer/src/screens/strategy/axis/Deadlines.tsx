// Suivi par axe: the two deadline panels side by side — late actions, and what falls due within 30, 60 or 90 days.
import { Anchor, Button, Group, Paper, SegmentedControl, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { AxisPage } from '../../../../../shared/contract/strategy';
import { formatDate } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { links } from '../../../app/registry';
import { WideTable } from '../../../components/WideTable';
import { HealthBadge } from '../ui';
import { DUE_WINDOWS, LATE_SHOWN, ROWS_SHOWN, type DueWindow } from './axisData';
import type { AxisViewState } from './useAxisView';

const s = fr.strategy.ui;

function LatePanel({ late }: { late: AxisPage['late'] }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={s.lateTitle}>
      <Title order={2} size="h4" mb="sm">
        {s.lateTitle}
      </Title>
      {late.length === 0 ? (
        <Text size="sm" c="dimmed">
          {s.noLate}
        </Text>
      ) : (
        <WideTable fz="sm" aria-label={s.lateTitle}>
          <Table.Tbody>
            {late.slice(0, LATE_SHOWN).map((r) => (
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
      {late.length > LATE_SHOWN ? (
        <Text size="xs" c="dimmed" mt="xs">
          {s.andMore(late.length - LATE_SHOWN)}
        </Text>
      ) : null}
    </Paper>
  );
}

function DuePanel({ due }: { due: AxisViewState['due'] }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={s.dueTitle}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {s.dueTitle}
        </Title>
        <SegmentedControl size="xs" aria-label={s.dueWindow} value={due.window} onChange={(v) => due.setWindow(v as DueWindow)} data={DUE_WINDOWS.map((w) => ({ value: w, label: s.days(Number(w)) }))} />
      </Group>
      {due.all.length === 0 ? (
        <Text size="sm" c="dimmed">
          {s.noDue(Number(due.window))}
        </Text>
      ) : (
        <WideTable fz="sm" aria-label={s.dueTitle}>
          <Table.Tbody>
            {due.shown.map((d) => (
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
      {due.all.length > ROWS_SHOWN ? (
        <Button variant="subtle" mt="xs" onClick={due.toggle}>
          {due.expanded ? s.fewerRows : s.allDue(due.all.length)}
        </Button>
      ) : null}
    </Paper>
  );
}

export function Deadlines({ late, due }: { late: AxisPage['late']; due: AxisViewState['due'] }) {
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} mb="md">
      <LatePanel late={late} />
      <DuePanel due={due} />
    </SimpleGrid>
  );
}
