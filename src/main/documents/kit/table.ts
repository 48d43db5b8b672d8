// Tables for printed documents: header repeated on each page, rows kept whole (split only when taller than a page), wrapped cells.
import type { Face } from './fonts';
import { COLOURS, type PdfDoc } from './document';
import { setAttributes } from './tagging';
import { frText } from './typography';

export interface Cell {
  text: string;
  face?: Face;
  colour?: string;
  /** A small coloured disc before the text (status, health). */
  dot?: string;
  align?: 'left' | 'right' | 'center';
  size?: number;
}
export type CellInput = string | Cell;

export interface Column {
  header: string;
  /** Relative width (weights are scaled to the content width). */
  width: number;
  align?: 'left' | 'right' | 'center';
  /** Never wrap this column's cells (dates, amounts): it widens at the expense of the others. */
  nowrap?: boolean;
  /** This column names its row (a category, a label before its count): its cells are row headers (TH, scope Row). */
  rowHeader?: boolean;
}

export type Row =
  | { cells: CellInput[]; minHeight?: number; fill?: string }
  | { group: string; detail?: string };

export interface TableOptions {
  size?: number;
  /** Alternate light grey rows (prints as a light tint in black and white). */
  zebra?: boolean;
  /** Borders around every cell (sign-in sheets). */
  grid?: boolean;
  /** Text shown (in italics) when there is no row. */
  empty?: string;
}

const PAD_X = 4;
const PAD_Y = 3.2;

interface Prepared {
  lines: string[][];
  styles: Cell[];
  height: number;
  nLines: number;
  /** The row's TD / TH structure elements, created when the row is first drawn. */
  cells?: PDFKit.PDFStructureElement[];
}

interface TableAttributes {
  Scope?: 'Row' | 'Column';
  ColSpan?: number;
}

/** Sets the Table attributes (PDF/UA: header scope, spanned cells) of a TH or TD; pdfkit's options do not cover ColSpan. */
function cell(pd: PdfDoc, tag: 'TH' | 'TD', parent: PDFKit.PDFStructureElement, attrs: TableAttributes = {}): PDFKit.PDFStructureElement {
  const elem = pd.structure(tag, parent);
  if (attrs.Scope || attrs.ColSpan) setAttributes(elem, 'Table', { ...attrs });
  return elem;
}

/** Draws a table at the current cursor, adding pages as needed. */
export function table(pd: PdfDoc, columns: Column[], rows: Row[], opts: TableOptions = {}): void {
  const size = opts.size ?? 8.5;
  const lh = pd.lineHeight(size, 1);
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * pd.width);
  fitNowrapColumns(pd, columns, rows, widths, size);
  const xs: number[] = [];
  widths.reduce((x, w, i) => ((xs[i] = x), x + w), pd.left);
  const headerSize = size - 0.3;
  const headerLh = pd.lineHeight(headerSize, 0.5);
  const headerLines = columns.map((c, i) => pd.wrap(frText(c.header), widths[i] - 2 * PAD_X, 'bold', headerSize));
  const headerH = Math.max(...headerLines.map((l) => l.length)) * headerLh + 2 * PAD_Y + 1;
  let currentGroup: string | undefined;
  // Tagged PDF: Table > THead > TR > TH (scope Column), then TBody (one per group) > TR > TH (scope Row) / TD.
  // The header repeated on later pages, the fills, rules and dots are artifacts.
  const tableElem = pd.structure('Table');
  let headerDrawn = false;
  let body: PDFKit.PDFStructureElement | undefined;
  const bodyElem = () => (body ??= pd.structure('TBody', tableElem));

  const drawHeader = () => {
    const y = pd.y;
    pd.decor((doc) => doc.save().rect(pd.left, y, pd.width, headerH).fill(COLOURS.headerFill).restore());
    const drawCell = (lines: string[], i: number) =>
      lines.forEach((l, j) => pd.drawAligned(l, xs[i] + PAD_X, y + PAD_Y + j * headerLh, widths[i] - 2 * PAD_X, columns[i].align ?? 'left', 'bold', headerSize, COLOURS.accent));
    if (!headerDrawn) {
      const tr = pd.structure('TR', pd.structure('THead', tableElem));
      headerLines.forEach((lines, i) => pd.inBlock(cell(pd, 'TH', tr, { Scope: 'Column' }), 'TH', () => drawCell(lines, i)));
      headerDrawn = true;
    } else {
      pd.artifact(() => headerLines.forEach(drawCell));
    }
    pd.decor((doc) => {
      if (opts.grid) {
        doc.save().lineWidth(0.5).strokeColor(COLOURS.rule);
        xs.forEach((x, i) => doc.rect(x, y, widths[i], headerH));
        doc.stroke().restore();
      }
      doc.save().moveTo(pd.left, y + headerH).lineTo(pd.right, y + headerH).lineWidth(1).strokeColor(COLOURS.accent).stroke().restore();
    });
    pd.y = y + headerH;
  };

  const groupH = lh + 2 * PAD_Y + 1;
  const drawGroup = (label: string, detail: string | undefined, continued: boolean) => {
    const y = pd.y;
    pd.decor((doc) => doc.save().rect(pd.left, y, pd.width, groupH).fill(COLOURS.groupFill).restore());
    const text = continued ? `${label} (suite)` : label;
    const line = pd.wrap(frText(text), pd.width - 2 * PAD_X - (detail ? 160 : 0), 'bold', size)[0] ?? '';
    const draw = () => {
      pd.drawLine(line, pd.left + PAD_X, y + PAD_Y, 'bold', size, COLOURS.ink);
      if (detail) pd.drawAligned(frText(detail), pd.left, y + PAD_Y, pd.width - PAD_X, 'right', 'regular', size - 0.5, COLOURS.muted);
    };
    if (continued) pd.artifact(draw);
    else {
      // Each group is a row group of its own, opened by a cell spanning every column.
      body = pd.structure('TBody', tableElem);
      pd.inBlock(cell(pd, 'TD', pd.structure('TR', body), { ColSpan: columns.length }), 'TD', draw);
    }
    pd.decor((doc) => doc.save().moveTo(pd.left, y + groupH).lineTo(pd.right, y + groupH).lineWidth(0.5).strokeColor(COLOURS.rule).stroke().restore());
    pd.y = y + groupH;
  };

  const newPage = () => {
    pd.newPage();
    drawHeader();
    if (currentGroup !== undefined) drawGroup(currentGroup, undefined, true);
  };

  const prepare = (cells: CellInput[], minHeight = 0): Prepared => {
    const styles = columns.map((_c, i) => {
      const c = cells[i];
      return typeof c === 'string' || c === undefined ? { text: c ?? '' } : c;
    });
    const lines = styles.map((c, i) => {
      if (!c.text) return [];
      const w = widths[i] - 2 * PAD_X - (c.dot ? 9 : 0);
      return pd.wrap(frText(c.text), Math.max(8, w), c.face ?? 'regular', c.size ?? size);
    });
    const nLines = Math.max(1, ...lines.map((l) => l.length));
    return { lines, styles, nLines, height: Math.max(minHeight, nLines * lh + 2 * PAD_Y) };
  };

  const drawChunk = (p: Prepared, from: number, to: number, height: number, fill: string | undefined, first: boolean) => {
    const y = pd.y;
    if (fill) pd.decor((doc) => doc.save().rect(pd.left, y, pd.width, height).fill(fill).restore());
    if (!p.cells) {
      const tr = pd.structure('TR', bodyElem());
      p.cells = columns.map((c) => (c.rowHeader ? cell(pd, 'TH', tr, { Scope: 'Row' }) : cell(pd, 'TD', tr)));
    }
    const cells = p.cells;
    p.styles.forEach((c, i) => {
      const x = xs[i] + PAD_X;
      let tx = x;
      const w = widths[i] - 2 * PAD_X;
      if (c.dot) {
        const dot = c.dot;
        if (first) pd.decor((doc) => doc.save().circle(x + 3, y + PAD_Y + lh / 2 - 0.5, 2.8).fill(dot).restore());
        tx += 9;
      }
      const lines = p.lines[i].slice(from, to);
      pd.inBlock(cells[i], columns[i].rowHeader ? 'TH' : 'TD', () => lines.forEach((l, j) => pd.drawAligned(l, tx, y + PAD_Y + j * lh, w - (tx - x), c.align ?? columns[i].align ?? 'left', c.face ?? 'regular', c.size ?? size, c.colour ?? COLOURS.ink)));
    });
    pd.decor((doc) => {
      if (opts.grid) {
        doc.save().lineWidth(0.5).strokeColor(COLOURS.rule);
        xs.forEach((x, i) => doc.rect(x, y, widths[i], height));
        doc.stroke().restore();
      } else {
        doc.save().moveTo(pd.left, y + height).lineTo(pd.right, y + height).lineWidth(0.4).strokeColor(COLOURS.lightRule).stroke().restore();
      }
    });
    pd.y = y + height;
  };

  // The header must not sit alone at the bottom of a page.
  pd.ensure(headerH + groupH + lh * 2 + 2 * PAD_Y);
  drawHeader();
  if (!rows.length && opts.empty) {
    pd.text(opts.empty, { face: 'italic', size, colour: COLOURS.muted, after: 2 });
  }
  let zebra = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if ('group' in row) {
      currentGroup = undefined;
      const next = rows[r + 1];
      const nextH = next && !('group' in next) ? Math.min(prepare(next.cells, next.minHeight).height, lh * 3 + 2 * PAD_Y) : 0;
      if (pd.y + groupH + nextH > pd.bottom) newPage();
      drawGroup(row.group, row.detail, false);
      currentGroup = row.group;
      zebra = 0;
      continue;
    }
    const p = prepare(row.cells, row.minHeight);
    const fill = row.fill ?? (opts.zebra !== false && zebra % 2 === 1 ? COLOURS.zebra : undefined);
    zebra++;
    const fullPage = pd.bottom - pd.contentTop - headerH - (currentGroup !== undefined ? groupH : 0);
    if (p.height > pd.bottom - pd.y) {
      // A row that fits on a page is never cut: it moves to the next page. Only a row taller than a page is split.
      if (p.height <= fullPage || pd.bottom - pd.y < 2 * PAD_Y + 3 * lh) newPage();
    }
    let from = 0;
    let first = true;
    for (;;) {
      const avail = pd.bottom - pd.y;
      const fit = Math.floor((avail - 2 * PAD_Y) / lh);
      if (p.nLines - from <= fit) {
        const h = Math.max(row.minHeight ?? 0, (p.nLines - from) * lh + 2 * PAD_Y);
        drawChunk(p, from, p.nLines, Math.min(h, avail), fill, first);
        break;
      }
      drawChunk(p, from, from + fit, avail, fill, first);
      from += fit;
      first = false;
      newPage();
    }
  }
  pd.y += 8;
}

/** Widens `nowrap` columns to their widest cell, taking the room from the other columns in proportion. */
function fitNowrapColumns(pd: PdfDoc, columns: Column[], rows: Row[], widths: number[], size: number): void {
  let extra = 0;
  columns.forEach((c, i) => {
    if (!c.nowrap) return;
    let need = Math.max(0, ...c.header.split(/\s+/).map((w) => pd.widthOf(w, 'bold', size - 0.3)));
    for (const r of rows) {
      if ('group' in r) continue;
      const cell = r.cells[i];
      if (cell === undefined) continue;
      const st = typeof cell === 'string' ? { text: cell } : cell;
      if (!st.text) continue;
      need = Math.max(need, pd.widthOf(st.text, st.face ?? 'regular', st.size ?? size) + (st.dot ? 9 : 0));
    }
    need += 2 * PAD_X + 1;
    if (need > widths[i]) {
      extra += need - widths[i];
      widths[i] = need;
    }
  });
  if (extra <= 0) return;
  const others = columns.map((c, i) => (c.nowrap ? 0 : widths[i]));
  const pool = others.reduce((a, b) => a + b, 0);
  if (pool <= extra) return;
  columns.forEach((c, i) => {
    if (!c.nowrap) widths[i] -= (extra * others[i]) / pool;
  });
}
