// Fiche action: every field of one action, its partners, milestones, funding, indicators with charts, and its journal.
import { common } from '../../shared/i18n/common';
import { documents as t } from '../../shared/i18n/documents';
import { meetingLife } from '../../shared/i18n/governance';
import { strategy } from '../../shared/i18n/strategy';
import { formatDate, formatMoney, formatNumber, formatPercent, formatShortDate, todayIso } from '../../shared/format';
import { computeHealth, indicatorStatus } from '../../shared/health';
import type { Action, Datastore } from '../../shared/model';
import { confidentialityBasis } from '../../shared/instance-rules';
import { DomainError } from '../../shared/result';
import { ACTION_STATUS_COLOURS, HEALTH_COLOURS } from '../../shared/status-colours';
import { finishDocument, funderLabel } from './common';
import { ConfidentialityFilter } from './confidentiality';
import { type GeneratedDocument, Lookup, personName, type RenderOptions, safeFileName } from './data';
import { indicatorChart, progressGauge } from './kit/charts';
import { COLOURS, PdfDoc } from './kit/document';
import { table } from './kit/table';

export interface FicheParams {
  actionId: string;
}

export function findAction(data: Datastore, id: string): Action {
  const a = data.actions.find((x) => x.id === id);
  if (!a) throw new DomainError('not_found', t.errors.actionNotFound(id));
  return a;
}

function journalValue(field: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (field === 'status' && v in common.actionStatus) return common.actionStatus[v as keyof typeof common.actionStatus];
  if (field === 'progress' && /^\d+(\.\d+)?$/.test(v)) return formatPercent(Number(v));
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatShortDate(v);
  return v;
}

export async function renderFiche(data: Datastore, params: FicheParams, options: RenderOptions = {}): Promise<GeneratedDocument> {
  const lk = new Lookup(data);
  const a = findAction(data, params.actionId);
  const now = options.now ?? new Date();
  const today = todayIso(now);
  const s = data.settings;
  const objective = data.objectives.find((o) => o.id === a.objectiveId);
  const axis = objective ? data.axes.find((x) => x.id === objective.axisId) : undefined;
  const instance = data.instances.find((i) => i.id === a.followingInstanceId);
  const title = t.fiche.title(a.code || '—', a.title);
  // An action followed by a confidential instance is that group's work: its fiche is for the charter signatories, always marked.
  const scope = new ConfidentialityFilter(data, true);
  const level = scope.actionLevel(a);
  const pd = new PdfDoc({
    title,
    subject: t.fiche.subject,
    dateLabel: t.frame.editedOn(formatDate(now.toISOString())),
    confidentiality: level,
    basis: instance ? confidentialityBasis(instance) : 'none',
    settings: s,
    now,
  });
  const health = computeHealth(a, today, s.staleAfterMonths);

  pd.text(`${t.fiche.subject} ${a.code}`.trim(), { face: 'bold', size: 10, colour: COLOURS.muted, after: 2 });
  pd.text(a.title, { face: 'bold', size: 16, tag: 'H1', colour: COLOURS.accent, after: 8 });
  // Status line: state, progress gauge, health, with their colours and words.
  pd.ensure(40);
  const y = pd.y;
  // The coloured dots and the gauge repeat the words and the percentage next to them: artifacts.
  pd.decor((doc) => doc.save().circle(pd.left + 4, y + 6, 4).fill(ACTION_STATUS_COLOURS[a.status]).restore());
  pd.drawLine(common.actionStatus[a.status], pd.left + 12, y, 'bold', 10);
  progressGauge(pd, pd.left + 110, y + 3, 120, a.progress, ACTION_STATUS_COLOURS[a.status]);
  pd.drawLine(formatPercent(a.progress), pd.left + 236, y, 'regular', 10);
  pd.decor((doc) => doc.save().circle(pd.left + 300, y + 6, 4).fill(HEALTH_COLOURS[health.level]).restore());
  pd.drawLine(`${t.fiche.fields.health} : ${strategy.health[health.level]}`.replace(' :', '\u00a0:'), pd.left + 308, y, 'bold', 10);
  pd.y = y + 18;
  pd.bullets(health.reasons, { size: 8.5, colour: COLOURS.muted, after: 1 });
  pd.y += 4;

  pd.heading(t.fiche.identification, 1);
  const pilotPerson = a.pilot.personId ? lk.people.get(a.pilot.personId) : undefined;
  const f = t.fiche.fields;
  pd.fields([
    [f.axis, axis ? `${axis.order}. ${axis.title}` : undefined],
    [f.objective, objective?.title],
    [f.national, a.nationalMeasures.join(' ; ')],
    [f.pilot, lk.orgName(a.pilot.organisationId)],
    [f.referent, pilotPerson ? [personName(pilotPerson), pilotPerson.jobTitle, pilotPerson.email, pilotPerson.phone].filter(Boolean).join(' — ') : undefined],
    [f.public, a.targetPublic],
    [f.territory, a.territory],
    [f.calendar, t.plan.calendar(a.startDate && formatDate(a.startDate), a.endDate && formatDate(a.endDate))],
    [f.instance, instance?.name],
    [f.lastUpdate, formatDate(a.lastUpdateAt)],
  ]);

  pd.heading(t.fiche.description, 1);
  pd.fields([
    [f.context, a.context],
    [f.description, a.description],
    [f.modalities, a.modalities],
    [f.means, a.means],
  ]);
  options.onProgress?.(0.3);

  pd.heading(t.fiche.partners, 1);
  const pc = t.fiche.partnerColumns;
  table(
    pd,
    [
      { header: pc.organisation, width: 4 },
      { header: pc.role, width: 1.5 },
      { header: pc.note, width: 3 },
    ],
    a.partners.map((p) => ({ cells: [lk.orgName(p.organisationId) || '—', common.partnerRole[p.role], p.note ?? ''] })),
    { empty: t.fiche.noPartners },
  );

  pd.heading(t.fiche.calendar, 1);
  const mc = t.fiche.milestoneColumns;
  table(
    pd,
    [
      { header: mc.title, width: 5 },
      { header: mc.due, width: 1.5, nowrap: true },
      { header: mc.done, width: 1.5, nowrap: true },
    ],
    [...a.milestones]
      .sort((x, y2) => x.dueDate.localeCompare(y2.dueDate))
      .map((m) => ({ cells: [m.title, formatShortDate(m.dueDate), m.doneAt ? formatShortDate(m.doneAt) : '—'] })),
    { empty: t.fiche.noMilestones },
  );

  pd.heading(t.fiche.budget, 1);
  const fc = t.fiche.fundingColumns;
  const tot = a.funding.reduce((acc, l) => ({ r: acc.r + l.requested, o: acc.o + l.obtained, s: acc.s + l.spent }), { r: 0, o: 0, s: 0 });
  table(
    pd,
    [
      { header: fc.funder, width: 3 },
      { header: fc.year, width: 1, align: 'right', nowrap: true },
      { header: fc.requested, width: 1.6, align: 'right', nowrap: true },
      { header: fc.obtained, width: 1.6, align: 'right', nowrap: true },
      { header: fc.spent, width: 1.6, align: 'right', nowrap: true },
    ],
    a.funding.length
      ? [
          ...a.funding.map((l) => ({ cells: [funderLabel(l.funder), l.year ? String(l.year) : '—', formatMoney(l.requested), formatMoney(l.obtained), formatMoney(l.spent)] })),
          {
            cells: [
              { text: t.common.total, face: 'bold' as const },
              '',
              { text: formatMoney(tot.r), face: 'bold' as const },
              { text: formatMoney(tot.o), face: 'bold' as const },
              { text: formatMoney(tot.s), face: 'bold' as const },
            ],
            fill: COLOURS.groupFill,
          },
        ]
      : [],
    { empty: t.fiche.noFunding },
  );
  options.onProgress?.(0.5);

  pd.heading(t.fiche.indicators, 1);
  if (!a.indicators.length) pd.text(t.fiche.noIndicators, { face: 'italic', size: 9, colour: COLOURS.muted });
  const inf = t.fiche.indicatorFields;
  for (const ind of a.indicators) {
    pd.heading(ind.title, 3, { keepWith: 160 });
    const st = indicatorStatus(ind, today, { startDate: a.startDate });
    pd.fields(
      [
        [inf.definition, ind.definition],
        [inf.type, common.indicatorType[ind.type]],
        [inf.unit, ind.unit],
        [inf.baseline, ind.baseline !== undefined ? formatNumber(ind.baseline) : undefined],
        [inf.target, ind.target !== undefined ? `${formatNumber(ind.target)}${ind.targetDate ? ` (${formatDate(ind.targetDate)})` : ''}` : undefined],
        [inf.source, ind.source],
        [inf.frequency, ind.frequency],
        [inf.responsible, lk.orgName(ind.responsibleOrganisationId)],
        [inf.status, strategy.indicatorStatus[st]],
      ],
      { size: 8.5, labelWidth: 120 },
    );
    indicatorChart(pd, { title: `${ind.title}${ind.unit ? ` (${ind.unit})` : ''}`, unit: ind.unit, points: ind.measurements, target: ind.target, baseline: ind.baseline, height: 130 });
    const mcol = t.fiche.measurementColumns;
    table(
      pd,
      [
        { header: mcol.date, width: 1.2, nowrap: true },
        { header: mcol.value, width: 1.2, align: 'right', nowrap: true },
        { header: mcol.comment, width: 5 },
      ],
      [...ind.measurements].sort((x, y2) => x.date.localeCompare(y2.date)).map((m) => ({ cells: [formatShortDate(m.date), formatNumber(m.value), m.comment ?? ''] })),
      { size: 8, empty: t.fiche.noMeasurement },
    );
  }
  options.onProgress?.(0.8);

  pd.heading(t.fiche.journal, 1);
  const jc = t.fiche.journalColumns;
  table(
    pd,
    [
      { header: jc.date, width: 1.2, nowrap: true },
      { header: jc.change, width: 3 },
      { header: jc.comment, width: 4.5 },
    ],
    [...a.journal]
      .sort((x, y2) => y2.at.localeCompare(x.at))
      .map((j) => {
        const field = strategy.journalField[j.field] ?? t.fiche.journalFields[j.field] ?? j.field;
        const meeting = j.meetingId ? data.meetings.find((m) => m.id === j.meetingId) : undefined;
        // What a confidential meeting said stays out of a fiche that is not itself confidential.
        const deleted = !!j.meetingId && !meeting;
        if (level !== 'confidential' && ((meeting && scope.meetingLevel(meeting) === 'confidential') || (deleted && j.deletedMeetingConfidential))) {
          return { cells: [formatShortDate(j.at), t.fiche.change(field, journalValue(j.field, j.from), journalValue(j.field, j.to)), { text: t.fiche.fromConfidentialMeeting, face: 'italic' as const }] };
        }
        const comment = [j.comment, meeting ? t.fiche.fromMeeting(meeting.title) : deleted ? meetingLife.decidedInDeletedMeeting : ''].filter(Boolean).join('\n');
        return { cells: [formatShortDate(j.at), t.fiche.change(field, journalValue(j.field, j.from), journalValue(j.field, j.to)), comment] };
      }),
    { size: 8, empty: t.fiche.noJournal },
  );
  if (a.attachments.length) {
    pd.heading(t.fiche.attachments, 2);
    pd.bullets(a.attachments.map((att) => `${att.label} (${att.path})`), { size: 9 });
  }
  options.onProgress?.(1);
  return finishDocument(pd, title, safeFileName('fiche-action', a.code, a.title));
}

export async function fichePdf(data: Datastore, params: FicheParams, options: RenderOptions = {}): Promise<Buffer> {
  return (await renderFiche(data, params, options)).bytes;
}
