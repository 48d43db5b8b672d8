// Pieces shared by several documents: meeting facts block, signature, finishing a document into its result.
import { common } from '../../shared/i18n/common';
import { presidentSignatureTitle } from '../../shared/council';
import { documents as t } from '../../shared/i18n/documents';
import { formatLongDate, formatTime } from '../../shared/format';
import type { Meeting } from '../../shared/model';
import type { GeneratedDocument, Lookup } from './data';
import { COLOURS, type PdfDoc } from './kit/document';
import { frText } from './kit/typography';

export async function finishDocument(pd: PdfDoc, title: string, suggestedName: string): Promise<GeneratedDocument> {
  const bytes = await pd.finish();
  return { bytes, pages: pd.pageCount, title, suggestedName, warnings: [...pd.warnings] };
}

export function meetingTimeLabel(m: Meeting): string {
  return m.plannedEndTime ? t.common.timeRange(formatTime(m.startTime), formatTime(m.plannedEndTime)) : t.common.from(formatTime(m.startTime));
}

export function meetingDateLabel(m: Meeting): string {
  return `${formatLongDate(m.date)}, ${formatTime(m.startTime)}`;
}

/** The facts of a meeting as label / value lines. */
export function meetingFacts(pd: PdfDoc, lk: Lookup, m: Meeting, withChair = false): void {
  const rows: [string, string | undefined][] = [
    [t.common.instance, lk.instanceName(m.instanceId)],
    [t.common.date, formatLongDate(m.date)],
    [t.common.time, meetingTimeLabel(m)],
    [t.common.place, m.place],
  ];
  if (m.visioUrl) rows.push([t.common.visio, m.visioUrl]);
  if (withChair) rows.push([t.common.chair, [lk.data.settings.presidentName, lk.data.settings.presidentTitle].filter(Boolean).join(', ')]);
  rows.push([t.common.diffusion, common.confidentiality[lk.meetingConfidentiality(m)]]);
  pd.fields(rows, { labelWidth: 90 });
}

/** The president's signature block, on the right. */
export function signature(pd: PdfDoc, lk: Lookup): void {
  const s = lk.data.settings;
  const title = presidentSignatureTitle(s);
  const w = 230;
  pd.ensure(70);
  pd.y += 14;
  pd.text(title, { indent: pd.width - w, width: w, size: 10, after: 26, align: 'left' });
  pd.text(s.presidentName || '', { indent: pd.width - w, width: w, size: 10, face: 'bold', after: 6 });
}

/** A small caption in muted italics. */
export function caption(pd: PdfDoc, text: string): void {
  pd.text(frText(text), { face: 'italic', size: 8.5, colour: COLOURS.muted, after: 6 });
}

/** « FIPD », « Politique de la ville »… from a stored funder key; free labels are kept as typed. */
export function funderLabel(funder: string): string {
  return t.funders[funder.toLowerCase()] ?? funder;
}
