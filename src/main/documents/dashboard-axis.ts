// Bilan annuel, one page per axis: its actions' states, health and progress, late actions, indicators against their targets, funding.
import { common } from '../../shared/i18n/common';
import { documents as t } from '../../shared/i18n/documents';
import { strategy } from '../../shared/i18n/strategy';
import { formatMoney, formatNumber, formatPercent } from '../../shared/format';
import { type HealthLevel, indicatorStatus } from '../../shared/health';
import type { Action, Axis } from '../../shared/model';
import { ACTION_STATUS_COLOURS, ACTION_STATUS_ORDER, HEALTH_COLOURS, HEALTH_ORDER } from '../../shared/status-colours';
import { funderLabel } from './common';
import { distributionBar, horizontalBars, indicatorChart, progressGauge } from './kit/charts';
import { COLOURS, type PdfDoc } from './kit/document';
import { type Row, table } from './kit/table';

const MAX_CHARTS_PER_AXIS = 2;
const MAX_BARS_PER_AXIS = 15;

/** What every part of the bilan shares: the document, the year, the day it is judged at, each action's health. */
export interface DashboardContext {
  pd: PdfDoc;
  year: number;
  /** The year's end, or today for the current year. */
  asOf: string;
  health: Map<string, HealthLevel>;
}

/** Requested, obtained and spent amounts per funder. */
export type FundingLine = [string, { r: number; o: number; s: number }];

function lastMeasurement(a: Action['indicators'][number], until: string) {
  let best: { date: string; value: number } | undefined;
  for (const m of a.measurements) if (m.date <= until && (!best || m.date >= best.date)) best = m;
  return best;
}

/** Mean progress of the actions (0 when there is none). */
export function meanProgress(list: Action[]): number {
  return list.length ? list.reduce((x, a) => x + a.progress, 0) / list.length : 0;
}

/** The year's funding lines of the actions, grouped by funder, most obtained first. */
export function fundingOf(list: Action[], year: number): FundingLine[] {
  const by = new Map<string, { r: number; o: number; s: number }>();
  for (const a of list)
    for (const l of a.funding) {
      if (l.year !== undefined && l.year !== year) continue;
      const key = funderLabel(l.funder);
      const e = by.get(key) ?? { r: 0, o: 0, s: 0 };
      e.r += l.requested;
      e.o += l.obtained;
      e.s += l.spent;
      by.set(key, e);
    }
  return [...by.entries()].sort((a, b) => b[1].o - a[1].o);
}

/** The page of one axis (`number` as printed), starting on a new page; `leftOut`: its confidential actions not printed. */
export function axisPage(ctx: DashboardContext, axis: Axis, number: number, list: Action[], leftOut: number): void {
  const { pd, year, asOf, health } = ctx;
  pd.newPage();
  const barY = pd.y + (pd.y > pd.contentTop + 1 ? 10 : 0);
  pd.decor((doc) => doc.save().rect(pd.left - 10, barY, 5, 17).fill(axis.colour).restore());
  pd.heading(t.plan.axis(number, axis.title), 1);
  if (leftOut > 0) pd.note(t.marks.actionsLeftOut(leftOut));
  distributionBar(pd, statusSegments(list), { title: t.dashboard.statusCounts });
  distributionBar(pd, healthSegments(list, health), { title: t.dashboard.healthCounts });
  pd.ensure(22);
  const avg = meanProgress(list);
  pd.drawLine(t.dashboard.progress(formatPercent(avg)), pd.left, pd.y, 'bold', 9);
  progressGauge(pd, pd.left + 150, pd.y + 2.5, pd.width - 150, avg, axis.colour);
  pd.y += 20;

  const late = list.filter((a) => health.get(a.id) === 'late');
  if (late.length) {
    pd.heading(t.dashboard.lateActions, 2);
    pd.bullets(late.slice(0, 10).map((a) => `${a.code} — ${a.title}`), { size: 8.5, after: 1 });
    if (late.length > 10) pd.text(t.dashboard.moreLate(late.length - 10), { size: 8.5, face: 'italic', colour: COLOURS.muted });
  }

  pd.heading(t.dashboard.indicators, 2);
  const inds = list.flatMap((a) => a.indicators.map((ind) => ({ a, ind })));
  if (!inds.length) pd.text(t.dashboard.noIndicators, { size: 9, face: 'italic', colour: COLOURS.muted });
  const withTarget = inds.filter((x) => x.ind.target !== undefined && x.ind.target > 0);
  if (withTarget.length) {
    horizontalBars(
      pd,
      withTarget.slice(0, MAX_BARS_PER_AXIS).map(({ a, ind }) => {
        const last = lastMeasurement(ind, asOf);
        const rate = last ? (last.value / (ind.target ?? 1)) * 100 : 0;
        const st = indicatorStatus(ind, asOf, { startDate: a.startDate });
        return {
          label: `${a.code} ${ind.title}`,
          value: Math.min(100, rate),
          colour: st === 'reached' ? HEALTH_COLOURS.on_track : st === 'behind' ? HEALTH_COLOURS.watch : COLOURS.accent,
          valueLabel: formatPercent(rate),
        };
      }),
      { max: 100, size: 8, alt: t.dashboard.indicators },
    );
  }
  const charted = [...inds].sort((x, y) => y.ind.measurements.length - x.ind.measurements.length).slice(0, MAX_CHARTS_PER_AXIS);
  const half = (pd.width - 16) / 2;
  if (charted.length) {
    pd.ensure(180);
    const y0 = pd.y;
    charted.forEach(({ a, ind }, i) => {
      pd.y = y0;
      const saved = pd.doc.page.margins.left;
      pd.doc.page.margins.left = saved + i * (half + 16);
      indicatorChart(pd, { title: `${a.code} — ${ind.title}`, unit: ind.unit, points: ind.measurements.filter((m) => m.date <= asOf), target: ind.target, baseline: ind.baseline, width: half, height: 120, colour: axis.colour });
      pd.doc.page.margins.left = saved;
    });
  }
  if (inds.length) {
    const c = t.dashboard.indicatorColumns;
    table(
      pd,
      [
        { header: c.action, width: 0.9 },
        { header: c.indicator, width: 3.4 },
        { header: c.value, width: 1.3, align: 'right', nowrap: true },
        { header: c.target, width: 1.3, align: 'right', nowrap: true },
        { header: c.rate, width: 1, align: 'right', nowrap: true },
        { header: c.status, width: 1.9 },
      ],
      inds.map(({ a, ind }) => {
        const last = lastMeasurement(ind, asOf);
        const st = indicatorStatus(ind, asOf, { startDate: a.startDate });
        return {
          cells: [
            a.code,
            ind.title,
            last ? `${formatNumber(last.value)} ${ind.unit}`.trim() : '—',
            ind.target !== undefined ? `${formatNumber(ind.target)} ${ind.unit}`.trim() : '—',
            last && ind.target ? formatPercent((last.value / ind.target) * 100) : '—',
            strategy.indicatorStatus[st],
          ],
        };
      }),
      { size: 7.8 },
    );
  }
  pd.heading(t.dashboard.funding, 2);
  fundingTable(pd, fundingOf(list, year), year);
}

export function statusSegments(list: Action[]) {
  return ACTION_STATUS_ORDER.map((st) => ({ label: common.actionStatus[st], value: list.filter((a) => a.status === st).length, colour: ACTION_STATUS_COLOURS[st] }));
}

export function healthSegments(list: Action[], health: Map<string, HealthLevel>) {
  return HEALTH_ORDER.map((h) => ({ label: strategy.health[h], value: list.filter((a) => health.get(a.id) === h).length, colour: HEALTH_COLOURS[h] }));
}

function fundingTable(pd: PdfDoc, lines: FundingLine[], year: number): void {
  const c = t.dashboard.fundingColumns;
  const total = lines.reduce((x, [, v]) => ({ r: x.r + v.r, o: x.o + v.o, s: x.s + v.s }), { r: 0, o: 0, s: 0 });
  const rows: Row[] = lines.map(([funder, v]) => ({ cells: [funderLabel(funder), formatMoney(v.r), formatMoney(v.o), formatMoney(v.s)] }));
  if (rows.length > 1)
    rows.push({
      cells: [
        { text: t.common.total, face: 'bold' },
        { text: formatMoney(total.r), face: 'bold' },
        { text: formatMoney(total.o), face: 'bold' },
        { text: formatMoney(total.s), face: 'bold' },
      ],
      fill: COLOURS.groupFill,
    });
  table(
    pd,
    [
      { header: c.funder, width: 3 },
      { header: c.requested, width: 1.5, align: 'right', nowrap: true },
      { header: c.obtained, width: 1.5, align: 'right', nowrap: true },
      { header: c.spent, width: 1.5, align: 'right', nowrap: true },
    ],
    rows,
    { size: 8.5, empty: t.dashboard.noFunding(year) },
  );
}
