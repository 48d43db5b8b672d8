// A document being written: the pdfkit document with its fonts and metadata, geometry, page breaks, drawing of lines and the block API.
import PDFDocument from 'pdfkit';
import { documents as t } from '../../../shared/i18n/documents';
import { fieldsBlock, headingBlock, measureBlock, noteBlock, Outline, ruleBlock, textBlock } from './blocks';
import { FONT, type Face, loadFonts } from './fonts';
import { drawFooters } from './footer';
import { drawFrameContent, loadLogo } from './frame';
import { hasCurrentFont, shareLayoutCache, trimSharedLayouts } from './layout-cache';
import { drawBidi, RTL, wrapLines } from './line-layout';
import { escapeXmpInfo } from './metadata';
import { bulletBlock, bulletList, listBlock } from './lists';
import { COLOURS, type DocumentOptions, FOOTER_HEIGHT, HEADER_HEIGHT, BANNER_HEIGHT, MM, type TextStyle } from './style';
import { StructureTagger } from './tagging';
import { printable } from './typography';

export { COLOURS, MM, type DocumentOptions, type TextStyle } from './style';

/** A document being written: a pdfkit document plus the page frame and a vertical cursor. */
export class PdfDoc {
  readonly doc: PDFKit.PDFDocument;
  readonly warnings: string[] = [];
  readonly opts: DocumentOptions;
  /** Tagged PDF: where drawn text goes in the structure tree (blocks, artifacts, figures). */
  readonly tags: StructureTagger;
  /** Vertical cursor, in points from the top of the page. */
  y = 0;
  private logo: Buffer | undefined;
  private face: Face = 'regular';
  private size = 10;
  private readonly outline = new Outline();
  private sectionStarts: number[] = [0];
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
    escapeXmpInfo(this.doc);
    for (const face of Object.keys(FONT) as Face[]) {
      // pdfkit accepts an already parsed fontkit font: the files are parsed once per process.
      this.doc.registerFont(FONT[face], fonts.faces[face] as unknown as string);
    }
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.tags = new StructureTagger(this.doc);
    this.logo = loadLogo(this);
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
    this.tags.acrossPage(() => this.doc.addPage());
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
    if (this.face !== face || this.size !== size || !hasCurrentFont(this.doc)) {
      this.doc.font(FONT[face]).fontSize(size);
      this.face = face;
      this.size = size;
      shareLayoutCache(this.doc, face);
    } else {
      this.doc.fontSize(size);
    }
  }

  /** Forgets which font is current (after drawing that bypassed `setFont`): the next `setFont` sets it again. */
  forgetFont(): void {
    this.face = 'regular';
    this.size = 0;
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
    return wrapLines(this.doc, printable(raw, face), width);
  }

  // ---------- drawing lines ----------
  /** Draws one line of text with its top at (x, y), no wrapping, no page break, tagged in the current block. */
  drawLine(text: string, x: number, y: number, face: Face, size: number, colour: string = COLOURS.ink): void {
    if (!text) return;
    this.setFont(face, size);
    const doc = this.doc;
    doc.fillColor(colour);
    this.tags.content(() => (RTL.test(text) ? drawBidi(doc, text, x, y) : doc.text(text, x, y, { lineBreak: false })));
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

  // ---------- tagging (see StructureTagger) ----------
  /** Runs `draw` with its text tagged under a new structure element of type `tag` (P, H1, TD…), child of `parent`. */
  tagged<T>(tag: string, draw: () => T, parent?: PDFKit.PDFStructureElement): T {
    return this.tags.tagged(tag, draw, parent);
  }

  /** Creates a structure element (Table, TR…) attached to the current block, to pass to `tagged`. */
  structure(tag: string, parent?: PDFKit.PDFStructureElement): PDFKit.PDFStructureElement {
    return this.tags.structure(tag, parent);
  }

  /** Runs `draw` with text going into an existing structure element. */
  inBlock<T>(elem: PDFKit.PDFStructureElement, tag: string, draw: () => T): T {
    return this.tags.inBlock(elem, tag, draw);
  }

  /** Runs `draw` as decoration (page frame, repeated table headers): not part of the reading order. */
  artifact<T>(draw: () => T): T {
    return this.tags.artifact(draw);
  }

  /**
   * Draws rules, borders, bars and backgrounds: an artifact (PDF/UA), or part of the figure being drawn.
   * Every vector drawing of the documents goes through here so that no page content is left unmarked.
   */
  decor(draw: (doc: PDFKit.PDFDocument) => void): void {
    this.tags.decor(draw);
  }

  /**
   * Draws a chart as one Figure of the structure tree whose alternative text (`alt`, with every number) is what
   * assistive technologies read; the bars and labels inside are its content, not separate paragraphs.
   */
  figure<T>(alt: string, draw: () => T): T {
    return this.tags.figure(alt, draw);
  }

  // ---------- flowing blocks (see blocks.ts) ----------
  /** A paragraph of user or catalogue text, flowing over as many pages as needed. */
  text(raw: string, style: TextStyle = {}): void {
    textBlock(this, raw, style);
  }

  /** Height `text` would take with this style (for keep-together decisions). */
  measure(raw: string, style: TextStyle = {}): number {
    return measureBlock(this, raw, style);
  }

  /** A section heading, kept with the lines that follow it, with a bookmark in the outline. */
  heading(raw: string, level: 1 | 2 | 3 = 1, opts: { outline?: boolean; keepWith?: number } = {}): void {
    headingBlock(this, raw, level, opts.keepWith);
    if (opts.outline !== false) this.bookmark(raw, level);
  }

  /** Adds an outline entry at the current page, nested under the last entry of a lower level. */
  bookmark(raw: string, level: number): void {
    this.outline.add(this.doc, raw, level);
  }

  /** Label / value pairs in two columns, e.g. the fields of a fiche action. */
  fields(rows: [string, string | undefined][], opts: { labelWidth?: number; size?: number } = {}): void {
    fieldsBlock(this, rows, opts);
  }

  /** A bulleted list item: an item of the list being drawn by `list`, or a list of one item. */
  bullet(raw: string, style: TextStyle = {}): void {
    bulletBlock(this, raw, style);
  }

  /** Runs `draw` with the bullets it draws tagged as the items of one list. */
  list<T>(draw: () => T): T {
    return listBlock(this, draw);
  }

  /** A bulleted list: one item per text. */
  bullets(items: readonly string[], style: TextStyle = {}): void {
    bulletList(this, items, style);
  }

  /** A thin horizontal rule. */
  rule(colour: string = COLOURS.lightRule, gap = 6): void {
    ruleBlock(this, colour, gap);
  }

  /** A filled note box (e.g. « aucune décision »). */
  note(raw: string, opts: { colour?: string; fill?: string; size?: number } = {}): void {
    noteBlock(this, raw, opts);
  }

  // ---------- frame and footers ----------
  private drawFrame(): void {
    this.artifact(() => {
      if (!drawFrameContent(this, this.logo)) this.logo = undefined;
    });
    this.y = this.contentTop;
    this.doc.x = this.left;
    this.doc.y = this.y;
    this.onNewPage?.();
  }

  /** Starts a new page numbering at the current page (one letter per invitee in a single file). */
  restartNumbering(): void {
    const current = this.pageCount - 1;
    if (!this.sectionStarts.includes(current)) this.sectionStarts.push(current);
  }

  /** Writes the footers on every page and returns the PDF bytes. */
  async finish(): Promise<Buffer> {
    drawFooters(this, this.tags, this.sectionStarts);
    this.doc.end();
    return this.done;
  }
}
