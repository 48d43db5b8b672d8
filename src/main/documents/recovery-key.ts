// The recovery key sheet: one page to print and keep in the mayor's safe (generated in memory, never kept in a temp folder).
import { formatLongDate } from '../../shared/format';
import { vault as t } from '../../shared/i18n/vault';
import type { Settings } from '../../shared/model';
import { finishDocument } from './common';
import type { GeneratedDocument } from './data';
import { COLOURS, PdfDoc } from './kit/document';

export async function recoveryKeyPdf(recoveryKey: string, settings: Settings, now: Date): Promise<GeneratedDocument> {
  const pd = new PdfDoc({ title: t.recoveryPdf.title, subject: t.recoveryPdf.subtitle, confidentiality: 'confidential', settings, now });
  pd.text(t.recoveryPdf.title, { face: 'bold', size: 18, tag: 'H1', colour: COLOURS.accent, after: 4 });
  pd.text(t.recoveryPdf.subtitle, { size: 11, colour: COLOURS.muted, after: 2 });
  if (settings.communeName) pd.text(t.recoveryPdf.council(`${settings.councilAcronym} de ${settings.communeName}`), { size: 11, after: 2 });
  pd.text(t.recoveryPdf.createdOn(formatLongDate(now.toISOString().slice(0, 10))), { size: 11, after: 10 });
  pd.text(t.recoveryPdf.intro, { size: 11, after: 12 });
  pd.text(t.recoveryPdf.keyLabel, { face: 'bold', size: 12, tag: 'H2', after: 4 });
  // Four groups per line, large and spaced: it is copied by hand.
  const groups = recoveryKey.split('-');
  for (let i = 0; i < groups.length; i += 4) pd.text(groups.slice(i, i + 4).join('  -  '), { face: 'bold', size: 16, after: 4 });
  pd.text(t.recoveryPdf.howTo, { size: 10, colour: COLOURS.muted, after: 4 });
  return finishDocument(pd, t.recoveryPdf.title, 'cle-de-secours-coffre.pdf');
}
