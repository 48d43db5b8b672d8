// Feuille d'émargement: invitees grouped by institution in protocol order, signature boxes, « représenté par », blank lines.
import { documents as t } from '../../shared/i18n/documents';
import type { Datastore } from '../../shared/model';
import { finishDocument, meetingDateLabel, meetingTimeLabel } from './common';
import { type GeneratedDocument, Lookup, type RenderOptions, safeFileName } from './data';
import { formatLongDate } from '../../shared/format';
import { COLOURS, PdfDoc } from './kit/document';
import { type Row, table } from './kit/table';

export interface EmargementParams {
  meetingId: string;
  /** Blank lines for people not on the list (default 8). */
  blankLines?: number;
}

export async function renderEmargement(data: Datastore, params: EmargementParams, options: RenderOptions = {}): Promise<GeneratedDocument> {
  const lk = new Lookup(data);
  const m = lk.meeting(params.meetingId);
  const title = t.emargement.title(m.title);
  const pd = new PdfDoc({
    title,
    subject: t.emargement.subject,
    dateLabel: meetingDateLabel(m),
    landscape: true,
    confidentiality: lk.meetingConfidentiality(m),
    basis: lk.meetingBasis(m),
    settings: data.settings,
    now: options.now ?? new Date(),
  });
  pd.text(t.emargement.heading, { face: 'bold', size: 16, tag: 'H1', colour: COLOURS.accent, after: 2 });
  pd.text(m.title, { face: 'bold', size: 11.5, after: 3 });
  pd.text(
    [lk.instanceName(m.instanceId), formatLongDate(m.date), meetingTimeLabel(m), m.place].filter(Boolean).join(' — '),
    { size: 9.5, colour: COLOURS.muted, after: 8 },
  );

  const people = lk.sortByProtocol(
    m.invitees.map((inv) => lk.invitee(inv)),
    (w) => ({ orgId: w.organisationId, job: w.job, name: w.name }),
  );
  // Grouped by institution: the institution is printed once, on the first line of its group.
  const rows: Row[] = [];
  let group: string | undefined;
  for (const w of people) {
    const g = w.organisation || t.emargement.noInstitution;
    rows.push({ cells: [{ text: g === group ? '' : g, face: 'bold' }, w.name || '', w.job, '', ''], minHeight: 28 });
    group = g;
  }
  const blanks = Math.max(0, Math.min(100, params.blankLines ?? 8));
  for (let i = 0; i < blanks; i++) rows.push({ cells: ['', '', '', '', ''], minHeight: 28 });
  const c = t.emargement.columns;
  table(
    pd,
    [
      { header: c.institution, width: 2.8 },
      { header: c.name, width: 2.4 },
      { header: c.job, width: 2.2 },
      { header: c.represented, width: 2.8 },
      { header: c.signature, width: 2.2 },
    ],
    rows,
    { size: 8.5, grid: true, zebra: false },
  );
  if (blanks) pd.text(t.emargement.othersDetail, { face: 'italic', size: 8.5, colour: COLOURS.muted, after: 2 });
  pd.text(t.emargement.certify, { face: 'italic', size: 8.5, colour: COLOURS.muted });
  options.onProgress?.(1);
  return finishDocument(pd, title, safeFileName('emargement', m.date, m.title));
}

export async function emargementPdf(data: Datastore, params: EmargementParams, options: RenderOptions = {}): Promise<Buffer> {
  return (await renderEmargement(data, params, options)).bytes;
}
