// Compte rendu of a meeting, or for a confidential meeting a relevé de décisions (decisions and actions only, never notes).
import { common } from '../../shared/i18n/common';
import { documents as t } from '../../shared/i18n/documents';
import { formatLongDate, formatShortDate } from '../../shared/format';
import type { AttendanceStatus, Datastore, Decision, Meeting } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { findPersonalMentions } from '../../shared/names-check';
import { ATTENDANCE_COLOURS } from '../../shared/status-colours';
import { caption, finishDocument, meetingDateLabel, meetingFacts, signature } from './common';
import { type GeneratedDocument, Lookup, type RenderOptions, safeFileName } from './data';
import { COLOURS, PdfDoc } from './kit/document';
import { type Row, table } from './kit/table';

export interface MinutesParams {
  meetingId: string;
}

/** True when the meeting's minutes must be a relevé de décisions (no notes). */
export function isDecisionsOnly(data: Datastore, m: Meeting): boolean {
  return new Lookup(data).meetingConfidentiality(m) === 'confidential';
}

export async function renderMinutes(data: Datastore, params: MinutesParams, options: RenderOptions = {}): Promise<GeneratedDocument> {
  const lk = new Lookup(data);
  const m = lk.meeting(params.meetingId);
  if (m.status === 'draft' || m.status === 'convened') {
    throw new DomainError('invalid_input', t.minutes.notApplicable(common.meetingStatus[m.status]));
  }
  const confidentiality = lk.meetingConfidentiality(m);
  const decisionsOnly = confidentiality === 'confidential';
  const draft = m.status !== 'validated';
  const title = decisionsOnly ? t.minutes.decisionsTitle(m.title) : draft ? t.minutes.draftTitle(m.title) : t.minutes.title(m.title);
  const pd = new PdfDoc({
    title,
    subject: decisionsOnly ? t.minutes.decisionsSubject : t.minutes.subject,
    dateLabel: meetingDateLabel(m),
    confidentiality,
    basis: lk.meetingBasis(m),
    settings: data.settings,
    now: options.now ?? new Date(),
  });

  pd.text(decisionsOnly ? t.minutes.decisionsHeading : draft ? t.minutes.draftHeading : t.minutes.heading, { face: 'bold', size: 17, tag: 'H1', colour: COLOURS.accent, after: 2 });
  pd.text(m.title, { face: 'bold', size: 12.5, after: 8 });
  meetingFacts(pd, lk, m, true);
  const purged = !!m.textsPurgedAt;
  if (decisionsOnly) {
    // « No one is named » is a claim: print it only when every decision text passed the check.
    const flagged = purged ? [] : m.decisions.flatMap((d, i) => (findPersonalMentions(d.text).length ? [t.minutes.decisionPosition(i + 1)] : []));
    if (flagged.length) pd.warnings.push(t.minutes.namesWarning(joinFrench(flagged)));
    pd.note(flagged.length || purged ? t.minutes.decisionsNotice : `${t.minutes.decisionsNotice} ${t.minutes.noOneNamed}`);
  } else if (confidentiality === 'restricted') pd.note(t.minutes.restrictedNotice);
  if (m.textsPurgedAt) pd.note(t.minutes.textsPurged(formatLongDate(m.textsPurgedAt)));
  const line = (d: Decision) => (purged ? decisionLine(lk, { ...d, text: t.minutes.textPurged }) : decisionLine(lk, d));

  attendanceSection(pd, lk, m);
  options.onProgress?.(0.2);

  const items = m.agenda;
  const byItem = new Map<string, Decision[]>();
  for (const d of m.decisions) if (d.agendaItemId) byItem.set(d.agendaItemId, [...(byItem.get(d.agendaItemId) ?? []), d]);
  pd.heading(decisionsOnly ? t.minutes.decisionsByItem : t.minutes.agenda, 1);
  if (!items.length) caption(pd, t.minutes.emptyAgenda);
  let n = 0;
  items.forEach((item, idx) => {
    if (item.kind === 'section') {
      pd.heading(item.title, 2);
      return;
    }
    n++;
    pd.heading(`${n}. ${item.title}`, 3, { keepWith: 30 });
    if (item.presenter) caption(pd, t.minutes.presenter(item.presenter));
    if (!decisionsOnly && !purged) {
      if (item.notes.trim()) pd.text(item.notes, { size: 9.5, after: 5 });
      else caption(pd, t.minutes.noNotes);
    }
    const ds = byItem.get(item.id) ?? [];
    if (ds.length) {
      pd.ensure(40);
      pd.text(t.minutes.decisionsOfItem, { face: 'bold', size: 9, colour: COLOURS.accent, after: 2, indent: 10 });
      pd.bullets(ds.map(line), { size: 9.5, indent: 10 });
      pd.y += 3;
    } else if (decisionsOnly) {
      caption(pd, t.minutes.noDecision);
    }
    options.onProgress?.(0.2 + (0.6 * (idx + 1)) / items.length);
  });

  const orphans = m.decisions.filter((d) => !d.agendaItemId || !items.some((i) => i.id === d.agendaItemId));
  if (orphans.length) {
    pd.heading(t.minutes.otherDecisions, 2);
    pd.bullets(orphans.map(line), { size: 9.5 });
  }
  if (!decisionsOnly && !purged && m.generalNotes.trim()) {
    pd.heading(t.minutes.generalNotes, 1);
    pd.text(m.generalNotes, { size: 9.5 });
  }

  pd.heading(t.minutes.actions, 1);
  const actions = m.decisions.filter((d) => d.kind === 'action');
  const hasSituation = actions.some((d) => d.situationRef);
  const cols = [
    { header: t.minutes.actionColumns.action, width: hasSituation ? 4.3 : 5 },
    ...(hasSituation ? [{ header: t.minutes.actionColumns.situation, width: 1.7 }] : []),
    { header: t.minutes.actionColumns.pilot, width: 2 },
    { header: t.minutes.actionColumns.due, width: 1.5, nowrap: true },
    { header: t.minutes.actionColumns.status, width: 1.1 },
  ];
  table(
    pd,
    cols,
    actions.map((d) => ({
      cells: [
        purged ? t.minutes.textPurged : d.text,
        ...(hasSituation ? [d.situationRef ?? ''] : []),
        lk.orgShort(d.pilotOrganisationId) || '—',
        d.dueDate ? formatShortDate(d.dueDate) : '—',
        t.minutes.decisionStatus[d.status],
      ],
    })),
    { empty: t.minutes.noActions },
  );

  pd.heading(t.minutes.nextMeeting, 2, { outline: false, keepWith: 20 });
  pd.text(m.nextMeetingDate ? t.minutes.nextMeetingOn(formatLongDate(m.nextMeetingDate)) : t.minutes.nextMeetingUnknown, { size: 10 });
  signature(pd, lk);
  options.onProgress?.(1);
  const kindName = decisionsOnly ? 'releve-de-decisions' : 'compte-rendu';
  return finishDocument(pd, title, safeFileName(kindName, m.date, m.title));
}

/** « la décision n° 1, la décision n° 3 et la décision n° 4 ». */
function joinFrench(parts: string[]): string {
  return parts.length < 2 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

function decisionLine(lk: Lookup, d: Decision): string {
  const parts = [d.situationRef ? `${d.situationRef} — ${d.text}` : d.text];
  const extra = [lk.orgShort(d.pilotOrganisationId), d.dueDate ? t.minutes.dueDate(formatShortDate(d.dueDate)) : ''].filter(Boolean).join(', ');
  if (d.kind === 'action' && extra) parts.push(`(${extra})`);
  return parts.join(' ');
}

function attendanceSection(pd: PdfDoc, lk: Lookup, m: Meeting): void {
  pd.heading(t.minutes.attendance, 1);
  const statusOf = new Map(m.attendance.map((a) => [a.inviteeId, a]));
  const groups: Record<AttendanceStatus, { name: string; job: string; organisation: string; orgId?: string; by?: string }[]> = {
    present: [],
    represented: [],
    excused: [],
    absent: [],
    unknown: [],
  };
  for (const inv of m.invitees) {
    const who = lk.invitee(inv);
    const a = statusOf.get(inv.id);
    const status = a?.status ?? 'unknown';
    const by = a?.representedByPersonId ? lk.people.get(a.representedByPersonId) : undefined;
    groups[status].push({
      name: who.name,
      job: who.job,
      organisation: who.organisation,
      orgId: who.organisationId,
      by: by ? `${[by.civility, by.firstName, by.lastName].filter(Boolean).join(' ')}${by.jobTitle ? `, ${by.jobTitle}` : ''}` : a?.representedByName,
    });
  }
  pd.text(t.minutes.attendanceSummary(groups.present.length, groups.represented.length, groups.excused.length, groups.absent.length), {
    face: 'bold',
    size: 9.5,
    after: 6,
  });
  const order: AttendanceStatus[] = ['present', 'represented', 'excused', 'absent', 'unknown'];
  const rows: Row[] = [];
  for (const status of order) {
    const list = lk.sortByProtocol(groups[status], (x) => ({ orgId: x.orgId, job: x.job, name: x.name }));
    if (!list.length) continue;
    rows.push({ group: t.minutes.attendanceGroups[status], detail: String(list.length) });
    for (const p of list) {
      rows.push({
        cells: [
          { text: p.organisation || '—', dot: ATTENDANCE_COLOURS[status] },
          p.name || '—',
          p.job,
          status === 'represented' ? (p.by ?? '') : '',
        ],
      });
    }
  }
  const c = t.minutes.attendanceColumns;
  table(
    pd,
    [
      { header: c.institution, width: 3.2 },
      { header: c.name, width: 2.4 },
      { header: c.job, width: 2.2 },
      { header: c.representedBy, width: 2.4 },
    ],
    rows,
    { size: 8.5, empty: t.frame.none },
  );
}

export async function minutesPdf(data: Datastore, params: MinutesParams, options: RenderOptions = {}): Promise<Buffer> {
  return (await renderMinutes(data, params, options)).bytes;
}
