// A contents page (sommaire) filled once the page numbers are known, tagged as a TOC of TOCI entries linking to their pages.
import { documents as t } from '../../../shared/i18n/documents';
import type { PdfDoc } from './document';
import { COLOURS } from './style';
import { frText } from './typography';

export interface ContentsEntry {
  level: 1 | 2;
  label: string;
  /** Page number (1-based) the entry points to. */
  page: number;
}

/** The page kept for the contents and its place in the structure tree (so that it is read where it is printed). */
export interface ContentsSlot {
  pageIndex: number;
  section: PDFKit.PDFStructureElement;
}

type LinkToPage = (x: number, y: number, w: number, h: number, pageIndex: number, options: { structParent: PDFKit.PDFStructureElement; Contents: object }) => unknown;

/** pdfkit writes a JS string as a name; a String object is written as a PDF text string. */
const pdfString = (text: string): object => Object(text) as object;

/** Starts a new page for the contents, to be filled by `drawContents` at the end. */
export function reserveContents(pd: PdfDoc): ContentsSlot {
  pd.newPage();
  return { pageIndex: pd.pageCount - 1, section: pd.structure('Sect') };
}

/**
 * Fills the contents page: its title (H1), then one line per entry (label, dot leader, page reference) as a TOCI
 * whose Reference holds a Link to the page; second-level entries form a TOC nested in their first-level entry.
 * When the entries do not fit, only the first level is shown.
 */
export function drawContents(pd: PdfDoc, slot: ContentsSlot, title: string, entries: ContentsEntry[], pageRef: (n: number) => string): void {
  pd.doc.switchToPage(slot.pageIndex);
  pd.y = pd.contentTop;
  pd.tagged(pd.tags.heading(1), () => pd.text(title, { face: 'bold', size: 16, colour: COLOURS.accent, after: 10 }), slot.section);
  const maxLines = Math.floor((pd.bottom - pd.y) / 15);
  const shown = entries.length > maxLines ? entries.filter((e) => e.level === 1) : entries;
  const toc = pd.structure('TOC', slot.section);
  let lastTop: PDFKit.PDFStructureElement | undefined;
  let nested: PDFKit.PDFStructureElement | undefined;
  const linkToPage = pd.doc.link.bind(pd.doc) as unknown as LinkToPage;
  for (const e of shown.slice(0, maxLines)) {
    let parent = toc;
    if (e.level === 2 && lastTop) {
      nested ??= pd.structure('TOC', lastTop);
      parent = nested;
    }
    const item = pd.structure('TOCI', parent);
    if (e.level === 1) [lastTop, nested] = [item, undefined];
    const link = pd.structure('Link', pd.structure('Reference', item));
    const indent = e.level === 1 ? 0 : 18;
    const size = e.level === 1 ? 10.5 : 9.5;
    const face = e.level === 1 ? 'bold' : 'regular';
    const ref = pageRef(e.page);
    const refW = pd.widthOf(ref, 'regular', size);
    const label = pd.wrap(frText(e.label), pd.width - indent - refW - 40, face, size)[0] ?? '';
    const labelW = pd.widthOf(label, face, size);
    pd.inBlock(link, 'Link', () => {
      pd.drawLine(label, pd.left + indent, pd.y, face, size, COLOURS.ink);
      const dotsX = pd.left + indent + labelW + 6;
      const dotsEnd = pd.right - refW - 6;
      if (dotsEnd > dotsX) {
        const dotsY = pd.y + size * 0.95;
        pd.decor((doc) => doc.save().moveTo(dotsX, dotsY).lineTo(dotsEnd, dotsY).lineWidth(0.6).dash(0.6, { space: 2.4 }).strokeColor(COLOURS.faint).stroke().undash().restore());
      }
      pd.drawAligned(ref, pd.left, pd.y, pd.width, 'right', 'regular', size, COLOURS.ink);
    });
    linkToPage(pd.left + indent, pd.y, pd.width - indent, pd.lineHeight(size), e.page - 1, { structParent: link, Contents: pdfString(t.frame.goToPage(label, e.page)) });
    // Ended now, so that the link's object reference names this page (pdfkit takes the current page when writing it).
    link.end();
    pd.y += e.level === 1 ? 17 : 14;
  }
}
