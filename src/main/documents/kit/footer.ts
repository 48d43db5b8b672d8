// The footers written on every page once the document is complete: rule, generation time, confidentiality mark, page numbers.
import { formatShortDate, formatTime } from '../../../shared/format';
import { documents as t } from '../../../shared/i18n/documents';
import type { PdfDoc } from './document';
import type { StructureTagger } from './tagging';
import { COLOURS, FOOTER_HEIGHT } from './style';

/** « Page n / total » per section: `starts` are the page indexes where a new numbering begins (0 always). */
export function sectionNumbering(starts: number[], total: number): (i: number) => [number, number] {
  const sorted = [...starts].sort((a, b) => a - b);
  return (i) => {
    let start = 0;
    let end = total;
    for (const s of sorted) {
      if (s <= i) start = s;
      else {
        end = s;
        break;
      }
    }
    return [i - start + 1, end - start];
  };
}

/** Writes the footer of every buffered page, as pagination artifacts. */
export function drawFooters(pd: PdfDoc, tags: StructureTagger, sectionStarts: number[]): void {
  const doc = pd.doc;
  const range = doc.bufferedPageRange();
  const total = range.count;
  const numbering = sectionNumbering(sectionStarts, total);
  const now = pd.opts.now;
  const generated = t.frame.generated(formatShortDate(now.toISOString()), formatTime(`${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`));
  const conf = pd.opts.confidentiality;
  const mark = conf === 'confidential' ? t.marks.confidentialFooter : conf === 'restricted' ? t.marks.restrictedFooter : '';
  for (let i = 0; i < total; i++) {
    doc.switchToPage(range.start + i);
    // Writing below the bottom margin makes pdfkit add a page: lift the margin while the footer is written.
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    tags.pagination(() => {
      const fy = doc.page.height - saved - FOOTER_HEIGHT + 10;
      doc.save().moveTo(pd.left, fy).lineTo(pd.right, fy).lineWidth(0.5).strokeColor(COLOURS.rule).stroke().restore();
      pd.forgetFont();
      pd.drawLine(generated, pd.left, fy + 5, 'regular', 7, COLOURS.muted);
      if (mark) pd.drawAligned(mark, pd.left, fy + 5, pd.width, 'center', 'bold', 7.5, conf === 'confidential' ? COLOURS.confidential : COLOURS.ink);
      pd.drawAligned(t.frame.page(...numbering(i)), pd.left, fy + 5, pd.width, 'right', 'regular', 8, COLOURS.ink);
    });
    doc.page.margins.bottom = saved;
  }
}
