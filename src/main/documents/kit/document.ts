// The page frame of every printed document: fonts, metadata, header, confidentiality marks, footer, text flow and outline.
import { readFileSync, statSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { Confidentiality, Settings } from '../../../shared/model';
import { networkMounts } from '../../network-mounts';
import { formatShortDate, formatTime } from '../../../shared/format';
import { documents as t } from '../../../shared/i18n/documents';
import { headerAuthority } from '../../../shared/council';
import type { ConfidentialityBasis } from '../../../shared/instance-rules';
import { FONT, type Face, loadFonts } from './fonts';
import { ellipsis, frText, printable } from './typography';

export const MM = 72 / 25.4;

/** Strong right-to-left characters (Hebrew, Arabic and their presentation forms). */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/** Palette: dark ink for text, one accent, greys that stay visible when printed in black and white. */
export const COLOURS = {
  ink: '#1a1a1a',
  muted: '#555b63',
  faint: '#8a9099',
  accent: '#1f3a5f',
  rule: '#9aa1ab',
  lightRule: '#c9ced6',
  zebra: '#f1f3f6',
  headerFill: '#dde3ec',
  groupFill: '#eef1f5',
  confidential: '#9b1c1c',
  confidentialFill: '#fbeeee',
} as const;

export interface DocumentOptions {
  /** Title printed in the running header and stored in the PDF metadata. */
  title: string;
  subject: string;
  /** Date or period shown under the title in the header (already formatted). */
  dateLabel?: string;
  landscape?: boolean;
  confidentiality: Confidentiality;
  settings: Settings;
  /** Generation time (footer and metadata). */
  now: Date;
  keywords?: string;
  /** Which text the confidential banner cites: L132-5 (working groups), L141-1 CASF (CDDF), or none. */
  basis?: ConfidentialityBasis;
}

interface PdfFontInternals {
  layoutCache?: Record<string, unknown>;
}
interface PdfDocInternals {
  _font?: PdfFontInternals;
}

/** Layout results are pure (glyphs and scaled positions): share them between documents, per face. */
const sharedLayoutCaches: Record<Face, Record<string, unknown>> = {
  regular: Object.create(null),
  bold: Object.create(null),
  italic: Object.create(null),
  boldItalic: Object.create(null),
};
const MAX_SHARED_LAYOUTS = 60_000;
/** A council logo is a small picture; anything larger is not read. */
const LOGO_MAX_BYTES = 5 * 1024 * 1024;

/** Empties the shared layout caches (the parsed faces they refer to are being replaced). */
export function clearSharedLayouts(): void {
  for (const face of Object.keys(sharedLayoutCaches) as Face[]) sharedLayoutCaches[face] = Object.create(null);
}

/** Keeps the shared layout caches bounded (checked once per document). */
function trimSharedLayouts(): void {
  for (const face of Object.keys(sharedLayoutCaches) as Face[]) {
    if (Object.keys(sharedLayoutCaches[face]).length > MAX_SHARED_LAYOUTS) sharedLayoutCaches[face] = Object.create(null);
  }
}

export interface TextStyle {
  face?: Face;
  size?: number;
  colour?: string;
  /** Extra space between lines, in points. */
  lineGap?: number;
  align?: 'left' | 'right' | 'center';
  /** Left offset from the content's left edge. */
  indent?: number;
  /** Width available (defaults to the content width minus the indent). */
  width?: number;
  /** Space after the block. */
  after?: number;
  /** Structure type for tagged PDF (P by default, H1–H3 for headings). */
  tag?: string;
}

type OutlineItem = PDFKit.PDFOutline;

const HEADER_HEIGHT = 34;
const BANNER_HEIGHT = 20;
const FOOTER_HEIGHT = 26;

/** A document being written: a pdfkit document plus the page frame and a vertical cursor. */
export class PdfDoc {
  readonly doc: PDFKit.PDFDocument;
  readonly warnings: string[] = [];
  readonly opts: DocumentOptions;
  /** Vertical cursor, in points from the top of the page. */
  y = 0;
  private logo: Buffer | undefined;
  private face: Face = 'regular';
  private size = 10;
  private outlineStack: { level: number; item: OutlineItem }[] = [];
  private sectionStarts: number[] = [0];
  /** Tagged PDF: the document's root structure element, the block receiving text, and artifact depth (frame). */
  private readonly root: PDFKit.PDFStructureElement;
  private block: PDFKit.PDFStructureElement | undefined;
  private blockTag = 'P';
  private artifactDepth = 0;
  /** The chart being drawn as one Figure (its content is marked as the figure's, page by page). */
  private figureElem: PDFKit.PDFStructureElement | undefined;
  private figureMarked = false;
  private figureContent: PDFKit.PDFStructureContent | undefined;
  private chunks: Buffer[] = [];
  private done: Promise<Buffer>;
  /** Called after the frame of each new page is drawn (tables repeat their header there). */
  onNewPage: (() => void) | undefined;

  constructor(opts: DocumentOptions) {
    this.opts = opts;
    const fonts = loadFonts();
    trimSharedLayouts();
    const landscape = !!opts.landscape;
    const margins = landscape
      ? { top: 20 * MM, bottom: 14 * MM, left: 14 * MM, right: 14 * MM }
      : { top: 12 * MM, bottom: 14 * MM, left: 25 * MM, right: 15 * MM };
    this.doc = new PDFDocument({
      size: 'A4',
      layout: landscape ? 'landscape' : 'portrait',
      margins,
      bufferPages: true,
      autoFirstPage: false,
      lang: 'fr-FR',
      tagged: true,
      displayTitle: true,
      pdfVersion: '1.7',
      compress: true,
      // No default Helvetica: parsing its metrics costs time on every document and it is never used.
      font: null as unknown as string,
      info: {
        Title: opts.title,
        Author: `${opts.settings.communeName || t.frame.defaultCommune} — ${opts.settings.councilAcronym}`,
        Subject: opts.subject,
        Keywords: opts.keywords ?? `${opts.settings.councilAcronym}, ${opts.settings.communeName}`,
        Creator: 'Coordination CLSPD',
        Producer: 'Coordination CLSPD (pdfkit)',
        CreationDate: opts.now,
        ModDate: opts.now,
      },
    });
    for (const face of Object.keys(FONT) as Face[]) {
      // pdfkit accepts an already parsed fontkit font: the files are parsed once per process.
      this.doc.registerFont(FONT[face], fonts.faces[face] as unknown as string);
    }
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.loadLogo();
    this.doc.on('pageAdded', () => this.drawFrame());
    this.doc.addPage();
  }

  // ---------- geometry ----------
  get pageWidth(): number {
    return this.doc.page.width;
  }
  get pageHeight(): number {
    return this.doc.page.height;
  }
  get left(): number {
    return this.doc.page.margins.left;
  }
  get right(): number {
    return this.doc.page.width - this.doc.page.margins.right;
  }
  get width(): number {
    return this.right - this.left;
  }
  /** Lowest y content may reach (the footer lives below). */
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom - FOOTER_HEIGHT;
  }
  /** First y available for content on a page, below the header and banner. */
  get contentTop(): number {
    return this.doc.page.margins.top + HEADER_HEIGHT + (this.opts.confidentiality === 'confidential' ? BANNER_HEIGHT + 6 : 0) + 10;
  }
  get pageCount(): number {
    const r = this.doc.bufferedPageRange();
    return r.start + r.count;
  }
  /** Space left on the current page. */
  get remaining(): number {
    return this.bottom - this.y;
  }

  newPage(): void {
    // A figure's marked-content sequence cannot run across pages: close it, and open a new one on the next page.
    const inFigure = this.figureMarked;
    if (inFigure) this.closeFigureMark();
    this.doc.addPage();
    if (inFigure) this.openFigureMark();
  }

  /** True while drawing inside an open marked-content sequence (artifact or figure): no nested tagging then. */
  private get marking(): boolean {
    return this.artifactDepth > 0 || this.figureMarked;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y + height > this.bottom && this.y > this.contentTop + 0.5) this.newPage();
  }

  space(points: number): void {
    if (this.y + points > this.bottom) this.newPage();
    else this.y += points;
  }

  // ---------- fonts and measuring ----------
  setFont(face: Face, size: number): void {
    if (this.face !== face || this.size !== size || !(this.doc as unknown as PdfDocInternals)._font) {
      this.doc.font(FONT[face]).fontSize(size);
      this.face = face;
      this.size = size;
      this.shareLayoutCache(face);
    } else {
      this.doc.fontSize(size);
    }
  }

  private shareLayoutCache(face: Face): void {
    const f = (this.doc as unknown as PdfDocInternals)._font;
    if (!f || f.layoutCache === sharedLayoutCaches[face]) return;
    f.layoutCache = sharedLayoutCaches[face];
  }

  lineHeight(size: number, lineGap = 0): number {
    return size * 1.22 + lineGap;
  }

  widthOf(text: string, face: Face, size: number): number {
    this.setFont(face, size);
    return this.doc.widthOfString(text);
  }

  /** Wraps already cleaned text into lines that fit `width`; words longer than a line are cut. */
  wrap(raw: string, width: number, face: Face, size: number): string[] {
    this.setFont(face, size);
    const doc = this.doc;
    const text = printable(raw, face);
    const spaceW = doc.widthOfString(' ');
    const out: string[] = [];
    for (const para of text.split('\n')) {
      const words = para.split(' ');
      let line = '';
      let lineW = 0;
      for (const word of words) {
        if (!word) continue;
        const ww = doc.widthOfString(word);
        if (ww > width) {
          if (line) out.push(line);
          const pieces = this.cutWord(word, width);
          out.push(...pieces.slice(0, -1));
          line = pieces[pieces.length - 1];
          lineW = doc.widthOfString(line);
          continue;
        }
        if (!line) {
          line = word;
          lineW = ww;
        } else if (lineW + spaceW + ww <= width + 0.01) {
          line += ` ${word}`;
          lineW += spaceW + ww;
        } else {
          out.push(line);
          line = word;
          lineW = ww;
        }
      }
      out.push(line);
    }
    // Blank lines at the very end carry nothing.
    while (out.length > 1 && out[out.length - 1] === '') out.pop();
    return out;
  }

  private cutWord(word: string, width: number): string[] {
    const pieces: string[] = [];
    let cur = '';
    let curW = 0;
    for (const ch of word) {
      const w = this.doc.widthOfString(ch);
      if (cur && curW + w > width) {
        pieces.push(cur);
        cur = '';
        curW = 0;
      }
      cur += ch;
      curW += w;
    }
    pieces.push(cur);
    return pieces;
  }

  /** Draws one line of text with its top at (x, y), no wrapping, no page break. */
  drawLine(text: string, x: number, y: number, face: Face, size: number, colour: string = COLOURS.ink): void {
    if (!text) return;
    this.setFont(face, size);
    const doc = this.doc;
    doc.fillColor(colour);
    const emit = () => (RTL.test(text) ? this.drawBidi(text, x, y) : doc.text(text, x, y, { lineBreak: false }));
    if (this.marking) {
      emit();
      return;
    }
    // Tagged PDF: each line is marked content of the current structure block (a lone line becomes its own paragraph).
    const block = this.block;
    const tag = block ? this.blockTag : 'P';
    const content = doc.markStructureContent(tag);
    emit();
    doc.endMarkedContent();
    if (block) block.add(content);
    else this.root.add(doc.struct('P', {}, [content]));
  }

  /**
   * A line with right-to-left words (Hebrew, Arabic): fontkit shapes and orders each word, but the order of
   * consecutive RTL words must be reversed for display, and each word is drawn on its own so that the spaces
   * stay between the words.
   */
  private drawBidi(text: string, x: number, y: number): void {
    const words = text.split(' ');
    const isRtl = (w: string) => RTL.test(w) && !/[A-Za-zÀ-ÿ0-9]/.test(w);
    const visual: string[] = [];
    for (let i = 0; i < words.length; ) {
      if (isRtl(words[i])) {
        let j = i;
        while (j + 1 < words.length && (isRtl(words[j + 1]) || (words[j + 1] === '' && j + 2 < words.length && isRtl(words[j + 2])))) j++;
        visual.push(...words.slice(i, j + 1).reverse());
        i = j + 1;
      } else visual.push(words[i++]);
    }
    const space = this.doc.widthOfString(' ');
    let cx = x;
    for (const w of visual) {
      if (w) this.doc.text(w, cx, y, { lineBreak: false });
      cx += this.doc.widthOfString(w) + space;
    }
  }

  /** Runs `draw` with its text tagged under a new structure element of type `tag` (P, H1, TD…), child of `parent`. */
  tagged<T>(tag: string, draw: () => T, parent?: PDFKit.PDFStructureElement): T {
    const elem = this.doc.struct(tag);
    (parent ?? this.block ?? this.root).add(elem);
    return this.inBlock(elem, tag, draw);
  }

  /** Creates a structure element (Table, TR…) attached to the current block, to pass to `tagged`. */
  structure(tag: string, parent?: PDFKit.PDFStructureElement): PDFKit.PDFStructureElement {
    const elem = this.doc.struct(tag);
    (parent ?? this.block ?? this.root).add(elem);
    return elem;
  }

  /** Runs `draw` with text going into an existing structure element. */
  inBlock<T>(elem: PDFKit.PDFStructureElement, tag: string, draw: () => T): T {
    const saved = [this.block, this.blockTag] as const;
    this.block = elem;
    this.blockTag = tag;
    try {
      return draw();
    } finally {
      [this.block, this.blockTag] = saved;
    }
  }

  /** Runs `draw` as decoration (page frame, repeated table headers): not part of the reading order. */
  artifact<T>(draw: () => T): T {
    if (this.figureMarked) return draw();
    this.artifactDepth++;
    if (this.artifactDepth === 1) this.doc.markContent('Artifact');
    try {
      return draw();
    } finally {
      if (this.artifactDepth === 1) this.doc.endMarkedContent();
      this.artifactDepth--;
    }
  }

  /**
   * Draws rules, borders, bars and backgrounds: an artifact (PDF/UA), or part of the figure being drawn.
   * Every vector drawing of the documents goes through here so that no page content is left unmarked.
   */
  decor(draw: (doc: PDFKit.PDFDocument) => void): void {
    if (this.marking) draw(this.doc);
    else this.artifact(() => draw(this.doc));
  }

  /**
   * Draws a chart as one Figure of the structure tree whose alternative text (`alt`, with every number) is what
   * assistive technologies read; the bars and labels inside are its content, not separate paragraphs.
   */
  figure<T>(alt: string, draw: () => T): T {
    if (this.marking) return draw();
    const elem = this.doc.struct('Figure', { alt });
    (this.block ?? this.root).add(elem);
    this.figureElem = elem;
    this.openFigureMark();
    try {
      return draw();
    } finally {
      this.closeFigureMark();
      this.figureElem = undefined;
      elem.end();
    }
  }

  private openFigureMark(): void {
    if (!this.figureElem || this.figureMarked) return;
    this.figureContent = this.doc.markStructureContent('Figure');
    this.figureMarked = true;
  }

  private closeFigureMark(): void {
    if (!this.figureMarked) return;
    this.doc.endMarkedContent();
    this.figureMarked = false;
    if (this.figureElem && this.figureContent) this.figureElem.add(this.figureContent);
    this.figureContent = undefined;
  }

  /** Draws one line aligned inside [x, x + width]. */
  drawAligned(text: string, x: number, y: number, width: number, align: 'left' | 'right' | 'center', face: Face, size: number, colour?: string): void {
    if (!text) return;
    let dx = 0;
    if (align !== 'left') {
      const w = this.widthOf(text, face, size);
      dx = align === 'right' ? width - w : (width - w) / 2;
    }
    this.drawLine(text, x + Math.max(0, dx), y, face, size, colour);
  }

  // ---------- flowing text ----------
  /** A paragraph of user or catalogue text, flowing over as many pages as needed. */
  text(raw: string, style: TextStyle = {}): void {
    const face = style.face ?? 'regular';
    const size = style.size ?? 10;
    const indent = style.indent ?? 0;
    const width = style.width ?? this.width - indent;
    const lh = this.lineHeight(size, style.lineGap ?? 1.5);
    const lines = this.wrap(frText(raw), width, face, size);
    const draw = () => {
      for (const line of lines) {
        if (this.y + lh > this.bottom) this.newPage();
        this.drawAligned(line, this.left + indent, this.y, width, style.align ?? 'left', face, size, style.colour ?? COLOURS.ink);
        this.y += lh;
      }
    };
    if (this.block || this.marking) draw();
    else this.tagged(style.tag ?? 'P', draw);
    this.y += style.after ?? 4;
  }

  /** Height `text` would take with this style (for keep-together decisions). */
  measure(raw: string, style: TextStyle = {}): number {
    const face = style.face ?? 'regular';
    const size = style.size ?? 10;
    const width = style.width ?? this.width - (style.indent ?? 0);
    return this.wrap(frText(raw), width, face, size).length * this.lineHeight(size, style.lineGap ?? 1.5) + (style.after ?? 4);
  }

  /** A section heading, kept with the lines that follow it, with a bookmark in the outline. */
  heading(raw: string, level: 1 | 2 | 3 = 1, opts: { outline?: boolean; keepWith?: number } = {}): void {
    const keepWith = opts.keepWith ?? (level === 1 ? 90 : level === 2 ? 70 : 45);
    const size = level === 1 ? 14 : level === 2 ? 11.5 : 10.5;
    const before = level === 1 ? 10 : level === 2 ? 8 : 5;
    const h = this.measure(raw, { face: 'bold', size, after: 0 });
    if (this.y > this.contentTop + 1) this.y += before;
    this.ensure(h + keepWith);
    this.text(raw, { face: 'bold', size, colour: level === 3 ? COLOURS.ink : COLOURS.accent, after: level === 1 ? 3 : 2, tag: `H${level}` });
    if (level === 1) {
      const y = this.y;
      this.decor((doc) => doc.save().moveTo(this.left, y).lineTo(this.right, y).lineWidth(0.8).strokeColor(COLOURS.accent).stroke().restore());
      this.y += 6;
    }
    if (opts.outline !== false) this.bookmark(raw, level);
  }

  /** Adds an outline entry at the current page, nested under the last entry of a lower level. */
  bookmark(raw: string, level: number): void {
    const title = ellipsis(printable(frText(raw), 'regular').replace(/\n/g, ' '), 120);
    while (this.outlineStack.length && this.outlineStack[this.outlineStack.length - 1].level >= level) this.outlineStack.pop();
    const parent = this.outlineStack.length ? this.outlineStack[this.outlineStack.length - 1].item : this.doc.outline;
    const item = parent.addItem(title, { expanded: level === 1 });
    this.outlineStack.push({ level, item });
  }

  /** Label / value pairs in two columns, e.g. the fields of a fiche action. */
  fields(rows: [string, string | undefined][], opts: { labelWidth?: number; size?: number } = {}): void {
    const size = opts.size ?? 9.5;
    const labelW = opts.labelWidth ?? 130;
    const lh = this.lineHeight(size, 1.5);
    for (const [label, value] of rows) {
      const v = value && value.trim() ? value : t.frame.notSpecified;
      const labelLines = this.wrap(frText(label), labelW - 8, 'bold', size);
      const valueLines = this.wrap(frText(v), this.width - labelW, value && value.trim() ? 'regular' : 'italic', size);
      const n = Math.max(labelLines.length, valueLines.length);
      if (n * lh <= this.bottom - this.contentTop) this.ensure(n * lh + 3);
      for (let i = 0; i < n; i++) {
        if (this.y + lh > this.bottom) this.newPage();
        if (labelLines[i]) this.drawLine(labelLines[i], this.left, this.y, 'bold', size, COLOURS.muted);
        if (valueLines[i]) this.drawLine(valueLines[i], this.left + labelW, this.y, value && value.trim() ? 'regular' : 'italic', size, value && value.trim() ? COLOURS.ink : COLOURS.faint);
        this.y += lh;
      }
      this.y += 3;
    }
  }

  /** A bulleted list item. */
  bullet(raw: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const indent = (style.indent ?? 0) + 12;
    const lh = this.lineHeight(size, style.lineGap ?? 1.5);
    if (this.y + lh > this.bottom) this.newPage();
    const y = this.y;
    // The bullet is a list mark, not text to read: an artifact, as the rules are.
    this.artifact(() => this.drawLine('•', this.left + indent - 10, y, 'regular', size, style.colour ?? COLOURS.ink));
    this.text(raw, { ...style, indent, after: style.after ?? 2 });
  }

  /** A thin horizontal rule. */
  rule(colour: string = COLOURS.lightRule, gap = 6): void {
    this.space(gap / 2);
    const y = this.y;
    this.decor((doc) => doc.save().moveTo(this.left, y).lineTo(this.right, y).lineWidth(0.5).strokeColor(colour).stroke().restore());
    this.y += gap / 2;
  }

  /** A filled note box (e.g. « aucune décision »). */
  note(raw: string, opts: { colour?: string; fill?: string; size?: number } = {}): void {
    const size = opts.size ?? 9;
    const lines = this.wrap(frText(raw), this.width - 16, 'italic', size);
    const lh = this.lineHeight(size, 1.5);
    const h = lines.length * lh + 10;
    if (h <= this.bottom - this.contentTop) this.ensure(h + 4);
    const y = this.y;
    if (h <= this.remaining) this.decor((doc) => doc.save().rect(this.left, y, this.width, h).fill(opts.fill ?? COLOURS.groupFill).restore());
    this.y += 5;
    for (const line of lines) {
      if (this.y + lh > this.bottom) this.newPage();
      this.drawLine(line, this.left + 8, this.y, 'italic', size, opts.colour ?? COLOURS.muted);
      this.y += lh;
    }
    this.y += 9;
  }

  // ---------- frame ----------
  private loadLogo(): void {
    const path = this.opts.settings.logoPath;
    // A network logo (planted by a restored backup, or on a mapped drive) is never read: that would hand Windows
    // credentials to its server. Layout is synchronous: the last listing of network drives is used (kept fresh by the app).
    if (!path || networkMounts().isNetworkCached(path)) return;
    try {
      // Read only a plain PNG/JPEG file of reasonable size (never a folder, device or pipe named in Paramètres).
      const st = statSync(path);
      if (!st.isFile() || st.size > LOGO_MAX_BYTES || !/\.(png|jpe?g)$/i.test(path)) throw new Error('not a logo image');
      const buf = readFileSync(path);
      // Let pdfkit validate the image now, so that a broken file is reported instead of failing later.
      const probe = (this.doc as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage(buf);
      if (!probe.width || !probe.height) throw new Error('empty image');
      this.logo = buf;
    } catch {
      this.warnings.push(t.warnings.logo(path));
    }
  }

  private drawFrame(): void {
    this.artifact(() => this.drawFrameContent());
    this.y = this.contentTop;
    this.doc.x = this.left;
    this.doc.y = this.y;
    this.onNewPage?.();
  }

  private drawFrameContent(): void {
    const doc = this.doc;
    const s = this.opts.settings;
    const top = doc.page.margins.top;
    const conf = this.opts.confidentiality;
    if (conf === 'confidential') this.drawWatermark();
    let x = this.left;
    if (this.logo) {
      try {
        doc.image(this.logo, x, top, { fit: [48, 28], valign: 'center' });
        x += 56;
      } catch {
        this.logo = undefined;
      }
    }
    const half = (this.right - x) * 0.42;
    const commune = headerAuthority(s, t.frame.defaultCommune);
    const communeLines = this.wrap(frText(commune.toUpperCase()), half - 6, 'bold', 9);
    const communeLine = communeLines.length > 1 ? `${communeLines[0].slice(0, -1).trimEnd()}…` : (communeLines[0] ?? '');
    this.drawLine(communeLine, x, top + 1, 'bold', 9, COLOURS.accent);
    const council = this.wrap(s.councilName || s.councilAcronym, half - 6, 'regular', 7);
    if (council.length > 2) council[1] = `${council[1].slice(0, -1).trimEnd()}…`;
    council.slice(0, 2).forEach((l, i) => this.drawLine(l, x, top + 13 + i * 8.5, 'regular', 7, COLOURS.muted));
    const titleW = this.right - x - half;
    const titleLines = this.wrap(frText(this.opts.title), titleW, 'bold', 9);
    const title = titleLines.length > 1 ? ellipsis(titleLines[0], Math.max(10, titleLines[0].length - 1)) : titleLines[0];
    this.drawAligned(title ?? '', x + half, top + 1, titleW, 'right', 'bold', 9, COLOURS.ink);
    if (this.opts.dateLabel) this.drawAligned(printable(frText(this.opts.dateLabel), 'regular'), x + half, top + 13, titleW, 'right', 'regular', 7.5, COLOURS.muted);
    const ruleY = top + HEADER_HEIGHT - 4;
    doc.save().moveTo(this.left, ruleY).lineTo(this.right, ruleY).lineWidth(0.8).strokeColor(COLOURS.accent).stroke().restore();
    if (conf === 'confidential') {
      const by = ruleY + 6;
      doc.save().rect(this.left, by, this.width, BANNER_HEIGHT).lineWidth(0.8).fillAndStroke(COLOURS.confidentialFill, COLOURS.confidential).restore();
      const banner =
        this.opts.basis === 'csi_l132_5' ? t.marks.confidentialBanner : this.opts.basis === 'casf_l141_1' ? t.marks.confidentialBannerCasf : t.marks.confidentialBannerGeneric;
      const lines = this.wrap(banner, this.width - 12, 'bold', 7.5);
      const size = lines.length > 1 ? 6.5 : 7.5;
      const fitted = lines.length > 1 ? this.wrap(banner, this.width - 12, 'bold', size) : lines;
      fitted.slice(0, 2).forEach((l, i) =>
        this.drawAligned(l, this.left + 6, by + (fitted.length > 1 ? 2.5 + i * 8 : 6), this.width - 12, 'center', 'bold', size, COLOURS.confidential),
      );
    }
  }

  private drawWatermark(): void {
    const doc = this.doc;
    const cx = doc.page.width / 2;
    const cy = doc.page.height / 2;
    const text = t.marks.watermark;
    const size = doc.page.width > doc.page.height ? 80 : 68;
    const w = this.widthOf(text, 'bold', size);
    doc.save();
    doc.rotate(-38, { origin: [cx, cy] });
    doc.fillOpacity(0.06).fillColor(COLOURS.confidential);
    doc.font(FONT.bold).fontSize(size).text(text, cx - w / 2, cy - size * 0.6, { lineBreak: false });
    doc.restore();
    // restore() brings back pdfkit's graphic state but not its font bookkeeping: force the next setFont.
    this.face = 'regular';
    this.size = 0;
  }

  /** Starts a new page numbering at the current page (one letter per invitee in a single file). */
  restartNumbering(): void {
    const current = this.pageCount - 1;
    if (!this.sectionStarts.includes(current)) this.sectionStarts.push(current);
  }

  private drawFooters(): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    const total = range.count;
    const starts = [...this.sectionStarts].sort((a, b) => a - b);
    const numbering = (i: number): [number, number] => {
      let start = 0;
      let end = total;
      for (const s of starts) {
        if (s <= i) start = s;
        else {
          end = s;
          break;
        }
      }
      return [i - start + 1, end - start];
    };
    const generated = t.frame.generated(formatShortDate(this.opts.now.toISOString()), formatTime(`${String(this.opts.now.getHours()).padStart(2, '0')}:${String(this.opts.now.getMinutes()).padStart(2, '0')}`));
    for (let i = 0; i < total; i++) {
      doc.switchToPage(range.start + i);
      // Writing below the bottom margin makes pdfkit add a page: lift the margin while the footer is written.
      const saved = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      this.artifactDepth++;
      doc.markContent('Artifact', { type: 'Pagination' });
      const fy = doc.page.height - saved - FOOTER_HEIGHT + 10;
      doc.save().moveTo(this.left, fy).lineTo(this.right, fy).lineWidth(0.5).strokeColor(COLOURS.rule).stroke().restore();
      this.face = 'regular';
      this.size = 0;
      this.drawLine(generated, this.left, fy + 5, 'regular', 7, COLOURS.muted);
      const mark =
        this.opts.confidentiality === 'confidential'
          ? t.marks.confidentialFooter
          : this.opts.confidentiality === 'restricted'
            ? t.marks.restrictedFooter
            : '';
      if (mark) this.drawAligned(mark, this.left, fy + 5, this.width, 'center', 'bold', 7.5, this.opts.confidentiality === 'confidential' ? COLOURS.confidential : COLOURS.ink);
      this.drawAligned(t.frame.page(...numbering(i)), this.left, fy + 5, this.width, 'right', 'regular', 8, COLOURS.ink);
      doc.endMarkedContent();
      this.artifactDepth--;
      doc.page.margins.bottom = saved;
    }
  }

  /** Writes the footers on every page and returns the PDF bytes. */
  async finish(): Promise<Buffer> {
    this.drawFooters();
    this.doc.end();
    return this.done;
  }
}
