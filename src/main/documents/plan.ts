// Plan d'actions (landscape): cover, contents with page numbers, then axis → objective → actions with pilot, calendar, status, health, key indicator.
import { common } from '../../shared/i18n/common';
import { documents as t } from '../../shared/i18n/documents';
import { formatDate, formatNumber, formatShortDate, todayIso } from '../../shared/format';
import { computeHealth } from '../../shared/health';
import type { Action, Datastore, StrategyPeriod } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { ACTION_STATUS_COLOURS, ACTION_STATUS_ORDER, HEALTH_COLOURS, HEALTH_ORDER } from '../../shared/status-colours';
import { strategy } from '../../shared/i18n/strategy';
import { finishDocument } from './common';
import { ConfidentialityFilter } from './confidentiality';
import { type GeneratedDocument, Lookup, type RenderOptions, safeFileName, yieldToEventLoop } from './data';
import { distributionBar } from './kit/charts';
import { type ContentsEntry, drawContents, reserveContents } from './kit/contents';
import { COLOURS, PdfDoc } from './kit/document';
import { type Row, table } from './kit/table';
import { ellipsis } from './kit/typography';

export interface PlanParams {
  /** Strategy period (defaults to the active one). */
  periodId?: string;
  /** Explicit choice to print the actions followed by a confidential instance (the document is then marked confidential). */
  includeConfidential?: boolean;
}

export function resolvePeriod(data: Datastore, periodId?: string): StrategyPeriod {
  const id = periodId ?? data.settings.activePeriodId;
  const p = data.periods.find((x) => x.id === id) ?? (periodId ? undefined : data.periods[data.periods.length - 1]);
  if (!p) throw new DomainError(periodId ? 'not_found' : 'invalid_input', periodId ? t.errors.periodNotFound(periodId) : t.plan.noPeriod);
  return p;
}

/** The headline indicator of an action: its first indicator with a target, else its first one. */
export function keyIndicatorLabel(a: Action): string {
  const ind = a.indicators.find((i) => i.target !== undefined) ?? a.indicators[0];
  if (!ind) return '—';
  let last: { date: string; value: number } | undefined;
  for (const m of ind.measurements) if (!last || m.date >= last.date) last = m;
  const unit = ind.unit ? ` ${ind.unit}` : '';
  const value = last ? formatNumber(last.value) : '—';
  const target = ind.target !== undefined ? formatNumber(ind.target) : '—';
  return `${ind.title} : ${value} / ${target}${unit}`;
}

export async function renderPlan(data: Datastore, params: PlanParams, options: RenderOptions = {}): Promise<GeneratedDocument> {
  const lk = new Lookup(data);
  const period = resolvePeriod(data, params.periodId);
  const now = options.now ?? new Date();
  const today = todayIso(now);
  const title = t.plan.title(period.title);
  const scope = new ConfidentialityFilter(data, params.includeConfidential);
  const actions = scope.actions(data.actions.filter((a) => a.periodId === period.id && !a.archived));
  const pd = new PdfDoc({
    title,
    subject: t.plan.subject,
    dateLabel: t.frame.editedOn(formatDate(now.toISOString())),
    landscape: true,
    confidentiality: scope.level,
    basis: scope.basis,
    settings: data.settings,
    now,
  });
  const s = data.settings;
  const axes = data.axes.filter((a) => a.periodId === period.id && !a.archived).sort((a, b) => a.order - b.order);
  const health = new Map(actions.map((a) => [a.id, computeHealth(a, today, s.staleAfterMonths).level]));

  // Cover.
  pd.y = pd.contentTop + 70;
  pd.text(t.plan.coverTitle, { face: 'bold', size: 30, tag: 'H1', colour: COLOURS.accent, align: 'center', after: 6 });
  pd.text(period.title, { face: 'bold', size: 16, tag: 'H1', align: 'center', after: 6 });
  pd.text(t.plan.coverCouncil(s.councilAcronym, s.communeName), { size: 12, align: 'center', colour: COLOURS.muted, after: 2 });
  pd.text(s.councilName, { size: 9.5, align: 'center', colour: COLOURS.muted, after: 24 });
  pd.text(t.plan.coverSummary(actions.length, axes.length), { size: 11, align: 'center', after: 14 });
  if (scope.leftOut.actions) pd.text(`${t.marks.actionsLeftOut(scope.leftOut.actions)} ${t.marks.leftOutHow}`, { size: 9, face: 'italic', colour: COLOURS.muted, align: 'center', after: 14 });
  const band = { x: pd.left + pd.width * 0.15, w: pd.width * 0.7 };
  const saveLeft = pd.doc.page.margins.left;
  const saveRight = pd.doc.page.margins.right;
  pd.doc.page.margins.left = band.x;
  pd.doc.page.margins.right = pd.pageWidth - band.x - band.w;
  distributionBar(
    pd,
    ACTION_STATUS_ORDER.map((st) => ({ label: common.actionStatus[st], value: actions.filter((a) => a.status === st).length, colour: ACTION_STATUS_COLOURS[st] })),
    { title: t.plan.statusCounts },
  );
  distributionBar(
    pd,
    HEALTH_ORDER.map((h) => ({ label: strategy.health[h], value: actions.filter((a) => health.get(a.id) === h).length, colour: HEALTH_COLOURS[h] })),
    { title: t.plan.healthCounts },
  );
  pd.doc.page.margins.left = saveLeft;
  pd.doc.page.margins.right = saveRight;

  // Contents page, filled at the end once page numbers are known.
  const contents = reserveContents(pd);
  const entries: ContentsEntry[] = [];

  const objectivesOf = (axisId: string) => data.objectives.filter((o) => o.axisId === axisId && !o.archived).sort((a, b) => a.order - b.order);
  const byObjective = new Map<string, Action[]>();
  for (const a of actions) if (a.objectiveId) byObjective.set(a.objectiveId, [...(byObjective.get(a.objectiveId) ?? []), a]);
  const c = t.plan.columns;
  const columns = [
    { header: c.code, width: 0.85 },
    { header: c.title, width: 4 },
    { header: c.pilot, width: 2 },
    { header: c.partners, width: 2.2 },
    { header: c.calendar, width: 1.55 },
    { header: c.status, width: 1.15 },
    { header: c.health, width: 1.3 },
    { header: c.indicator, width: 2.5 },
  ];
  const rowOf = (a: Action): Row => {
    const h = health.get(a.id) ?? 'unknown';
    const pilot = [lk.orgShort(a.pilot.organisationId), a.pilot.personId ? lk.people.get(a.pilot.personId)?.lastName : ''].filter(Boolean).join(' — ');
    const partners = a.partners.map((p) => lk.orgShort(p.organisationId)).filter(Boolean);
    return {
      cells: [
        { text: a.code || '—', face: 'bold' },
        a.title,
        pilot || '—',
        partners.length ? ellipsis(partners.join(', '), 220) : '—',
        t.plan.calendar(a.startDate && formatShortDate(a.startDate), a.endDate && formatShortDate(a.endDate)),
        { text: `${common.actionStatus[a.status]}${a.status === 'in_progress' ? ` (${Math.round(a.progress)} %)` : ''}`, dot: ACTION_STATUS_COLOURS[a.status] },
        { text: strategy.health[h], dot: HEALTH_COLOURS[h] },
        keyIndicatorLabel(a),
      ],
    };
  };

  let done = 0;
  for (const [ai, axis] of axes.entries()) {
    await yieldToEventLoop();
    pd.newPage();
    const axisTitle = t.plan.axis(axis.order || ai + 1, axis.title);
    entries.push({ level: 1, label: axisTitle, page: pd.pageCount });
    const barY = pd.y + (pd.y > pd.contentTop + 1 ? 10 : 0);
    pd.decor((doc) => doc.save().rect(pd.left - 10, barY, 5, 17).fill(axis.colour).restore());
    pd.heading(axisTitle, 1);
    if (axis.description) pd.text(axis.description, { size: 9, colour: COLOURS.muted, after: 6 });
    objectivesOf(axis.id).forEach((obj, oi) => {
      const label = t.plan.objective(`${axis.order || ai + 1}.${obj.order || oi + 1}`, obj.title);
      pd.heading(label, 2, { keepWith: 60 });
      entries.push({ level: 2, label, page: pd.pageCount });
      const list = (byObjective.get(obj.id) ?? []).sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true }));
      table(pd, columns, list.map(rowOf), { size: 8, empty: t.plan.noAction });
      done += list.length;
      options.onProgress?.(actions.length ? done / actions.length : 1);
    });
  }
  const known = new Set(data.objectives.filter((o) => axes.some((a) => a.id === o.axisId)).map((o) => o.id));
  const inbox = actions.filter((a) => !a.objectiveId || !known.has(a.objectiveId));
  if (inbox.length) {
    pd.newPage();
    entries.push({ level: 1, label: t.plan.inbox, page: pd.pageCount });
    pd.heading(t.plan.inbox, 1);
    table(pd, columns, inbox.map(rowOf), { size: 8 });
  }

  drawContents(pd, contents, t.plan.contents, entries, t.plan.pageRef);
  options.onProgress?.(1);
  return finishDocument(pd, title, safeFileName('plan-d-actions', period.title));
}

export async function planPdf(data: Datastore, params: PlanParams, options: RenderOptions = {}): Promise<Buffer> {
  return (await renderPlan(data, params, options)).bytes;
}
