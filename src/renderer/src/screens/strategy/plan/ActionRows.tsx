// The actions under an objective in the plan's tree: code, title, pilot, dates, progress, status and health, each opening its fiche.
import { Box, Group, Stack, Text } from '@mantine/core';
import type { ActionRow } from '../../../../../shared/contract/strategy';
import { formatShortDate } from '../../../../../shared/format';
import { links } from '../../../app/registry';
import { rowKey, rowList } from '../../../components/rowFocus';
import { HealthBadge, ProgressCell, StatusBadge } from '../ui';

/** `list` names the rows for the focus keeper (rowFocus): an action leaving the list gives the focus to its neighbour. */
export function ActionRows({ list, rows, onOpen }: { list: string; rows: ActionRow[]; onOpen: (id: string) => void }) {
  return (
    <Stack gap={0} role="list" {...rowList(list)}>
      {rows.map((r) => (
        <Group
          key={r.id}
          {...rowKey(r.id)}
          role="listitem"
          className="clspd-table-row"
          justify="space-between"
          wrap="wrap"
          px="xs"
          py={6}
          style={{ cursor: 'pointer', borderRadius: 4 }}
          onClick={() => onOpen(r.id)}
        >
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: '1 1 220px' }}>
            <Text size="sm" fw={600} ff="monospace" w={80} style={{ flex: 'none' }}>
              {r.code}
            </Text>
            <Text size="sm" lineClamp={2} title={r.title} component="a" href={`#${links.action(r.id)}`} c="inherit" td="none" onClick={(e) => e.stopPropagation()}>
              {r.title}
            </Text>
          </Group>
          <Group gap="sm" wrap="wrap" style={{ flex: '0 1 auto', maxWidth: '100%' }}>
            <Text size="xs" c="dimmed" w={130} lineClamp={2} title={r.pilotName} visibleFrom="md">
              {r.pilotName ?? '—'}
            </Text>
            <Text size="xs" c="dimmed" w={80}>
              {r.endDate ? formatShortDate(r.endDate) : '—'}
            </Text>
            <ProgressCell value={r.progress} width={60} />
            <Box w={124}>
              <StatusBadge status={r.status} />
            </Box>
            <Box w={140} onClick={(e) => e.stopPropagation()}>
              <HealthBadge level={r.health} reasons={r.healthReasons} />
            </Box>
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
