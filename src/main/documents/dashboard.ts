// Tableau de bord / bilan annuel: key figures, per axis status and health counts, progress, indicators vs targets, funding; meetings and attendance of the year.
import { common } from '../../shared/i18n/common';
import { documents as t } from '../../shared/i18n/documents';
import { strategy } from '../../shared/i18n/strategy';
import { formatDate, formatMoney, formatNumber, formatPercent, formatShortDate, todayIso } from '../../shared/format';
import { computeHealth, type HealthLevel, indicatorStatus } from '../../shared/health';
import type { Action, Datastore, Meeting } from '../../shared/model';
import { ACTION_STATUS_COLOURS, ACTION_STATUS_ORDER, HEALTH_COLOURS, HEALTH_ORDER } from '../../shared/status-colours';
import { finishDocument, funderLabel } from './common';
import { registerCountTables } from './register';
import { ConfidentialityFilter } from './confidentiality';
import { type GeneratedDocument, Lookup, type RenderOptions, safeFileName, yieldToEventLoop } from './data';
import { distributionBar, horizontalBars, indicatorChart, progressGauge } from './kit/charts';
import { COLOURS, PdfDoc } from './kit/document';
import { type Row, table } from './kit/table';

export interface DashboardParams {
  year: number;
  /** Explicit choice to print the actions, meetings and attendance of confidential instances (the document is then marked confidential). */
  includeConfidential?: boolean;
}

const HELD: Meeting['status'][] = ['in_progress', 'held', 'validated'];
const MAX_CHARTS_PER_AXIS = 2;
const MAX_BARS_PER_AXIS = 15;

function lastMeasurement(a: Action['indicators'][number], until: string) {
  let best: { date: string; value: number } | undefined;
  for (const m of a.measurements) if (m.date <= until && (!best || m.date >= best.date)) best = m;
  return best;
}

export async function renderDashboard(data: Datastore, params: DashboardParams, options: RenderOptions = {}): Promise<GeneratedDocument> {
  const lk = new Lookup(data);
  const year = params.year;
  const now = options.now ?? new Date();
  const today = todayIso(now);
  // Judge the year as it stood at its end (or today for the current year).
  const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
  const s = data.settings;
  const title = t.dashboard.title(year);
  const periods = data.periods.filter((p) => p.startYear <= year && p.endYear >= year);
  const periodIds = new Set(periods.map((p) => p.id));
  // Confidential instances' actions, meetings and attendance only on the explicit choice; the marks follow what is printed.
  const scope = new ConfidentialityFilter(data, params.includeConfidential);
  const yearActions = data.actions.filter((a) => periodIds.has(a.periodId) && !a.archived);
  const actions = scope.actions(yearActions);
  const meetings = scope.meetings(data.meetings.filter((m) => m.date.startsWith(String(year)))).sort((a, b) => a.date.localeCompare(b.date));
  const pd = new PdfDoc({ title, subject: t.dashboard.subject, dateLabel: t.frame.editedOn(formatDate(now.toISOString())), confidentiality: scope.level, basis: scope.basis, settings: s, now });
  const leftOutNote = () => {
    const parts = [
      scope.leftOut.actions ? t.marks.actionsLeftOut(scope.leftOut.actions) : '',
      scope.leftOut.meetings ? t.marks.meetingsLeftOut(scope.leftOut.meetings) : '',
    ].filter(Boolean);
    if (parts.length) pd.note([...parts, t.marks.leftOutHow].join(' '));
  };
  const health = new Map<string, HealthLevel>(actions.map((a) => [a.id, computeHealth(a, asOf, s.staleAfterMonths).level]));
  const held = meetings.filter((m) => HELD.includes(m.status));
  const plenaryIds = new Set(data.instances.filter((i) => i.kind === 'plenary').map((i) => i.id));
  const fundingOf = (list: Action[]) => {
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
  };
  const allFunding = fundingOf(actions);
  const mean = (list: Action[]) => (list.length ? list.reduce((x, a) => x + a.progress, 0) / list.length : 0);

  // ---------- cover and key figures ----------
  pd.text(t.dashboard.coverTitle(year), { face: 'bold', size: 24, tag: 'H1', colour: COLOURS.accent, after: 2 });
  pd.text(t.dashboard.coverSubtitle, { face: 'bold', size: 12, after: 2 });
  pd.text(`${s.councilAcronym} de ${s.communeName}${periods.length ? ` — ${periods.map((p) => p.title).join(', ')}` : ''}`, { size: 10, colour: COLOURS.muted, after: 12 });
  pd.heading(t.dashboard.keyFigures, 1);
  const f = t.dashboard.figures;
  const tiles: [string, string][] = [
    [f.actions, formatNumber(actions.length)],
    [f.progress, formatPercent(mean(actions))],
    [f.late, formatNumber(actions.filter((a) => health.get(a.id) === 'late').length)],
    [f.meetings, formatNumber(held.length)],
    [f.plenaries, formatNumber(held.filter((m) => plenaryIds.has(m.instanceId)).length)],
    [f.obtained, formatMoney(allFunding.reduce((x, [, v]) => x + v.o, 0))],
  ];
  const tileW = (pd.width - 2 * 8) / 3;
  const tileH = 46;
  pd.ensure(tileH * 2 + 12);
  tiles.forEach(([label, value], i) => {
    const x = pd.left + (i % 3) * (tileW + 8);
    const y = pd.y + Math.floor(i / 3) * (tileH + 8);
    pd.decor((doc) => {
      doc.save().rect(x, y, tileW, tileH).fill(COLOURS.groupFill).restore();
      doc.save().rect(x, y, 3, tileH).fill(COLOURS.accent).restore();
    });
    pd.drawLine(value, x + 10, y + 7, 'bold', 16, COLOURS.accent);
    pd.drawLine(label, x + 10, y + 29, 'regular', 8.5, COLOURS.muted);
  });
  pd.y += 2 * tileH + 16;
  if (!held.some((m) => plenaryIds.has(m.instanceId))) pd.note(t.dashboard.plenaryMinimum);
  if (!periods.length) pd.note(t.dashboard.noPeriod(year));
  leftOutNote();
  distributionBar(pd, statusSegments(actions), { title: t.dashboard.statusCounts });
  distributionBar(pd, healthSegments(actions, health), { title: t.dashboard.healthCounts });
  options.onProgress?.(0.15);

  // ---------- per axis ----------
  const axes = data.axes.filter((a) => periodIds.has(a.periodId) && !a.archived).sort((a, b) => a.periodId.localeCompare(b.periodId) || a.order - b.order);
  const objAxis = new Map(data.objectives.map((o) => [o.id, o.axisId]));
  const actionsOf = (axisId: string) =>
    actions.filter((a) => a.objectiveId && objAxis.get(a.objectiveId) === axisId).sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true }));
  if (axes.length) {
    pd.heading(t.dashboard.axesSummary, 2);
    const sc = t.dashboard.axesColumns;
    table(
      pd,
      [
        { header: sc.axis, width: 5, rowHeader: true },
        { header: sc.actions, width: 1, align: 'right', nowrap: true },
        { header: sc.progress, width: 1.3, align: 'right', nowrap: true },
        { header: sc.late, width: 1.1, align: 'right', nowrap: true },
        { header: sc.obtained, width: 1.7, align: 'right', nowrap: true },
      ],
      axes.map((axis, ai) => {
        const list = actionsOf(axis.id);
        return {
          cells: [
            { text: t.plan.axis(axis.order || ai + 1, axis.title), dot: axis.colour },
            formatNumber(list.length),
            formatPercent(mean(list)),
            formatNumber(list.filter((a) => health.get(a.id) === 'late').length),
            formatMoney(fundingOf(list).reduce((x, [, v]) => x + v.o, 0)),
          ],
        };
      }),
      { size: 8.5 },
    );
  }
  for (const [ai, axis] of axes.entries()) {
    await yieldToEventLoop();
    const list = actionsOf(axis.id);
    pd.newPage();
    const barY = pd.y + (pd.y > pd.contentTop + 1 ? 10 : 0);
    pd.decor((doc) => doc.save().rect(pd.left - 10, barY, 5, 17).fill(axis.colour).restore());
    pd.heading(t.plan.axis(axis.order || ai + 1, axis.title), 1);
    const axisLeftOut = scope.leftOut.actions ? yearActions.filter((a) => a.objectiveId && objAxis.get(a.objectiveId) === axis.id).length - list.length : 0;
    if (axisLeftOut > 0) pd.note(t.marks.actionsLeftOut(axisLeftOut));
    distributionBar(pd, statusSegments(list), { title: t.dashboard.statusCounts });
    distributionBar(pd, healthSegments(list, health), { title: t.dashboard.healthCounts });
    pd.ensure(22);
    const avg = mean(list);
    pd.drawLine(t.dashboard.progress(formatPercent(avg)), pd.left, pd.y, 'bold', 9);
    progressGauge(pd, pd.left + 150, pd.y + 2.5, pd.width - 150, avg, axis.colour);
    pd.y += 20;

    const late = list.filter((a) => health.get(a.id) === 'late');
    if (late.length) {
      pd.heading(t.dashboard.lateActions, 2);
      pd.bullets(late.slice(0, 10).map((a) => `${a.code} — ${a.title}`), { size: 8.5, after: 1 });
      if (late.length > 10) pd.text(`… et ${late.length - 10} autres`, { size: 8.5, face: 'italic', colour: COLOURS.muted });
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
    fundingTable(pd, fundingOf(list), year);
    options.onProgress?.(0.15 + (0.6 * (ai + 1)) / Math.max(1, axes.length));
  }

  // ---------- meetings and attendance ----------
  pd.newPage();
  pd.heading(t.dashboard.meetings, 1);
  if (scope.leftOut.meetings) pd.note(`${t.marks.meetingsLeftOut(scope.leftOut.meetings)} ${t.marks.leftOutHow}`);
  const byInstance = new Map<string, number>();
  for (const m of held) byInstance.set(m.instanceId, (byInstance.get(m.instanceId) ?? 0) + 1);
  if (byInstance.size) {
    pd.heading(t.dashboard.meetingsByInstance, 2);
    horizontalBars(
      pd,
      [...byInstance.entries()].sort((a, b) => b[1] - a[1]).map(([id, n]) => ({ label: lk.instanceName(id) || id, value: n, colour: COLOURS.accent })),
      { size: 8, alt: t.dashboard.meetingsByInstance },
    );
  }
  const mc = t.dashboard.meetingColumns;
  table(
    pd,
    [
      { header: mc.date, width: 1.1, nowrap: true },
      { header: mc.instance, width: 3 },
      { header: mc.title, width: 4 },
      { header: mc.status, width: 1.6 },
      { header: mc.attendance, width: 1.1, align: 'right' },
    ],
    meetings.map((m) => {
      const known = m.attendance.filter((a) => a.status !== 'unknown');
      const came = known.filter((a) => a.status === 'present' || a.status === 'represented').length;
      // A confidential meeting's title may name its subject: show the instance only (even when included on explicit choice).
      const confidential = scope.meetingLevel(m) === 'confidential';
      return {
        cells: [
          formatShortDate(m.date),
          lk.instanceName(m.instanceId),
          confidential ? common.confidentiality.confidential : m.title,
          common.meetingStatus[m.status],
          HELD.includes(m.status) && m.invitees.length ? formatPercent((came / Math.max(1, m.invitees.length)) * 100) : '—',
        ],
      };
    }),
    { size: 8, empty: t.dashboard.noMeetings(year) },
  );
  options.onProgress?.(0.9);

  pd.heading(t.dashboard.attendance, 1);
  pd.text(t.dashboard.attendanceIntro, { size: 8.5, face: 'italic', colour: COLOURS.muted, after: 6 });
  const stats = new Map<string, { invited: number; came: number }>();
  for (const m of held) {
    const status = new Map(m.attendance.map((a) => [a.inviteeId, a.status]));
    const seen = new Map<string, boolean>();
    for (const inv of m.invitees) {
      const org = inv.organisationId ?? (inv.personId ? lk.people.get(inv.personId)?.organisationId : undefined);
      if (!org) continue;
      const st = status.get(inv.id);
      const came = st === 'present' || st === 'represented';
      seen.set(org, (seen.get(org) ?? false) || came);
    }
    for (const [org, came] of seen) {
      const e = stats.get(org) ?? { invited: 0, came: 0 };
      e.invited++;
      if (came) e.came++;
      stats.set(org, e);
    }
  }
  if (!stats.size) pd.text(t.dashboard.noAttendance, { size: 9, face: 'italic', colour: COLOURS.muted });
  else {
    const rows = [...stats.entries()]
      .map(([org, e]) => ({ org, ...e, rate: (e.came / e.invited) * 100 }))
      .sort((a, b) => b.rate - a.rate || b.invited - a.invited || lk.orgName(a.org).localeCompare(lk.orgName(b.org), 'fr'));
    horizontalBars(
      pd,
      rows.map((r) => ({
        label: lk.orgShort(r.org) || r.org,
        value: r.rate,
        colour: r.rate >= 75 ? HEALTH_COLOURS.on_track : r.rate >= 50 ? HEALTH_COLOURS.watch : HEALTH_COLOURS.late,
        valueLabel: t.dashboard.attendanceLabel(formatPercent(r.rate), r.came, r.invited),
      })),
      { max: 100, size: 8, labelWidth: pd.width * 0.42, alt: t.dashboard.attendance },
    );
  }
  if (options.registerStats) {
    // Only when the coordinator opted in (Paramètres) and the protected store is open: counts, never content.
    pd.heading(t.dashboard.registerHeading(year), 1);
    registerCountTables(pd, options.registerStats, 2);
  }
  options.onProgress?.(1);
  return finishDocument(pd, title, safeFileName('bilan-annuel', String(year), s.councilAcronym, s.communeName));
}

function statusSegments(list: Action[]) {
  return ACTION_STATUS_ORDER.map((st) => ({ label: common.actionStatus[st], value: list.filter((a) => a.status === st).length, colour: ACTION_STATUS_COLOURS[st] }));
}

function healthSegments(list: Action[], health: Map<string, HealthLevel>) {
  return HEALTH_ORDER.map((h) => ({ label: strategy.health[h], value: list.filter((a) => health.get(a.id) === h).length, colour: HEALTH_COLOURS[h] }));
}

function fundingTable(pd: PdfDoc, lines: [string, { r: number; o: number; s: number }][], year: number): void {
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

export async function dashboardPdf(data: Datastore, params: DashboardParams, options: RenderOptions = {}): Promise<Buffer> {
  return (await renderDashboard(data, params, options)).bytes;
}
