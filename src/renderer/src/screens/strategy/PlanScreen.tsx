// Plan d'actions: filters (remembered), the tree axe → objectif → action, or the full-width virtualised table.
import { ActionIcon, Alert, Badge, Box, Button, Group, Menu, Modal, MultiSelect, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import {
  IconArchive,
  IconArrowDown,
  IconArrowRight,
  IconArrowUp,
  IconCalendarStats,
  IconChartLine,
  IconDots,
  IconFilterOff,
  IconInbox,
  IconListTree,
  IconPencil,
  IconPlus,
  IconSearch,
  IconTable,
  IconTrash,
} from '@tabler/icons-react';
import { memo, startTransition, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { ActionFilter, ActionRow, TreeAxis } from '../../../../shared/contract/strategy';
import { formatShortDate } from '../../../../shared/format';
import type { HealthLevel } from '../../../../shared/health';
import { fr } from '../../../../shared/i18n';
import type { ActionStatus } from '../../../../shared/model';
import { buildSearchIndex, filterActions, sortActions, type ActionSortKey } from '../../../../shared/strategy-filter';
import { api, call, useQuery } from '../../api';
import { links } from '../../app/registry';
import { confirmDanger, notifyDeleted } from '../../components/confirm';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { ActionTable } from './ActionTable';
import { AxisForm, NewActionForm, ObjectiveForm, objectiveOptions, type NewActionValues } from './forms';
import { PeriodsPanel } from './Periods';
import { AxisChip, HealthBadge, ProgressCell, StatusBadge } from './ui';

const s = fr.strategy.ui;
const FILTERS_KEY = 'clspd.plan.filters.v1';
const VIEW_KEY = 'clspd.plan.view.v1';
const ALL_PERIODS = '__all__';

type PlanFilters = Omit<ActionFilter, 'includeArchived'>;
type Modal =
  | { kind: 'action'; objectiveId?: string }
  | { kind: 'axis'; id?: string; title?: string; colour?: string; description?: string }
  | { kind: 'objective'; axisId: string; id?: string; title?: string; description?: string }
  | { kind: 'objectiveFull'; id: string; title: string; actionIds: string[] }
  | { kind: 'moveObjective'; id: string; title: string; axisId: string }
  | { kind: 'periods' }
  | null;

function usePersistent<T>(key: string, initial: T): [T, (v: T) => void] {
  const [v, setV] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(key);
      return raw ? ({ ...initial, ...JSON.parse(raw) } as T) : initial;
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (next: T) => {
      setV(next);
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // storage full or disabled: filters are simply not remembered
      }
    },
    [key],
  );
  return [v, set];
}

const opt = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const STATUS_OPTIONS = opt(fr.actionStatus);
const HEALTH_OPTIONS = opt(fr.strategy.health);

export function PlanScreen() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = usePersistent<PlanFilters>(FILTERS_KEY, {});
  const [view, setView] = usePersistent<{ mode: 'tree' | 'table'; sort: { key: ActionSortKey; dir: 'asc' | 'desc' } }>(VIEW_KEY, {
    mode: 'tree',
    sort: { key: 'code', dir: 'asc' },
  });
  const [modal, setModal] = useState<Modal>(params.get('nouvelle') === '1' ? { kind: 'action' } : null);
  useEffect(() => {
    if (params.get('nouvelle') === '1') setModal({ kind: 'action' });
    if (params.get('axe') === '1') setModal({ kind: 'axis' });
  }, [params]);

  const periods = useQuery(() => api().strategy.periods(), []);
  const allPeriods = filters.periodId === ALL_PERIODS;
  const periodId = allPeriods ? undefined : filters.periodId;
  const tree = useQuery(() => api().strategy.tree(periodId ? { periodId } : undefined), [periodId]);
  const rowsQ = useQuery(() => api().strategy.actions(allPeriods ? { allPeriods: true } : { periodId, includeArchived: false }), [periodId, allPeriods]);
  const partners = useQuery(() => api().partners.list(), []);
  // Sorted once per data load or sort change; each keystroke then only filters (filtering keeps the order).
  const sortKey = view.mode === 'table' ? view.sort.key : 'code';
  const sortDir = view.mode === 'table' ? view.sort.dir : 'asc';
  const sortedAll = useMemo(() => sortActions(rowsQ.data ?? [], sortKey, sortDir), [rowsQ.data, sortKey, sortDir]);
  const index = useMemo(() => buildSearchIndex(sortedAll), [sortedAll]);
  // The input updates at once; the list follows at lower priority so typing never waits for the table.
  const deferredFilters = useDeferredValue(filters);
  const filtered = useMemo(() => filterActions(index, { ...deferredFilters, periodId: undefined }), [index, deferredFilters]);
  const sorted = filtered;
  const visible = useMemo(() => new Set(filtered.map((r) => r.id)), [filtered]);
  const openAction = useCallback((id: string) => navigate(links.action(id)), [navigate]);
  const onSort = useCallback(
    (key: ActionSortKey) => setView({ ...view, sort: { key, dir: view.sort.key === key && view.sort.dir === 'asc' ? 'desc' : 'asc' } }),
    [view, setView],
  );

  const readOnly = tree.data?.period.status === 'closed';
  // Option lists are rebuilt only when their data changes, not on every keystroke.
  const partnerOptions = useMemo(() => (partners.data ?? []).map((p) => ({ value: p.id, label: p.shortName ? `${p.shortName} — ${p.name}` : p.name })), [partners.data]);
  const axisOptions = useMemo(() => (tree.data?.axes ?? []).map((a) => ({ value: a.id, label: a.title })), [tree.data]);
  const filterAxis = filters.axisId;
  const objectiveOpts = useMemo(
    () => [
      { value: 'inbox', label: fr.strategy.inbox },
      ...(tree.data?.axes ?? []).filter((a) => !filterAxis || a.id === filterAxis).flatMap((a) => a.objectives.map((o) => ({ value: o.id, label: o.title }))),
    ],
    [tree.data, filterAxis],
  );
  const active = Object.entries(filters).filter(([k, v]) => k !== 'periodId' && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)).length;
  const set = (patch: Partial<PlanFilters>) => setFilters({ ...filters, ...patch });
  const closeModal = () => {
    setModal(null);
    if (params.get('nouvelle') || params.get('axe')) setParams({});
  };

  const createAction = async (v: NewActionValues) => {
    const a = await call(
      api().actions.create({
        title: v.title,
        objectiveId: v.objectiveId || undefined,
        pilot: v.pilotOrganisationId ? { organisationId: v.pilotOrganisationId } : undefined,
        startDate: v.startDate || undefined,
        endDate: v.endDate || undefined,
      }),
      { mutation: true, success: s.actionCreated(v.title.trim()) },
    );
    closeModal();
    navigate(links.action(a.id));
  };
  const saveAxis = async (v: { title: string; colour: string; description: string }) => {
    if (modal?.kind !== 'axis') return;
    if (modal.id) await call(api().axes.update({ id: modal.id, patch: v }), { mutation: true, success: s.axisSaved });
    else await call(api().axes.create(v), { mutation: true, success: s.axisCreated(v.title.trim()) });
    closeModal();
  };
  const saveObjective = async (v: { title: string; description: string }) => {
    if (modal?.kind !== 'objective') return;
    if (modal.id) await call(api().objectives.update({ id: modal.id, patch: v }), { mutation: true, success: s.objectiveSaved });
    else await call(api().objectives.create({ axisId: modal.axisId, ...v }), { mutation: true, success: s.objectiveCreated(v.title.trim()) });
    closeModal();
  };
  const deleteObjective = async (id: string, title: string, actionIds: string[]) => {
    if (actionIds.length) {
      setModal({ kind: 'objectiveFull', id, title, actionIds });
      return;
    }
    if (!(await confirmDanger(s.deleteObjectiveTitle, s.deleteObjectiveText(title)))) return;
    try {
      notifyDeleted(await call(api().objectives.delete({ id }), { mutation: true }));
    } catch {
      // the refusal (objective still has actions) is shown as a notification by call()
    }
  };
  const moveAxis = async (axisId: string, dir: -1 | 1) => {
    const ids = (tree.data?.axes ?? []).map((a) => a.id);
    const i = ids.indexOf(axisId);
    const j = i + dir;
    if (i < 0 || j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    await call(api().axes.reorder({ ids }), { mutation: true });
  };
  const moveObjectiveOrder = async (axis: TreeAxis, objectiveId: string, dir: -1 | 1) => {
    const ids = axis.objectives.map((o) => o.id);
    const i = ids.indexOf(objectiveId);
    const j = i + dir;
    if (i < 0 || j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j], ids[i]];
    await call(api().objectives.reorder({ axisId: axis.id, ids }), { mutation: true });
  };
  const archiveObjective = async (id: string, archived: boolean) => {
    await call(api().objectives.archive({ id, archived }), { mutation: true, success: archived ? s.objectiveArchived : s.objectiveRestored });
    if (modal?.kind === 'objectiveFull') closeModal();
  };
  const archiveAxis = async (a: TreeAxis) => {
    await call(api().axes.archive({ id: a.id, archived: !a.archived }), { mutation: true, success: a.archived ? s.axisRestored : s.axisArchived });
  };

  const periodOptions = useMemo(
    () => [
      ...(periods.data ?? []).map((p) => ({ value: p.id, label: p.active ? p.title : `${p.title} (${s.archived})` })),
      ...((periods.data ?? []).length > 1 ? [{ value: ALL_PERIODS, label: s.allPeriods }] : []),
    ],
    [periods.data],
  );
  const noPeriod = periods.data && !periods.data.some((p) => p.active) && !periodId;

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
                <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setModal({ kind: 'axis' })}>
                  {s.addAxis}
                </Button>
                <Button leftSection={<IconPlus size={16} />} onClick={() => setModal({ kind: 'action' })}>
                  {s.addAction}
                </Button>
              </>
            ) : null}
            <Tooltip label={s.periods.button}>
              <ActionIcon variant="default" size="lg" aria-label={s.periods.button} onClick={() => setModal({ kind: 'periods' })}>
                <IconCalendarStats size={18} />
              </ActionIcon>
            </Tooltip>
          </>
        }
      />
      {noPeriod ? <Alert color="orange" mb="md">{fr.strategy.errors.noActivePeriod}</Alert> : null}
      {readOnly ? (
        <Alert color="gray" icon={<IconArchive size={18} />} mb="md" title={s.archivedPeriodTitle}>
          {fr.errors.readOnlyArchive}
        </Alert>
      ) : null}
      <Paper withBorder p="sm" mb="md">
        <Stack gap="xs">
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" verticalSpacing="xs">
            <SearchInput value={filters.text ?? ''} onChange={(text) => set({ text: text || undefined })} />
            <Select label={s.filters.axis} placeholder={s.filters.all} data={axisOptions} value={filters.axisId ?? null} onChange={(v) => set({ axisId: v ?? undefined, objectiveId: undefined })} clearable style={{ flex: '1 1 180px' }} />
            <Select
              label={s.filters.objective}
              placeholder={s.filters.all}
              data={objectiveOpts}
              value={filters.objectiveId ?? null}
              onChange={(v) => set({ objectiveId: v ?? undefined })}
              clearable
              searchable
              style={{ flex: '1 1 180px' }}
            />
            <MultiSelect label={s.filters.status} placeholder={s.filters.all} data={STATUS_OPTIONS} value={filters.status ?? []} onChange={(v) => set({ status: v as ActionStatus[] })} clearable style={{ flex: '1 1 180px' }} />
            <MultiSelect label={s.filters.health} placeholder={s.filters.all} data={HEALTH_OPTIONS} value={filters.health ?? []} onChange={(v) => set({ health: v as HealthLevel[] })} clearable style={{ flex: '1 1 180px' }} />
            <Select label={s.filters.pilot} placeholder={s.filters.all} data={partnerOptions} value={filters.pilotId ?? null} onChange={(v) => set({ pilotId: v ?? undefined })} clearable searchable style={{ flex: '1 1 180px' }} />
            <Select label={s.filters.partner} placeholder={s.filters.all} data={partnerOptions} value={filters.partnerId ?? null} onChange={(v) => set({ partnerId: v ?? undefined })} clearable searchable style={{ flex: '1 1 180px' }} />
            <TextInput label={s.filters.territory} value={filters.territory ?? ''} onChange={(e) => set({ territory: e.currentTarget.value || undefined })} style={{ flex: '1 1 150px' }} />
            <TextInput label={s.filters.targetPublic} value={filters.targetPublic ?? ''} onChange={(e) => set({ targetPublic: e.currentTarget.value || undefined })} style={{ flex: '1 1 150px' }} />
            <Select label={s.filters.period} data={periodOptions} value={filters.periodId ?? (periods.data ?? []).find((p) => p.active)?.id ?? null} onChange={(v) => set({ periodId: v && !(periods.data ?? []).find((p) => p.id === v)?.active ? v : undefined })} style={{ flex: '1 1 200px' }} allowDeselect={false} />
          </SimpleGrid>
          <Group justify="space-between">
            <Text size="xs" c="dimmed" aria-live="polite">
              {s.shown(filtered.length, rowsQ.data?.length ?? 0)}
            </Text>
            <Button variant="subtle" leftSection={<IconFilterOff size={16} />} disabled={!active} onClick={() => setFilters({ periodId: filters.periodId })} title={active ? undefined : s.noFilterActive}>
              {s.clearFilters}
            </Button>
          </Group>
        </Stack>
      </Paper>

      {allPeriods && view.mode === 'tree' ? (
        <Alert color="marianne" mb="md">
          {s.allPeriodsTreeNote}
        </Alert>
      ) : null}
      {tree.error ? (
        <Alert color="red">{tree.error.message}</Alert>
      ) : !tree.data ? null : view.mode === 'table' ? (
        sorted.length ? (
          <ActionTable rows={sorted} sort={view.sort} onSort={onSort} onOpen={openAction} />
        ) : (
          <EmptyState title={s.noMatchTitle} text={s.noMatchText} />
        )
      ) : tree.data.axes.length === 0 && tree.data.inbox.length === 0 ? (
        <EmptyState title={s.emptyPlanTitle} text={s.emptyPlanText} action={readOnly ? undefined : s.addAxis} onAction={() => setModal({ kind: 'axis' })} />
      ) : (
        <Stack gap="md">
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
                onEditAxis={() => setModal({ kind: 'axis', id: axis.id, title: axis.title, colour: axis.colour, description: axis.description })}
                onArchiveAxis={() => archiveAxis(axis)}
                onAddObjective={() => setModal({ kind: 'objective', axisId: axis.id })}
                onEditObjective={(o) => setModal({ kind: 'objective', axisId: axis.id, id: o.id, title: o.title, description: o.description })}
                onDeleteObjective={(o) => deleteObjective(o.id, o.title, o.actions.map((r) => r.id))}
                onMoveAxis={(dir) => moveAxis(axis.id, dir)}
                onMoveObjectiveOrder={(o, dir) => moveObjectiveOrder(axis, o.id, dir)}
                onMoveObjectiveAxis={(o) => setModal({ kind: 'moveObjective', id: o.id, title: o.title, axisId: axis.id })}
                onArchiveObjective={(o) => archiveObjective(o.id, !o.archived)}
                first={i === 0}
                last={i === tree.data!.axes.length - 1}
                onAddAction={(objectiveId) => setModal({ kind: 'action', objectiveId })}
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
              <ActionRows rows={tree.data.inbox.filter((r) => visible.has(r.id))} onOpen={(id) => navigate(links.action(id))} />
            </Paper>
          ) : null}
        </Stack>
      )}

      <Modal opened={modal?.kind === 'action'} onClose={closeModal} title={s.addAction} size="lg">
        {modal?.kind === 'action' ? (
          <NewActionForm tree={tree.data} partners={partnerOptions} initialObjectiveId={modal.objectiveId} onSubmit={createAction} onCancel={closeModal} />
        ) : null}
      </Modal>
      <Modal opened={modal?.kind === 'axis'} onClose={closeModal} title={modal?.kind === 'axis' && modal.id ? s.editAxis : s.addAxis}>
        {modal?.kind === 'axis' ? (
          <AxisForm
            initial={modal.id ? { title: modal.title ?? '', colour: modal.colour ?? '#1f5fa8', description: modal.description } : undefined}
            submitLabel={modal.id ? fr.actions.save : s.addAxis}
            onSubmit={saveAxis}
            onCancel={closeModal}
          />
        ) : null}
      </Modal>
      <Modal opened={modal?.kind === 'periods'} onClose={closeModal} title={s.periods.title} size="xl">
        {modal?.kind === 'periods' ? (
          <PeriodsPanel
            onDone={closeModal}
            onShowPeriod={(id) => {
              set({ periodId: (periods.data ?? []).find((p) => p.id === id)?.active ? undefined : id });
              closeModal();
            }}
          />
        ) : null}
      </Modal>
      <Modal opened={modal?.kind === 'objectiveFull'} onClose={closeModal} title={s.deleteObjectiveTitle}>
        {modal?.kind === 'objectiveFull' ? (
          <ObjectiveFullDialog
            objective={modal}
            options={objectiveOptions(tree.data).map((g) => ({ ...g, items: g.items.filter((it) => it.value !== modal.id) }))}
            onArchive={() => archiveObjective(modal.id, true)}
            onMovedAndDelete={async (target) => {
              await call(api().actions.move({ ids: modal.actionIds, objectiveId: target }), { mutation: true, success: s.actionsMoved(modal.actionIds.length) });
              notifyDeleted(await call(api().objectives.delete({ id: modal.id }), { mutation: true }));
              closeModal();
            }}
            onCancel={closeModal}
          />
        ) : null}
      </Modal>
      <Modal opened={modal?.kind === 'moveObjective'} onClose={closeModal} title={s.moveObjectiveToAxis}>
        {modal?.kind === 'moveObjective' ? (
          <MoveObjectiveDialog
            axes={(tree.data?.axes ?? []).filter((a) => a.id !== modal.axisId && !a.archived).map((a) => ({ value: a.id, label: a.title }))}
            onMove={async (axisId) => {
              await call(api().objectives.move({ id: modal.id, axisId }), { mutation: true, success: s.objectiveMoved });
              closeModal();
            }}
            onCancel={closeModal}
          />
        ) : null}
      </Modal>
      <Modal opened={modal?.kind === 'objective'} onClose={closeModal} title={modal?.kind === 'objective' && modal.id ? s.editObjective : s.addObjective}>
        {modal?.kind === 'objective' ? (
          <ObjectiveForm
            initial={modal.id ? { title: modal.title ?? '', description: modal.description } : undefined}
            submitLabel={modal.id ? fr.actions.save : s.addObjective}
            onSubmit={saveObjective}
            onCancel={closeModal}
          />
        ) : null}
      </Modal>
    </>
  );
}

function AxisBlock(props: {
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
    <Paper withBorder p="md" style={{ borderLeft: `6px solid ${axis.colour}` }} aria-label={`${s.axisN(props.rank)} : ${axis.title}`} component="section">
      <Group justify="space-between" wrap="nowrap" mb="sm">
        <Group gap="xs" wrap="nowrap">
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
              <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={props.onAddObjective}>
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
        <Stack gap="sm">
          {objectives.map((o) => (
            <Box key={o.id} pl="md" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
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
                <ActionRows rows={o.actions.filter((r) => visible.has(r.id))} onOpen={props.onOpen} />
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

function ActionRows({ rows, onOpen }: { rows: ActionRow[]; onOpen: (id: string) => void }) {
  return (
    <Stack gap={0} role="list">
      {rows.map((r) => (
        <Group
          key={r.id}
          role="listitem"
          className="clspd-table-row"
          justify="space-between"
          wrap="nowrap"
          px="xs"
          py={6}
          style={{ cursor: 'pointer', borderRadius: 4 }}
          onClick={() => onOpen(r.id)}
        >
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <Text size="sm" fw={600} ff="monospace" w={80} style={{ flex: 'none' }}>
              {r.code}
            </Text>
            <Text size="sm" lineClamp={2} title={r.title} component="a" href={`#${links.action(r.id)}`} c="inherit" td="none" onClick={(e) => e.stopPropagation()}>
              {r.title}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flex: 'none' }}>
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

/** Offered when deleting an objective that still has actions: move them elsewhere then delete, or archive the objective. */
function ObjectiveFullDialog({
  objective,
  options,
  onArchive,
  onMovedAndDelete,
  onCancel,
}: {
  objective: { title: string; actionIds: string[] };
  options: { group: string; items: { value: string; label: string }[] }[];
  onArchive: () => Promise<void>;
  onMovedAndDelete: (objectiveId: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [target, setTarget] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Stack>
      <Text size="sm">{fr.strategy.errors.objectiveHasActions(objective.actionIds.length)}</Text>
      <Select label={s.moveActionsTo} data={options} value={target} onChange={setTarget} searchable placeholder={s.chooseObjective} />
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArchive size={16} />} onClick={onArchive}>
          {s.archiveObjectiveInstead}
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onCancel}>
            {fr.actions.cancel}
          </Button>
          <Button
            color="red"
            disabled={target === null}
            title={target === null ? s.chooseObjectiveFirst : undefined}
            loading={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onMovedAndDelete(target ?? '');
              } finally {
                setBusy(false);
              }
            }}
          >
            {s.moveThenDelete}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function MoveObjectiveDialog({ axes, onMove, onCancel }: { axes: { value: string; label: string }[]; onMove: (axisId: string) => Promise<void>; onCancel: () => void }) {
  const [axisId, setAxisId] = useState<string | null>(null);
  return (
    <Stack>
      <Select label={s.filters.axis} data={axes} value={axisId} onChange={setAxisId} placeholder={s.chooseAxis} />
      <Text size="xs" c="dimmed">
        {s.moveObjectiveHelp}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {fr.actions.cancel}
        </Button>
        <Button disabled={!axisId} onClick={() => axisId && onMove(axisId)}>
          {s.moveObjectiveToAxis}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The free-text filter: the field re-renders alone on each keystroke and the page (filters, table) follows in
 * a transition, so typing stays fluid whatever the size of the plan.
 */
const SearchInput = memo(function SearchInput({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const [text, setText] = useState(value);
  const [last, setLast] = useState(value);
  if (value !== last) {
    // Cleared or restored from outside (« Effacer les filtres »).
    setLast(value);
    setText(value);
  }
  return (
    <TextInput
      label={fr.actions.search}
      placeholder={s.searchPlaceholder}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setText(v);
        setLast(v);
        startTransition(() => onChange(v));
      }}
      style={{ flex: '2 1 260px' }}
    />
  );
});
