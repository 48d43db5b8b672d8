// Flowing blocks of a document: paragraphs, headings, the outline (bookmarks), label/value fields, rules and note boxes.
import { documents as t } from '../../../shared/i18n/documents';
import type { PdfDoc } from './document';
import { COLOURS, type TextStyle } from './style';
import { ellipsis, frText, printable } from './typography';

/** A paragraph of user or catalogue text, flowing over as many pages as needed. */
export function textBlock(pd: PdfDoc, raw: string, style: TextStyle = {}): void {
  const face = style.face ?? 'regular';
  const size = style.size ?? 10;
  const indent = style.indent ?? 0;
  const width = style.width ?? pd.width - indent;
  const lh = pd.lineHeight(size, style.lineGap ?? 1.5);
  const lines = pd.wrap(frText(raw), width, face, size);
  const draw = () => {
    for (const line of lines) {
      if (pd.y + lh > pd.bottom) pd.newPage();
      pd.drawAligned(line, pd.left + indent, pd.y, width, style.align ?? 'left', face, size, style.colour ?? COLOURS.ink);
      pd.y += lh;
    }
  };
  if (pd.tags.placed) draw();
  else pd.tagged(structureTag(pd, style.tag ?? 'P'), draw);
  pd.y += style.after ?? 4;
}

/** The structure type of a block: headings (H1–H6) are nested by the tagger without skipping a level. */
function structureTag(pd: PdfDoc, tag: string): string {
  const heading = /^H([1-6])$/.exec(tag);
  return heading ? pd.tags.heading(Number(heading[1])) : tag;
}

/** Height `text` would take with this style (for keep-together decisions). */
export function measureBlock(pd: PdfDoc, raw: string, style: TextStyle = {}): number {
  const face = style.face ?? 'regular';
  const size = style.size ?? 10;
  const width = style.width ?? pd.width - (style.indent ?? 0);
  return pd.wrap(frText(raw), width, face, size).length * pd.lineHeight(size, style.lineGap ?? 1.5) + (style.after ?? 4);
}

/** A section heading, kept with the lines that follow it. */
export function headingBlock(pd: PdfDoc, raw: string, level: 1 | 2 | 3, keepWithOpt?: number): void {
  const keepWith = keepWithOpt ?? (level === 1 ? 90 : level === 2 ? 70 : 45);
  const size = level === 1 ? 14 : level === 2 ? 11.5 : 10.5;
  const before = level === 1 ? 10 : level === 2 ? 8 : 5;
  const h = measureBlock(pd, raw, { face: 'bold', size, after: 0 });
  if (pd.y > pd.contentTop + 1) pd.y += before;
  pd.ensure(h + keepWith);
  textBlock(pd, raw, { face: 'bold', size, colour: level === 3 ? COLOURS.ink : COLOURS.accent, after: level === 1 ? 3 : 2, tag: `H${level}` });
  if (level === 1) {
    const y = pd.y;
    pd.decor((doc) => doc.save().moveTo(pd.left, y).lineTo(pd.right, y).lineWidth(0.8).strokeColor(COLOURS.accent).stroke().restore());
    pd.y += 6;
  }
}

/** The document outline (bookmarks): each entry nested under the last entry of a lower level. */
export class Outline {
  private stack: { level: number; item: PDFKit.PDFOutline }[] = [];

  add(doc: PDFKit.PDFDocument, raw: string, level: number): void {
    const title = ellipsis(printable(frText(raw), 'regular').replace(/\n/g, ' '), 120);
    while (this.stack.length && this.stack[this.stack.length - 1].level >= level) this.stack.pop();
    const parent = this.stack.length ? this.stack[this.stack.length - 1].item : doc.outline;
    const item = parent.addItem(title, { expanded: level === 1 });
    this.stack.push({ level, item });
  }
}

/** Label / value pairs in two columns, e.g. the fields of a fiche action. */
export function fieldsBlock(pd: PdfDoc, rows: [string, string | undefined][], opts: { labelWidth?: number; size?: number } = {}): void {
  const size = opts.size ?? 9.5;
  const labelW = opts.labelWidth ?? 130;
  const lh = pd.lineHeight(size, 1.5);
  for (const [label, value] of rows) {
    const given = !!(value && value.trim());
    const v = given ? (value as string) : t.frame.notSpecified;
    const labelLines = pd.wrap(frText(label), labelW - 8, 'bold', size);
    const valueLines = pd.wrap(frText(v), pd.width - labelW, given ? 'regular' : 'italic', size);
    const n = Math.max(labelLines.length, valueLines.length);
    if (n * lh <= pd.bottom - pd.contentTop) pd.ensure(n * lh + 3);
    for (let i = 0; i < n; i++) {
      if (pd.y + lh > pd.bottom) pd.newPage();
      if (labelLines[i]) pd.drawLine(labelLines[i], pd.left, pd.y, 'bold', size, COLOURS.muted);
      if (valueLines[i]) pd.drawLine(valueLines[i], pd.left + labelW, pd.y, given ? 'regular' : 'italic', size, given ? COLOURS.ink : COLOURS.faint);
      pd.y += lh;
    }
    pd.y += 3;
  }
}

/** A thin horizontal rule. */
export function ruleBlock(pd: PdfDoc, colour: string, gap: number): void {
  pd.space(gap / 2);
  const y = pd.y;
  pd.decor((doc) => doc.save().moveTo(pd.left, y).lineTo(pd.right, y).lineWidth(0.5).strokeColor(colour).stroke().restore());
  pd.y += gap / 2;
}

/** A filled note box (e.g. « aucune décision »). */
export function noteBlock(pd: PdfDoc, raw: string, opts: { colour?: string; fill?: string; size?: number } = {}): void {
  const size = opts.size ?? 9;
  const lines = pd.wrap(frText(raw), pd.width - 16, 'italic', size);
  const lh = pd.lineHeight(size, 1.5);
  const h = lines.length * lh + 10;
  if (h <= pd.bottom - pd.contentTop) pd.ensure(h + 4);
  const y = pd.y;
  if (h <= pd.remaining) pd.decor((doc) => doc.save().rect(pd.left, y, pd.width, h).fill(opts.fill ?? COLOURS.groupFill).restore());
  pd.y += 5;
  for (const line of lines) {
    if (pd.y + lh > pd.bottom) pd.newPage();
    pd.drawLine(line, pd.left + 8, pd.y, 'italic', size, opts.colour ?? COLOURS.muted);
    pd.y += lh;
  }
  pd.y += 9;
}
