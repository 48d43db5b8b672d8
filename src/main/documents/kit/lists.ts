// Lists of printed documents, tagged as PDF/UA lists: L holding LI items, each with its bullet (Lbl) and its text (LBody).
import type { PdfDoc } from './document';
import { COLOURS, type TextStyle } from './style';
import { setAttributes } from './tagging';

/** Runs `draw` with the bullets it draws gathered in one list (L element, numbering shown as discs). */
export function listBlock<T>(pd: PdfDoc, draw: () => T): T {
  const list = pd.structure('L');
  setAttributes(list, 'List', { ListNumbering: 'Disc' });
  return pd.tags.inList(list, draw);
}

/** A bulleted list item: an LI of the list being drawn (or of a list of its own), its bullet the Lbl, its text the LBody. */
export function bulletBlock(pd: PdfDoc, raw: string, style: TextStyle = {}): void {
  const list = pd.tags.currentList;
  if (!list) {
    listBlock(pd, () => bulletBlock(pd, raw, style));
    return;
  }
  const size = style.size ?? 10;
  const indent = (style.indent ?? 0) + 12;
  const lh = pd.lineHeight(size, style.lineGap ?? 1.5);
  if (pd.y + lh > pd.bottom) pd.newPage();
  const y = pd.y;
  const item = pd.structure('LI', list);
  pd.tagged('Lbl', () => pd.drawLine('•', pd.left + indent - 10, y, 'regular', size, style.colour ?? COLOURS.ink), item);
  pd.tagged('LBody', () => pd.text(raw, { ...style, indent, after: style.after ?? 2 }), item);
}

/** A bulleted list of `items`, one LI each. */
export function bulletList(pd: PdfDoc, items: readonly string[], style: TextStyle = {}): void {
  if (!items.length) return;
  listBlock(pd, () => {
    for (const item of items) bulletBlock(pd, item, style);
  });
}
