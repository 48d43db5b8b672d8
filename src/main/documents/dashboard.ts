// Tableau de bord / bilan annuel: cover, key figures and the per-axis summary, then one page per axis and the year's meetings and attendance.
import { documents as t } from '../../shared/i18n/documents';
import { formatDate, formatMoney, formatNumber, formatPercent, todayIso } from '../../shared/format';
import { computeHealth, type HealthLevel } from '../../shared/health';
import type { Datastore } from '../../shared/model';
import { finishDocument } from './common';
import { registerCountTables } from './register';
import { ConfidentialityFilter } from './confidentiality';
import { axisPage, type DashboardContext, fundingOf, healthSegments, meanProgress, statusSegments } from './dashboard-axis';
import { attendanceSection, HELD, meetingsSection } from './dashboard-meetings';
import { type GeneratedDocument, Lookup, type RenderOptions, safeFileName, yieldToEventLoop } from './data';
import { distributionBar } from './kit/charts';
import { COLOURS, PdfDoc } from './kit/document';
import { table } from './kit/table';

export interface DashboardParams {
  year: number;
  /** Explicit choice to print the actions, meetings and attendance of confidential instances (the document is then marked confidential). */
  includeConfidential?: boolean;
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
  const allFunding = fundingOf(actions, year);
  const ctx: DashboardContext = { pd, year, asOf, health };

  // ---------- cover and key figures ----------
  pd.text(t.dashboard.coverTitle(year), { face: 'bold', size: 24, tag: 'H1', colour: COLOURS.accent, after: 2 });
  pd.text(t.dashboard.coverSubtitle, { face: 'bold', size: 12, after: 2 });
  pd.text(`${t.plan.coverCouncil(s.councilAcronym, s.communeName)}${periods.length ? ` — ${periods.map((p) => p.title).join(', ')}` : ''}`, { size: 10, colour: COLOURS.muted, after: 12 });
  pd.heading(t.dashboard.keyFigures, 1);
  const f = t.dashboard.figures;
  const tiles: [string, string][] = [
    [f.actions, formatNumber(actions.length)],
    [f.progress, formatPercent(meanProgress(actions))],
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
            formatPercent(meanProgress(list)),
            formatNumber(list.filter((a) => health.get(a.id) === 'late').length),
            formatMoney(fundingOf(list, year).reduce((x, [, v]) => x + v.o, 0)),
          ],
        };
      }),
      { size: 8.5 },
    );
  }
  for (const [ai, axis] of axes.entries()) {
    await yieldToEventLoop();
    const list = actionsOf(axis.id);
    const leftOut = scope.leftOut.actions ? yearActions.filter((a) => a.objectiveId && objAxis.get(a.objectiveId) === axis.id).length - list.length : 0;
    axisPage(ctx, axis, axis.order || ai + 1, list, leftOut);
    options.onProgress?.(0.15 + (0.6 * (ai + 1)) / Math.max(1, axes.length));
  }

  // ---------- meetings and attendance ----------
  meetingsSection(pd, lk, year, meetings, held, scope);
  options.onProgress?.(0.9);
  attendanceSection(pd, lk, held);
  if (options.registerStats) {
    // Only when the coordinator opted in (Paramètres) and the protected store is open: counts, never content.
    pd.heading(t.dashboard.registerHeading(year), 1);
    registerCountTables(pd, options.registerStats, 2);
  }
  options.onProgress?.(1);
  return finishDocument(pd, title, safeFileName('bilan-annuel', String(year), s.councilAcronym, s.communeName));
}

export async function dashboardPdf(data: Datastore, params: DashboardParams, options: RenderOptions = {}): Promise<Buffer> {
  return (await renderDashboard(data, params, options)).bytes;
}
