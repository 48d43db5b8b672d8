// Read models of the strategy: table rows, tree, fiche detail, per-axis aggregates and the dashboard.
import type {
  ActionDetail,
  ActionFilter,
  ActionRow,
  AxisPage,
  AxisSummary,
  Dashboard,
  DueItem,
  FundingTotals,
  HealthCounts,
  PlanTree,
  StatusCounts,
  UpcomingMeeting,
} from '../../../shared/contract/strategy';
import { addDays } from '../../../shared/format';
import { computeHealth, indicatorStatus, type Health } from '../../../shared/health';
import type { Action, Axis, Datastore, Meeting, Objective, StrategyPeriod } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import { buildSearchIndex, filterActions, sortActions } from '../../../shared/strategy-filter';
import { strategy as t } from '../../../shared/i18n/strategy';
import { personLabel } from '../../../shared/text';
import type { ServiceContext } from '../context';
import { collectReminders } from '../reminders';
import { getPeriod, today as todayOf } from './common';
import { readArchive } from './periods';

/** The data of one period: live for the active period, from its archive file for a closed one. */
export interface PeriodView {
  period: StrategyPeriod;
  axes: Axis[];
  objectives: Objective[];
  actions: Action[];
  readOnly: boolean;
}

export function periodView(ctx: ServiceContext, periodId?: string): PeriodView | undefined {
  const data = ctx.store.data;
  const id = periodId ?? data.settings.activePeriodId;
  if (!id) return undefined;
  const period = getPeriod(data, id);
  if (period.status === 'closed') {
    const a = readArchive(ctx, id);
    return { period: a.period, axes: a.axes, objectives: a.objectives, actions: a.actions, readOnly: true };
  }
  const axes = data.axes.filter((a) => a.periodId === id);
  const axisIds = new Set(axes.map((a) => a.id));
  return {
    period,
    axes,
    objectives: data.objectives.filter((o) => axisIds.has(o.axisId)),
    actions: data.actions.filter((a) => a.periodId === id),
    readOnly: false,
  };
}

interface Lookups {
  orgs: Map<string, string>;
  objectives: Map<string, Objective>;
  axes: Map<string, Axis>;
}

function lookups(data: Datastore, view: Pick<PeriodView, 'axes' | 'objectives'>): Lookups {
  return {
    orgs: new Map(data.organisations.map((o) => [o.id, o.shortName || o.name])),
    objectives: new Map(view.objectives.map((o) => [o.id, o])),
    axes: new Map(view.axes.map((a) => [a.id, a])),
  };
}

export function toRow(a: Action, l: Lookups, today: string, staleAfterMonths: number, health?: Health): ActionRow {
  const obj = a.objectiveId ? l.objectives.get(a.objectiveId) : undefined;
  const axis = obj ? l.axes.get(obj.axisId) : undefined;
  const h = health ?? computeHealth(a, today, staleAfterMonths);
  return {
    id: a.id,
    code: a.code,
    title: a.title,
    periodId: a.periodId,
    axisId: axis?.id,
    axisTitle: axis?.title,
    axisColour: axis?.colour,
    objectiveId: obj?.id,
    objectiveTitle: obj?.title,
    pilotOrganisationId: a.pilot.organisationId,
    pilotName: a.pilot.organisationId ? l.orgs.get(a.pilot.organisationId) : undefined,
    partnerIds: a.partners.map((p) => p.organisationId),
    partnerNames: a.partners.map((p) => l.orgs.get(p.organisationId) ?? '—'),
    targetPublic: a.targetPublic,
    territory: a.territory,
    startDate: a.startDate,
    endDate: a.endDate,
    status: a.status,
    progress: a.progress,
    health: h.level,
    healthReasons: h.reasons,
    lastUpdateAt: a.lastUpdateAt,
    archived: a.archived,
  };
}

export function listActionRows(ctx: ServiceContext, filter: ActionFilter = {}): ActionRow[] {
  if (filter.allPeriods) {
    const rows: ActionRow[] = [];
    const periods = [...ctx.store.data.periods].sort((a, b) => b.startYear - a.startYear);
    for (const p of periods) {
      let part: ActionRow[];
      try {
        part = listActionRows(ctx, { ...filter, allPeriods: false, periodId: p.id });
      } catch {
        continue; // an unreadable archive is reported when that period is opened
      }
      const periodLabel = `${p.startYear}–${p.endYear}`;
      for (const r of part) rows.push({ ...r, periodLabel });
    }
    return rows;
  }
  const view = periodView(ctx, filter.periodId);
  if (!view) return [];
  const data = ctx.store.data;
  const l = lookups(data, view);
  const today = todayOf(ctx);
  const rows = view.actions.map((a) => toRow(a, l, today, data.settings.staleAfterMonths));
  return sortActions(filterActions(buildSearchIndex(rows), filter), 'code');
}

const byOrder = <T extends { order: number; archived: boolean }>(a: T, b: T) => Number(a.archived) - Number(b.archived) || a.order - b.order;

export function planTree(ctx: ServiceContext, periodId?: string): PlanTree {
  const view = periodView(ctx, periodId);
  if (!view) throw new DomainError('conflict', t.errors.noActivePeriod);
  const data = ctx.store.data;
  const l = lookups(data, view);
  const today = todayOf(ctx);
  const byObjective = new Map<string, ActionRow[]>();
  const inbox: ActionRow[] = [];
  for (const a of view.actions) {
    const row = toRow(a, l, today, data.settings.staleAfterMonths);
    if (a.objectiveId && l.objectives.has(a.objectiveId)) {
      const list = byObjective.get(a.objectiveId) ?? [];
      list.push(row);
      byObjective.set(a.objectiveId, list);
    } else inbox.push(row);
  }
  return {
    period: view.period,
    axes: [...view.axes].sort(byOrder).map((axis) => ({
      ...axis,
      objectives: view.objectives
        .filter((o) => o.axisId === axis.id)
        .sort(byOrder)
        .map((o) => ({ ...o, actions: sortActions(byObjective.get(o.id) ?? [], 'code') })),
    })),
    inbox: sortActions(inbox, 'code'),
  };
}

function linkedMeetings(meetings: Meeting[], actionId: string): ActionDetail['meetings'] {
  const out: ActionDetail['meetings'] = [];
  for (const m of meetings) {
    const decisions = m.decisions.filter((d) => d.actionId === actionId);
    const onAgenda = m.agenda.some((i) => i.linkedActionIds.includes(actionId));
    if (decisions.length || onAgenda) {
      out.push({ id: m.id, title: m.title, date: m.date, decisions: decisions.map((d) => ({ id: d.id, text: d.text, status: d.status })) });
    }
  }
  return out.sort((a, b) => b.date.localeCompare(a.date));
}

/** Meetings named by the journal that were deleted since (shown as « réunion supprimée »). */
function deletedMeetings(meetings: Meeting[], a: Action): string[] {
  const named = new Set(a.journal.map((j) => j.meetingId).filter((x): x is string => !!x));
  for (const m of meetings) named.delete(m.id);
  return [...named];
}

export function actionDetail(ctx: ServiceContext, id: string): ActionDetail {
  const data = ctx.store.data;
  let action = data.actions.find((a) => a.id === id);
  let view: PeriodView | undefined;
  if (action) view = periodView(ctx, action.periodId);
  else {
    for (const p of data.periods) {
      if (p.status !== 'closed') continue;
      try {
        const v = periodView(ctx, p.id);
        const found = v?.actions.find((a) => a.id === id);
        if (found) {
          action = found;
          view = v;
          break;
        }
      } catch {
        // a missing archive file is reported when the period itself is opened
      }
    }
  }
  if (!action || !view) throw new DomainError('not_found', t.errors.actionNotFound);
  const today = todayOf(ctx);
  const objective = action.objectiveId ? view.objectives.find((o) => o.id === action.objectiveId) : undefined;
  const axis = objective ? view.axes.find((a) => a.id === objective.axisId) : undefined;
  const pilotOrg = action.pilot.organisationId ? data.organisations.find((o) => o.id === action.pilot.organisationId) : undefined;
  const person = action.pilot.personId ? data.people.find((p) => p.id === action.pilot.personId) : undefined;
  const a = action;
  return {
    action: a,
    health: computeHealth(a, today, data.settings.staleAfterMonths),
    axis,
    objective,
    indicators: a.indicators.map((indicator) => ({ indicator, status: indicatorStatus(indicator, today, { startDate: a.startDate }) })),
    pilotName: pilotOrg?.name,
    pilotPersonName: person ? personLabel(person) : undefined,
    partnerNames: Object.fromEntries(a.partners.map((p) => [p.organisationId, data.organisations.find((o) => o.id === p.organisationId)?.name ?? '—'])),
    followingInstanceName: a.followingInstanceId ? data.instances.find((i) => i.id === a.followingInstanceId)?.name : undefined,
    meetings: linkedMeetings(data.meetings, a.id),
    deletedMeetingIds: deletedMeetings(data.meetings, a),
    readOnly: view.readOnly,
  };
}

// ---------- aggregates ----------
const emptyStatus = (): StatusCounts => ({ planned: 0, in_progress: 0, done: 0, postponed: 0, abandoned: 0 });
const emptyHealth = (): HealthCounts => ({ on_track: 0, watch: 0, late: 0, unknown: 0 });

export function fundingTotals(actions: Action[]): FundingTotals {
  const by = new Map<string, { funder: string; requested: number; obtained: number; spent: number }>();
  const total = { requested: 0, obtained: 0, spent: 0 };
  for (const a of actions) {
    for (const f of a.funding) {
      const row = by.get(f.funder) ?? { funder: f.funder, requested: 0, obtained: 0, spent: 0 };
      row.requested += f.requested;
      row.obtained += f.obtained;
      row.spent += f.spent;
      by.set(f.funder, row);
      total.requested += f.requested;
      total.obtained += f.obtained;
      total.spent += f.spent;
    }
  }
  return { ...total, byFunder: [...by.values()].sort((x, y) => y.requested - x.requested || x.funder.localeCompare(y.funder, 'fr')) };
}

/** End dates and open milestones falling in the next 90 days (tagged 30 / 60 / 90). */
export function dueSoon(actions: Action[], today: string): DueItem[] {
  const d30 = addDays(today, 30);
  const d60 = addDays(today, 60);
  const d90 = addDays(today, 90);
  const within = (d: string): 30 | 60 | 90 => (d <= d30 ? 30 : d <= d60 ? 60 : 90);
  const out: DueItem[] = [];
  for (const a of actions) {
    if (a.status === 'done' || a.status === 'abandoned') continue;
    if (a.endDate && a.endDate >= today && a.endDate <= d90) {
      out.push({ kind: 'end', actionId: a.id, code: a.code, title: a.title, date: a.endDate, within: within(a.endDate) });
    }
    for (const m of a.milestones) {
      if (!m.doneAt && m.dueDate >= today && m.dueDate <= d90) {
        out.push({ kind: 'milestone', actionId: a.id, code: a.code, title: a.title, label: m.title, date: m.dueDate, within: within(m.dueDate) });
      }
    }
  }
  return out.sort((x, y) => x.date.localeCompare(y.date) || x.code.localeCompare(y.code, 'fr', { numeric: true }));
}

/** Counts, progress, late list, due soon, indicators and money of one axis (non-archived actions). */
export function axisSummary(data: Datastore, view: PeriodView, axis: Axis, today: string, l = lookups(data, view)): AxisSummary {
  const objectiveIds = new Set(view.objectives.filter((o) => o.axisId === axis.id).map((o) => o.id));
  const actions = view.actions.filter((a) => !a.archived && a.objectiveId !== undefined && objectiveIds.has(a.objectiveId));
  const byStatus = emptyStatus();
  const byHealth = emptyHealth();
  const indicators = { reached: 0, on_trajectory: 0, behind: 0, no_data: 0 };
  const late: ActionRow[] = [];
  let progressSum = 0;
  let progressCount = 0;
  for (const a of actions) {
    const h = computeHealth(a, today, data.settings.staleAfterMonths);
    byStatus[a.status]++;
    byHealth[h.level]++;
    if (a.status !== 'abandoned') {
      progressSum += a.progress;
      progressCount++;
    }
    if (h.level === 'late') late.push(toRow(a, l, today, data.settings.staleAfterMonths, h));
    for (const ind of a.indicators) indicators[indicatorStatus(ind, today, { startDate: a.startDate })]++;
  }
  return {
    axis,
    objectivesCount: objectiveIds.size,
    actionsCount: actions.length,
    byStatus,
    byHealth,
    averageProgress: progressCount ? progressSum / progressCount : 0,
    late: sortActions(late, 'endDate'),
    due: dueSoon(actions, today),
    indicators,
    funding: fundingTotals(actions),
  };
}

export function axisPage(ctx: ServiceContext, axisId: string, todayInput?: string): AxisPage {
  const data = ctx.store.data;
  let view: PeriodView | undefined;
  const live = data.axes.find((a) => a.id === axisId);
  if (live) view = periodView(ctx, live.periodId);
  else {
    for (const p of data.periods.filter((x) => x.status === 'closed')) {
      try {
        const v = periodView(ctx, p.id);
        if (v?.axes.some((a) => a.id === axisId)) {
          view = v;
          break;
        }
      } catch {
        // skip unreadable archives
      }
    }
  }
  const axis = view?.axes.find((a) => a.id === axisId);
  if (!view || !axis) throw new DomainError('not_found', t.errors.axisNotFound);
  const today = todayInput ?? todayOf(ctx);
  const l = lookups(data, view);
  const summary = axisSummary(data, view, axis, today, l);
  const objectives = view.objectives
    .filter((o) => o.axisId === axisId)
    .sort(byOrder)
    .map((objective) => {
      const actions = view.actions.filter((a) => a.objectiveId === objective.id && !a.archived);
      const rows = sortActions(actions.map((a) => toRow(a, l, today, data.settings.staleAfterMonths)), 'code');
      const counted = actions.filter((a) => a.status !== 'abandoned');
      return { objective, actions: rows, averageProgress: counted.length ? counted.reduce((s, a) => s + a.progress, 0) / counted.length : 0 };
    });
  const objectiveIds = new Set(objectives.map((o) => o.objective.id));
  const indicatorSeries = view.actions
    .filter((a) => !a.archived && a.objectiveId && objectiveIds.has(a.objectiveId))
    .sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true }))
    .flatMap((a) => a.indicators.map((indicator) => ({ actionId: a.id, actionCode: a.code, actionStartDate: a.startDate, indicator, status: indicatorStatus(indicator, today, { startDate: a.startDate }) })));
  return { ...summary, period: view.period, objectives, indicatorSeries, readOnly: view.readOnly };
}

export function upcomingMeetings(data: Datastore, today: string, limit = 5): UpcomingMeeting[] {
  const instances = new Map(data.instances.map((i) => [i.id, i.name]));
  return data.meetings
    .filter((m) => m.date >= today && (m.status === 'draft' || m.status === 'convened' || m.status === 'in_progress'))
    .sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime))
    .slice(0, limit)
    .map((m) => ({
      id: m.id,
      title: m.title,
      date: m.date,
      startTime: m.startTime,
      instanceId: m.instanceId,
      instanceName: instances.get(m.instanceId) ?? '—',
      status: m.status,
      confidentiality: m.confidentiality,
    }));
}

export function dashboard(ctx: ServiceContext, todayInput?: string): Dashboard {
  const data = ctx.store.data;
  const today = todayInput ?? todayOf(ctx);
  const view = periodView(ctx);
  const reminders = collectReminders(ctx, today);
  const byStatus = emptyStatus();
  const byHealth = emptyHealth();
  let progressSum = 0;
  let progressCount = 0;
  let count = 0;
  const axes: AxisSummary[] = [];
  if (view) {
    const l = lookups(data, view);
    for (const axis of [...view.axes].filter((a) => !a.archived).sort(byOrder)) axes.push(axisSummary(data, view, axis, today, l));
    for (const a of view.actions) {
      if (a.archived) continue;
      count++;
      byStatus[a.status]++;
      byHealth[computeHealth(a, today, data.settings.staleAfterMonths).level]++;
      if (a.status !== 'abandoned') {
        progressSum += a.progress;
        progressCount++;
      }
    }
  }
  return {
    today,
    period: view?.period,
    reminders,
    axes,
    totals: { actions: count, byHealth, byStatus, averageProgress: progressCount ? progressSum / progressCount : 0 },
    upcomingMeetings: upcomingMeetings(data, today),
  };
}
