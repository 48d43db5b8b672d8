// Plan d'actions (route /plan): header, filters, then the tree axe → objectif → action or the full-width virtualised table.
import { ActionIcon, Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArchive, IconCalendarStats, IconInbox, IconListTree, IconPlus, IconTable } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { fr } from '../../../../../shared/i18n';
import { useAccess } from '../../../app/access';
import { links } from '../../../app/registry';
import { EmptyState } from '../../../components/EmptyState';
import { PageHeader } from '../../../components/PageHeader';
import { rowFallback, rowList } from '../../../components/rowFocus';
import { ActionTable } from '../ActionTable';
import { ActionRows } from './ActionRows';
import { AxisBlock } from './AxisBlock';
import { PlanDialogs } from './PlanDialogs';
import { PlanFiltersPanel } from './PlanFiltersPanel';
import { usePlanData } from './usePlanData';
import { usePlanEditing } from './usePlanEditing';

const s = fr.strategy.ui;

export function PlanScreen() {
  const navigate = useNavigate();
  const data = usePlanData();
  const { filters, setFilter, view, setView, onSort, periods, allPeriods, tree, rowsQ, filtered, visible, noPeriod, active, options } = data;
  const { canEdit } = useAccess();
  // A closed period, or an account that may only read.
  const readOnly = data.readOnly || !canEdit;
  const editing = usePlanEditing(tree.data);
  const openAction = useCallback((id: string) => navigate(links.action(id)), [navigate]);

  return (
    <>
      <PageHeader
        title={fr.nav.plan}
        subtitle={tree.data ? `${tree.data.period.title} — ${s.actionsCount(rowsQ.data?.length ?? 0)}` : undefined}
        actions={
          <>
            <SegmentedControl
              aria-label={s.viewMode}
              value={view.mode}
              onChange={(m) => setView({ ...view, mode: m as 'tree' | 'table' })}
              data={[
                { value: 'tree', label: <Group gap={6} wrap="nowrap"><IconListTree size={16} aria-hidden />{s.treeView}</Group> },
                { value: 'table', label: <Group gap={6} wrap="nowrap"><IconTable size={16} aria-hidden />{s.tableView}</Group> },
              ]}
            />
            {!readOnly ? (
              <>
                <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => editing.setModal({ kind: 'axis' })} {...rowFallback('axes')}>
                  {s.addAxis}
                </Button>
                <Button leftSection={<IconPlus size={16} />} onClick={() => editing.setModal({ kind: 'action' })}>
                  {s.addAction}
                </Button>
              </>
            ) : null}
            <Tooltip label={s.periods.button}>
              <ActionIcon variant="default" size="lg" aria-label={s.periods.button} onClick={() => editing.setModal({ kind: 'periods' })}>
                <IconCalendarStats size={18} />
              </ActionIcon>
            </Tooltip>
          </>
        }
      />
      {noPeriod ? <Alert color="orange" mb="md">{fr.strategy.errors.noActivePeriod}</Alert> : null}
      {data.readOnly ? (
        <Alert color="gray" icon={<IconArchive size={18} />} mb="md" title={s.archivedPeriodTitle}>
          {fr.errors.readOnlyArchive}
        </Alert>
      ) : null}
      <PlanFiltersPanel data={data} />

      {allPeriods && view.mode === 'tree' ? (
        <Alert color="marianne" mb="md">
          {s.allPeriodsTreeNote}
        </Alert>
      ) : null}
      {tree.error ? (
        <Alert color="red">{tree.error.message}</Alert>
      ) : !tree.data ? null : view.mode === 'table' ? (
        filtered.length ? (
          <ActionTable rows={filtered} sort={view.sort} onSort={onSort} onOpen={openAction} />
        ) : (
          <EmptyState title={s.noMatchTitle} text={s.noMatchText} />
        )
      ) : tree.data.axes.length === 0 && tree.data.inbox.length === 0 ? (
        <EmptyState title={s.emptyPlanTitle} text={s.emptyPlanText} action={readOnly ? undefined : s.addAxis} onAction={() => editing.setModal({ kind: 'axis' })} />
      ) : (
        <Stack gap="md" {...rowList('axes')}>
          {tree.data.axes
            .filter((a) => !filters.axisId || a.id === filters.axisId)
            .map((axis, i) => (
              <AxisBlock
                key={axis.id}
                axis={axis}
                rank={i + 1}
                visible={visible}
                filtering={active > 0}
                readOnly={readOnly}
                onOpen={(id) => navigate(links.action(id))}
                onAxisPage={() => navigate(links.axis(axis.id))}
                onEditAxis={() => editing.setModal({ kind: 'axis', id: axis.id, title: axis.title, colour: axis.colour, description: axis.description })}
                onArchiveAxis={() => editing.archiveAxis(axis)}
                onAddObjective={() => editing.setModal({ kind: 'objective', axisId: axis.id })}
                onEditObjective={(o) => editing.setModal({ kind: 'objective', axisId: axis.id, id: o.id, title: o.title, description: o.description })}
                onDeleteObjective={(o) => editing.deleteObjective(o.id, o.title, o.actions.map((r) => r.id))}
                onMoveAxis={(dir) => editing.moveAxis(axis.id, dir)}
                onMoveObjectiveOrder={(o, dir) => editing.moveObjectiveOrder(axis, o.id, dir)}
                onMoveObjectiveAxis={(o) => editing.setModal({ kind: 'moveObjective', id: o.id, title: o.title, axisId: axis.id })}
                onArchiveObjective={(o) => editing.archiveObjective(o.id, !o.archived)}
                first={i === 0}
                last={i === tree.data!.axes.length - 1}
                onAddAction={(objectiveId) => editing.setModal({ kind: 'action', objectiveId })}
              />
            ))}
          {tree.data.inbox.some((r) => visible.has(r.id)) ? (
            <Paper withBorder p="md">
              <Group gap="xs" mb="xs">
                <IconInbox size={18} aria-hidden />
                <Title order={2} size="h4">
                  {fr.strategy.inbox}
                </Title>
                <Text size="sm" c="dimmed">
                  {s.inboxHelp}
                </Text>
              </Group>
              <ActionRows list="inbox" rows={tree.data.inbox.filter((r) => visible.has(r.id))} onOpen={(id) => navigate(links.action(id))} />
            </Paper>
          ) : null}
        </Stack>
      )}

      <PlanDialogs
        editing={editing}
        tree={tree.data}
        partnerOptions={options.partners}
        onShowPeriod={(id) => setFilter({ periodId: (periods.data ?? []).find((p) => p.id === id)?.active ? undefined : id })}
      />
    </>
  );
}
