// Register PDFs: the statistics for the plenary bilan (counts under 5 shown « < 5 ») and the DPO journal (accesses, purges, copies).
import type { CountLine, DpoJournal, RegisterStats } from '../../shared/contract/register';
import { formatDate, formatShortDate, todayIso } from '../../shared/format';
import { register as t } from '../../shared/i18n/register';
import type { Datastore } from '../../shared/model';
import { suppressSmall } from '../../shared/register-model';
import { finishDocument } from './common';
import { type GeneratedDocument, type RenderOptions, safeFileName } from './data';
import { COLOURS, PdfDoc } from './kit/document';
import { type Row, table } from './kit/table';

const d = t.documents;

function countTable(pd: PdfDoc, heading: string, lines: CountLine[], level: 2 | 3): void {
  pd.heading(heading, level);
  const rows: Row[] = lines.map((l) => ({ cells: [l.label, { text: suppressSmall(l.count), align: 'right' }] }));
  table(pd, [{ header: d.columns.value, width: 4, rowHeader: true }, { header: d.columns.count, width: 1.2, align: 'right' }], rows, { size: 9, empty: d.none });
}

/**
 * The register's counts as the plenary may see them — the note, the total and one table per closed list, every
 * count under 5 shown « < 5 ». The one rendering shared by the statistics PDF and the bilan annuel.
 */
export function registerCountTables(pd: PdfDoc, stats: RegisterStats, level: 2 | 3): void {
  pd.note(d.statsNote);
  pd.fields([[d.total, suppressSmall(stats.total)]], { labelWidth: 160 });
  countTable(pd, d.byStatus, stats.byStatus, level);
  countTable(pd, d.byOrigin, stats.byOrigin, level);
  countTable(pd, d.byReason, stats.byReason, level);
  countTable(pd, d.byAgeBracket, stats.byAgeBracket, level);
}

/** Statistics of the register: only counts, every count under 5 shown « < 5 », no reference, no content. */
export async function renderRegisterStats(data: Datastore, stats: RegisterStats, year: number | undefined, options: RenderOptions = {}): Promise<GeneratedDocument> {
  const now = options.now ?? new Date();
  const today = todayIso(now);
  const title = year ? d.statsTitleYear(year) : d.statsTitle;
  const s = data.settings;
  const pd = new PdfDoc({ title, subject: d.statsSubject, dateLabel: d.asOf(formatDate(today)), confidentiality: 'public', settings: s, now });
  pd.text(title, { face: 'bold', size: 17, tag: 'H1', colour: COLOURS.accent, after: 2 });
  pd.text(`${s.councilName} — ${s.communeName}`, { size: 10, colour: COLOURS.muted, after: 2 });
  pd.text(d.asOf(formatDate(today)), { size: 10, colour: COLOURS.muted, after: 8 });
  registerCountTables(pd, stats, 2);
  countTable(pd, d.byYear, stats.byYear, 2);
  return finishDocument(pd, title, safeFileName('statistiques-registre', year ? String(year) : s.councilAcronym, today));
}

/** The DPO journal: retention settings, registre des purges, journal des accès, backups exported outside the folder. */
export async function renderDpoJournal(data: Datastore, j: DpoJournal, options: RenderOptions = {}): Promise<GeneratedDocument> {
  const now = options.now ?? new Date();
  const today = todayIso(now);
  const title = d.journalTitle;
  const s = data.settings;
  const pd = new PdfDoc({ title, subject: d.journalSubject, dateLabel: d.asOf(formatDate(today)), confidentiality: 'confidential', settings: s, now });
  pd.text(title, { face: 'bold', size: 17, tag: 'H1', colour: COLOURS.accent, after: 2 });
  pd.text(`${s.councilName} — ${s.communeName}`, { size: 10, colour: COLOURS.muted, after: 8 });
  pd.heading(d.rulesHeading, 2);
  pd.fields(
    [
      [d.rules.situations, d.rules.situationsText],
      [d.rules.age, d.rules.ageText],
      [d.rules.texts, d.rules.textsText(j.settings.meetingTextsYears)],
      [d.rules.correspondence, j.settings.correspondenceEnabled ? d.rules.on : d.rules.off],
    ],
    { labelWidth: 170 },
  );
  pd.heading(d.purgesHeading, 2);
  table(
    pd,
    [
      { header: d.columns.date, width: 1.4, nowrap: true },
      { header: d.columns.kind, width: 3 },
      { header: d.columns.count, width: 1, align: 'right' },
      { header: d.columns.rule, width: 2.6 },
    ],
    j.purges.map((p) => ({ cells: [formatShortDate(p.at.slice(0, 10)), t.purgeKind[p.kind], { text: String(p.count), align: 'right' }, t.rules[p.rule] ?? p.rule] })),
    { size: 8.5, empty: d.noPurge },
  );
  pd.heading(d.backupsHeading, 2);
  pd.text(d.backupsNote, { size: 8.5, colour: COLOURS.muted, after: 4 });
  table(
    pd,
    [
      { header: d.columns.date, width: 1.4, nowrap: true },
      { header: d.columns.file, width: 3.6 },
      { header: d.columns.destroyBy, width: 2 },
    ],
    j.backups.map((b) => ({
      cells: [formatShortDate(b.at.slice(0, 10)), b.fileName, b.destroyBy ? (b.expired ? d.destroyNow(formatShortDate(b.destroyBy)) : formatShortDate(b.destroyBy)) : d.unknownExpiry],
    })),
    { size: 8.5, empty: d.noBackup },
  );
  pd.heading(d.accessHeading, 2);
  table(
    pd,
    [
      { header: d.columns.when, width: 1.8, nowrap: true },
      { header: d.columns.user, width: 1.4 },
      { header: d.columns.action, width: 2.4 },
      { header: d.columns.reference, width: 1.2, nowrap: true },
      { header: d.columns.reason, width: 2.6 },
    ],
    j.access.map((a) => ({
      cells: [`${formatShortDate(a.at.slice(0, 10))} ${a.at.slice(11, 16)}`, a.user, t.access[a.action], a.reference ?? '', a.reason ?? ''],
    })),
    { size: 8, empty: d.noAccess },
  );
  return finishDocument(pd, title, safeFileName('journal-protection-des-donnees', s.councilAcronym, today));
}
