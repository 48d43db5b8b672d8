// Convocation et ordre du jour: the president's letter, the agenda and the invitees in protocol order (or one letter per invitee).
import { presidentSignatureTitle } from '../../shared/council';
import { documents as t } from '../../shared/i18n/documents';
import { formatDate, formatLongDate, formatTime } from '../../shared/format';
import type { Datastore, Invitee, Meeting } from '../../shared/model';
import { finishDocument, meetingDateLabel, signature } from './common';
import { formatDuration, type GeneratedDocument, Lookup, type RenderOptions, safeFileName, yieldToEventLoop } from './data';
import { COLOURS, PdfDoc } from './kit/document';
import { type Row, table } from './kit/table';

export interface ConvocationParams {
  meetingId: string;
  /** One letter per invitee, addressed to them, in a single file. */
  personalised?: boolean;
}

export async function renderConvocation(data: Datastore, params: ConvocationParams, options: RenderOptions = {}): Promise<GeneratedDocument> {
  const lk = new Lookup(data);
  const m = lk.meeting(params.meetingId);
  const now = options.now ?? new Date();
  const title = params.personalised ? t.convocation.personalisedTitle(m.title) : t.convocation.title(m.title);
  const pd = new PdfDoc({
    title,
    subject: t.convocation.subject,
    dateLabel: meetingDateLabel(m),
    confidentiality: lk.meetingConfidentiality(m),
    basis: lk.meetingBasis(m),
    settings: data.settings,
    now,
  });
  const invitees = lk.sortByProtocol(m.invitees, (inv) => {
    const w = lk.invitee(inv);
    return { orgId: w.organisationId, job: w.job, name: w.name };
  });
  if (params.personalised && invitees.length) {
    for (const [i, inv] of invitees.entries()) {
      if (i > 0) pd.newPage();
      if (i % 10 === 9) await yieldToEventLoop();
      // Each letter is numbered on its own (« Page 1 / 2 »): it is printed and sent separately.
      pd.restartNumbering();
      pd.bookmark(addresseeLabel(lk, inv), 1);
      letter(pd, lk, m, now, inv);
      agenda(pd, m);
      options.onProgress?.((i + 1) / invitees.length);
    }
  } else {
    letter(pd, lk, m, now, undefined);
    agenda(pd, m);
    inviteeList(pd, lk, invitees);
  }
  options.onProgress?.(1);
  return finishDocument(pd, title, safeFileName(params.personalised ? 'convocations' : 'convocation', m.date, m.title));
}

function addresseeLabel(lk: Lookup, inv: Invitee): string {
  const w = lk.invitee(inv);
  return [w.name, w.organisation].filter(Boolean).join(' — ') || t.common.guest;
}

function letter(pd: PdfDoc, lk: Lookup, m: Meeting, now: Date, inv: Invitee | undefined): void {
  const s = lk.data.settings;
  const top = pd.y;
  // Sender block (left) and, for a personalised letter, the addressee block (right, where a window envelope shows it).
  if (s.presidentName) pd.text(s.presidentName, { face: 'bold', size: 9, width: pd.width * 0.45, after: 1 });
  pd.text(presidentSignatureTitle(s), { size: 8, colour: COLOURS.muted, width: pd.width * 0.45, after: 4 });
  const small = { size: 8, colour: COLOURS.muted, width: pd.width * 0.45, after: 1 };
  if (s.coordinatorName) pd.text(t.convocation.followedBy(s.coordinatorName), small);
  const contact = [s.coordinatorEmail, s.coordinatorPhone].filter(Boolean);
  if (contact.length) pd.text(contact.join(' — '), small);
  if (s.address) pd.text(s.address, { size: 8, colour: COLOURS.muted, width: pd.width * 0.45, after: 0 });
  const leftBottom = pd.y;
  if (inv) {
    const w = lk.invitee(inv);
    pd.y = top + 28;
    const x = pd.width * 0.52;
    pd.text([w.name, w.job, w.organisation].filter(Boolean).join('\n'), { indent: x, width: pd.width - x, size: 10, after: 0 });
  }
  pd.y = Math.max(pd.y, leftBottom) + 16;
  pd.text(t.convocation.placeDate(s.communeName, formatDate(now.toISOString())), { align: 'right', size: 10, after: 12 });
  const inst = lk.instanceName(m.instanceId);
  pd.text(t.convocation.object(inst, formatLongDate(m.date)), { face: 'bold', size: 10, after: 12 });
  const salutation = t.convocation.salutationFor(inv ? lk.invitee(inv).civility : '');
  pd.text(salutation, { size: 10, after: 8 });
  const time = m.plannedEndTime
    ? `${t.common.timeRange(formatTime(m.startTime), formatTime(m.plannedEndTime))}`
    : t.common.at(formatTime(m.startTime));
  const body = { size: 10, after: 7, lineGap: 2.5 };
  pd.text(t.convocation.intro(inst, s.councilAcronym, s.communeName, formatLongDate(m.date), time, m.place ?? ''), body);
  if (m.visioUrl) pd.text(t.convocation.visio(m.visioUrl), body);
  pd.text(t.convocation.agendaIntro, body);
  const level = lk.meetingConfidentiality(m);
  const basis = lk.meetingBasis(m);
  if (level === 'confidential') {
    const notice = basis === 'csi_l132_5' ? t.convocation.confidential : basis === 'casf_l141_1' ? t.convocation.confidentialCasf : t.convocation.confidentialGeneric;
    pd.text(notice, { ...body, face: 'italic' });
  } else if (level === 'restricted') pd.text(t.convocation.restricted, { ...body, face: 'italic' });
  pd.text(t.convocation.apologies(s.coordinatorName, [s.coordinatorEmail, s.coordinatorPhone].filter(Boolean).join(', ')), body);
  pd.text(t.convocation.closing(salutation), body);
  signature(pd, lk);
}

function agenda(pd: PdfDoc, m: Meeting): void {
  pd.heading(t.convocation.agenda, 1, { outline: false });
  const c = t.convocation.agendaColumns;
  const rows: Row[] = [];
  let n = 0;
  let total = 0;
  for (const item of m.agenda) {
    if (item.kind === 'section') {
      rows.push({ group: item.title });
      continue;
    }
    n++;
    total += item.durationMin;
    rows.push({ cells: [{ text: String(n), align: 'right' }, { text: item.title, face: 'bold' }, item.presenter ?? '', item.durationMin ? formatDuration(item.durationMin) : '—'] });
  }
  table(
    pd,
    [
      { header: c.n, width: 0.5, align: 'right' },
      { header: c.item, width: 6 },
      { header: c.presenter, width: 2.6 },
      { header: c.duration, width: 1.1, align: 'right', nowrap: true },
    ],
    rows,
    { size: 9, empty: t.convocation.emptyAgenda },
  );
  if (total) pd.text(t.convocation.totalDuration(formatDuration(total)), { align: 'right', size: 8.5, colour: COLOURS.muted });
}

function inviteeList(pd: PdfDoc, lk: Lookup, invitees: Invitee[]): void {
  pd.heading(t.convocation.invitees, 1, { outline: false });
  if (invitees.length) pd.text(t.convocation.inviteesCount(invitees.length), { size: 8.5, colour: COLOURS.muted, face: 'italic' });
  const c = t.convocation.inviteeColumns;
  table(
    pd,
    [
      { header: c.institution, width: 4 },
      { header: c.name, width: 3 },
      { header: c.job, width: 3 },
    ],
    invitees.map((inv) => {
      const w = lk.invitee(inv);
      return { cells: [w.organisation || '—', w.name || '—', w.job] };
    }),
    { size: 8.5, empty: t.convocation.noInvitees },
  );
}

export async function convocationPdf(data: Datastore, params: ConvocationParams, options: RenderOptions = {}): Promise<Buffer> {
  return (await renderConvocation(data, params, options)).bytes;
}
