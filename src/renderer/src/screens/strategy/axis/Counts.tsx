// Counting blocks shared by the suivi par axe and the dashboard: a stat tile, the health bar and the status counts (icon + word + number).
import { Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { HealthCounts, StatusCounts as StatusCountsData } from '../../../../../shared/contract/strategy';
import { fr } from '../../../../../shared/i18n';
import { HEALTH_STYLE, STATUS_STYLE } from '../ui';
import { HEALTH_ORDER, STATUS_ORDER } from './axisData';

export function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
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
export function HealthBar({ counts, total, compact = false }: { counts: HealthCounts; total: number; compact?: boolean }) {
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

export function StatusCounts({ counts, compact = false }: { counts: StatusCountsData; compact?: boolean }) {
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

/** An objective's weathers in its table cell: icon + word + colour for each, as in the badges; « — » when it has no action. */
export function HealthCountsInline({ counts }: { counts: HealthCounts }) {
  const present = HEALTH_ORDER.filter((h) => counts[h]);
  return (
    <Group gap="sm" wrap="wrap">
      {present.map((h) => {
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
      {present.length === 0 ? <Text size="xs">—</Text> : null}
    </Group>
  );
}
