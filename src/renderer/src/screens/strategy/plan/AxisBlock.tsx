// One axis of the plan's tree: its objectives and their actions, with the menus that edit, move, archive and delete them.
import { ActionIcon, Badge, Box, Button, Group, Menu, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArchive, IconArrowDown, IconArrowRight, IconArrowUp, IconChartLine, IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ActionRow, TreeAxis } from '../../../../../shared/contract/strategy';
import { fr } from '../../../../../shared/i18n';
import { rowFallback, rowKey, rowList } from '../../../components/rowFocus';
import { AxisChip } from '../ui';
import { ActionRows } from './ActionRows';

const s = fr.strategy.ui;

export function AxisBlock(props: {
  axis: TreeAxis;
  rank: number;
  visible: Set<string>;
  filtering: boolean;
  readOnly: boolean;
  onOpen: (id: string) => void;
  onAxisPage: () => void;
  onEditAxis: () => void;
  onArchiveAxis: () => void;
  onAddObjective: () => void;
  onEditObjective: (o: { id: string; title: string; description?: string }) => void;
  onDeleteObjective: (o: { id: string; title: string; actions: ActionRow[] }) => void;
  onAddAction: (objectiveId: string) => void;
  onMoveAxis: (dir: -1 | 1) => void;
  onMoveObjectiveOrder: (o: { id: string }, dir: -1 | 1) => void;
  onMoveObjectiveAxis: (o: { id: string; title: string }) => void;
  onArchiveObjective: (o: { id: string; archived: boolean }) => void;
  first: boolean;
  last: boolean;
}) {
  const { axis, visible, filtering, readOnly } = props;
  const objectives = axis.objectives.filter((o) => !filtering || o.actions.some((r) => visible.has(r.id)));
  if (filtering && !objectives.length) return null;
  const count = axis.objectives.reduce((n, o) => n + o.actions.length, 0);
  return (
    <Paper withBorder p="md" style={{ borderLeft: `6px solid ${axis.colour}` }} aria-label={`${s.axisN(props.rank)} : ${axis.title}`} component="section" {...rowKey(axis.id)}>
      <Group justify="space-between" wrap="wrap" mb="sm">
        <Group gap="xs" wrap="wrap" style={{ flex: '1 1 260px', minWidth: 0 }}>
          <AxisChip colour={axis.colour} />
          <Title order={2} size="h4">
            {s.axisN(props.rank)} — {axis.title}
          </Title>
          {axis.archived ? <Badge color="gray" variant="outline">{s.archived}</Badge> : null}
          <Text size="sm" c="dimmed">
            {s.actionsCount(count)}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="light" leftSection={<IconChartLine size={14} />} onClick={props.onAxisPage}>
            {s.axisPage}
          </Button>
          {!readOnly ? (
            <>
              <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={props.onAddObjective} {...rowFallback(`objectives-${axis.id}`)}>
                {s.addObjective}
              </Button>
              <Menu position="bottom-end">
                <Menu.Target>
                  <ActionIcon variant="subtle" aria-label={s.axisMenu(axis.title)}>
                    <IconDots size={18} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={14} />} onClick={props.onEditAxis}>
                    {s.editAxis}
                  </Menu.Item>
                  <Menu.Item leftSection={<IconArrowUp size={14} />} disabled={props.first} onClick={() => props.onMoveAxis(-1)}>
                    {s.moveUp}
                  </Menu.Item>
                  <Menu.Item leftSection={<IconArrowDown size={14} />} disabled={props.last} onClick={() => props.onMoveAxis(1)}>
                    {s.moveDown}
                  </Menu.Item>
                  <Menu.Item leftSection={<IconArchive size={14} />} onClick={props.onArchiveAxis}>
                    {axis.archived ? s.restoreAxis : s.archiveAxis}
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </>
          ) : null}
        </Group>
      </Group>
      {axis.objectives.length === 0 ? (
        <Text size="sm" c="dimmed">
          {s.noObjective}
        </Text>
      ) : (
        <Stack gap="sm" {...rowList(`objectives-${axis.id}`)}>
          {objectives.map((o) => (
            <Box key={o.id} {...rowKey(o.id)} pl="md" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
              <Group justify="space-between" wrap="nowrap" mb={4}>
                <Text fw={600} size="sm">
                  {s.objectiveN(props.rank, axis.objectives.indexOf(o) + 1)} — {o.title}
                  {o.archived ? ` (${s.archived})` : ''}
                </Text>
                {!readOnly ? (
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={s.addActionHere}>
                      <ActionIcon variant="subtle" aria-label={s.addActionIn(o.title)} onClick={() => props.onAddAction(o.id)}>
                        <IconPlus size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={s.editObjective}>
                      <ActionIcon variant="subtle" aria-label={s.editObjectiveNamed(o.title)} onClick={() => props.onEditObjective(o)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <ActionIcon variant="subtle" aria-label={s.objectiveMenu(o.title)}>
                          <IconDots size={16} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconArrowUp size={14} />} disabled={axis.objectives.indexOf(o) === 0} onClick={() => props.onMoveObjectiveOrder(o, -1)}>
                          {s.moveUp}
                        </Menu.Item>
                        <Menu.Item leftSection={<IconArrowDown size={14} />} disabled={axis.objectives.indexOf(o) === axis.objectives.length - 1} onClick={() => props.onMoveObjectiveOrder(o, 1)}>
                          {s.moveDown}
                        </Menu.Item>
                        <Menu.Item leftSection={<IconArrowRight size={14} />} onClick={() => props.onMoveObjectiveAxis(o)}>
                          {s.moveObjectiveToAxis}
                        </Menu.Item>
                        <Menu.Item leftSection={<IconArchive size={14} />} onClick={() => props.onArchiveObjective(o)}>
                          {o.archived ? s.restoreObjective : s.archiveObjective}
                        </Menu.Item>
                        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={() => props.onDeleteObjective(o)}>
                          {s.deleteObjectiveNamed(o.title)}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                ) : null}
              </Group>
              {o.actions.length ? (
                <ActionRows list={`actions-${o.id}`} rows={o.actions.filter((r) => visible.has(r.id))} onOpen={props.onOpen} />
              ) : (
                <Text size="xs" c="dimmed">
                  {s.noActionYet}
                </Text>
              )}
            </Box>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
