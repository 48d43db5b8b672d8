// Data of the plan screen: remembered filters and view, the period's tree and actions, sorted once, filtered per keystroke, and the option lists of the filters.
import { useCallback, useDeferredValue, useMemo } from 'react';
import type { ActionFilter } from '../../../../../shared/contract/strategy';
import { fr } from '../../../../../shared/i18n';
import { buildSearchIndex, filterActions, sortActions, type ActionSortKey } from '../../../../../shared/strategy-filter';
import { api, useQuery } from '../../../api';
import { usePersistent } from './usePersistent';

const s = fr.strategy.ui;
const FILTERS_KEY = 'clspd.plan.filters.v1';
const VIEW_KEY = 'clspd.plan.view.v1';
/** The period filter's value meaning « every period, archives included ». */
export const ALL_PERIODS = '__all__';

export type PlanFilters = Omit<ActionFilter, 'includeArchived'>;
export interface PlanView {
  mode: 'tree' | 'table';
  sort: { key: ActionSortKey; dir: 'asc' | 'desc' };
}

/** How many filters are set, the period apart (it chooses what is filtered, it does not filter). */
export function activeFilterCount(filters: PlanFilters): number {
  return Object.entries(filters).filter(([k, v]) => k !== 'periodId' && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)).length;
}

export function usePlanData() {
  const [filters, setFilters] = usePersistent<PlanFilters>(FILTERS_KEY, {});
  const [view, setView] = usePersistent<PlanView>(VIEW_KEY, { mode: 'tree', sort: { key: 'code', dir: 'asc' } });
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
  const visible = useMemo(() => new Set(filtered.map((r) => r.id)), [filtered]);
  const onSort = useCallback(
    (key: ActionSortKey) => setView({ ...view, sort: { key, dir: view.sort.key === key && view.sort.dir === 'asc' ? 'desc' : 'asc' } }),
    [view, setView],
  );

  // Option lists are rebuilt only when their data changes, not on every keystroke.
  const partnerOptions = useMemo(() => (partners.data ?? []).map((p) => ({ value: p.id, label: p.shortName ? `${p.shortName} — ${p.name}` : p.name })), [partners.data]);
  const axisOptions = useMemo(() => (tree.data?.axes ?? []).map((a) => ({ value: a.id, label: a.title })), [tree.data]);
  const filterAxis = filters.axisId;
  const objectiveOptions = useMemo(
    () => [
      { value: 'inbox', label: fr.strategy.inbox },
      ...(tree.data?.axes ?? []).filter((a) => !filterAxis || a.id === filterAxis).flatMap((a) => a.objectives.map((o) => ({ value: o.id, label: o.title }))),
    ],
    [tree.data, filterAxis],
  );
  const periodOptions = useMemo(
    () => [
      ...(periods.data ?? []).map((p) => ({ value: p.id, label: p.active ? p.title : `${p.title} (${s.archived})` })),
      ...((periods.data ?? []).length > 1 ? [{ value: ALL_PERIODS, label: s.allPeriods }] : []),
    ],
    [periods.data],
  );
  const setFilter = (patch: Partial<PlanFilters>) => setFilters({ ...filters, ...patch });

  return {
    filters,
    setFilters,
    setFilter,
    active: activeFilterCount(filters),
    view,
    setView,
    onSort,
    periods,
    periodId,
    allPeriods,
    tree,
    rowsQ,
    filtered,
    visible,
    readOnly: tree.data?.period.status === 'closed',
    noPeriod: periods.data && !periods.data.some((p) => p.active) && !periodId,
    options: { partners: partnerOptions, axes: axisOptions, objectives: objectiveOptions, periods: periodOptions },
  };
}

export type PlanData = ReturnType<typeof usePlanData>;
