// Strategy building blocks: status, health and indicator badges (icon + word + colour, rule tooltip), progress, money.
import { Badge, Group, Progress, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleDashed,
  IconCircleX,
  IconClockExclamation,
  IconClockPause,
  IconHelpCircle,
  IconProgress,
  IconTarget,
  IconTrendingDown,
  IconTrendingUp,
} from '@tabler/icons-react';
import { useState, type ComponentType } from 'react';
import { formatPercent } from '../../../../shared/format';
import type { HealthLevel, IndicatorStatus } from '../../../../shared/health';
import { fr } from '../../../../shared/i18n';
import type { ActionStatus } from '../../../../shared/model';
import { HEALTH_COLOURS } from '../../../../shared/status-colours';

type Icon = ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean }>;

/** Colours chosen to stay distinct for colour-blind readers and in grey print; the word and icon carry the meaning. */
export const HEALTH_STYLE: Record<HealthLevel, { color: string; hex: string; icon: Icon }> = {
  on_track: { color: 'teal', hex: HEALTH_COLOURS.on_track, icon: IconCircleCheck },
  watch: { color: 'orange', hex: HEALTH_COLOURS.watch, icon: IconAlertTriangle },
  late: { color: 'red', hex: HEALTH_COLOURS.late, icon: IconClockExclamation },
  unknown: { color: 'gray', hex: HEALTH_COLOURS.unknown, icon: IconHelpCircle },
};

export const STATUS_STYLE: Record<ActionStatus, { color: string; icon: Icon }> = {
  planned: { color: 'gray', icon: IconCircleDashed },
  in_progress: { color: 'marianne', icon: IconProgress },
  done: { color: 'teal', icon: IconCircleCheck },
  postponed: { color: 'orange', icon: IconClockPause },
  abandoned: { color: 'dark', icon: IconCircleX },
};

export const INDICATOR_STYLE: Record<IndicatorStatus, { color: string; icon: Icon }> = {
  reached: { color: 'teal', icon: IconTarget },
  on_trajectory: { color: 'marianne', icon: IconTrendingUp },
  behind: { color: 'orange', icon: IconTrendingDown },
  no_data: { color: 'gray', icon: IconHelpCircle },
};

const badgeStyle = { textTransform: 'none' as const, fontWeight: 600 };

export function StatusBadge({ status, size = 'sm' }: { status: ActionStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const s = STATUS_STYLE[status];
  return (
    <Badge size={size} variant="light" color={s.color} leftSection={<s.icon size={14} aria-hidden />} style={badgeStyle}>
      {fr.actionStatus[status]}
    </Badge>
  );
}

/** Health badge; hovering or focusing it shows why (the reasons) and how the rule works. */
export function HealthBadge({ level, reasons, size = 'sm' }: { level: HealthLevel; reasons?: string[]; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const s = HEALTH_STYLE[level];
  const [open, setOpen] = useState(false);
  const label = (
    <Stack gap={4} maw={420}>
      {reasons?.length ? (
        <div>
          {reasons.map((r) => (
            <Text key={r} size="xs">
              {r}
            </Text>
          ))}
        </div>
      ) : null}
      <Text size="xs" c="gray.3" style={{ whiteSpace: 'pre-line' }}>
        {fr.strategy.healthRules}
      </Text>
    </Stack>
  );
  const badge = (
    <Badge
      size={size}
      variant="filled"
      color={s.color}
      leftSection={<s.icon size={14} aria-hidden />}
      style={badgeStyle}
      tabIndex={0}
      // A coloured status mark named by its meaning (an aria-label on a plain <div> is not allowed, and is ignored by some readers).
      role="img"
      aria-label={`${fr.strategy.healthTitle} : ${fr.strategy.health[level]}${reasons?.length ? `. ${reasons.join(' ')}` : ''}`}
      onMouseEnter={() => setOpen(true)}
      onMouseLeave={() => setOpen(false)}
      onFocus={() => setOpen(true)}
      onBlur={() => setOpen(false)}
      onTouchStart={() => setOpen(true)}
      onKeyDown={(e) => e.key === 'Escape' && open && (e.stopPropagation(), setOpen(false))}
    >
      {fr.strategy.health[level]}
    </Badge>
  );
  // The tooltip's content is built while it shows only (long tables stay light); the badge keeps its place in
  // the tree, so a keyboard user's focus is not lost when the tooltip opens. Escape hides it (WCAG 1.4.13).
  return (
    <Tooltip label={open ? label : null} opened={open} multiline w={440} withArrow>
      {badge}
    </Tooltip>
  );
}

export function IndicatorBadge({ status }: { status: IndicatorStatus }) {
  const s = INDICATOR_STYLE[status];
  return (
    <Badge size="sm" variant="light" color={s.color} leftSection={<s.icon size={14} aria-hidden />} style={badgeStyle}>
      {fr.strategy.indicatorStatus[status]}
    </Badge>
  );
}

export function ProgressCell({ value, width = 90 }: { value: number; width?: number }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Progress value={value} w={width} size="sm" aria-hidden />
      <Text size="xs" w={38} ta="right">
        {formatPercent(value)}
      </Text>
    </Group>
  );
}

/** Label of a funder key (« fipdr » → « FIPD »); free labels are shown as typed. */
export function funderLabel(funder: string): string {
  return fr.strategy.funders[funder] ?? funder;
}

/** A small colour chip for an axis (always next to its title, never alone). */
export function AxisChip({ colour }: { colour?: string }) {
  return <span aria-hidden style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 2, background: colour ?? '#adb5bd', flex: 'none' }} />;
}
