// Tagged PDF bookkeeping of one document: the structure tree's current block, list, heading level, artifacts and chart figures.
/** Sets a structure element's attribute object (`/A << /O owner … >>`): table scope and spans, list numbering. */
export function setAttributes(elem: PDFKit.PDFStructureElement, owner: 'Table' | 'List', attrs: Record<string, string | number | undefined>): void {
  (elem as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = { O: owner, ...attrs };
}

/**
 * Where the text being drawn goes in the structure tree. Each drawn line is marked content of the current block
 * (a lone line becomes its own paragraph); decoration is an Artifact; a chart is one Figure whose marked content
 * is closed and reopened across pages.
 */
export class StructureTagger {
  /** The document's root structure element. */
  readonly root: PDFKit.PDFStructureElement;
  private block: PDFKit.PDFStructureElement | undefined;
  private blockTag = 'P';
  private artifactDepth = 0;
  /** The chart being drawn as one Figure (its content is marked as the figure's, page by page). */
  private figureElem: PDFKit.PDFStructureElement | undefined;
  private figureMarked = false;
  private figureContent: PDFKit.PDFStructureContent | undefined;
  /** The list (L) receiving list items, while one is being drawn. */
  private list: PDFKit.PDFStructureElement | undefined;
  /** Drawn levels of the headings still open (each one below the previous): the headings the next one may nest in. */
  private openHeadings: number[] = [];

  constructor(private readonly doc: PDFKit.PDFDocument) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  /** True while drawing inside an open marked-content sequence (artifact or figure): no nested tagging then. */
  get marking(): boolean {
    return this.artifactDepth > 0 || this.figureMarked;
  }

  /** True when drawn text already has a home: a current block, or an open artifact or figure. */
  get placed(): boolean {
    return !!this.block || this.marking;
  }

  /** Runs `emit` (which draws one line) as marked content of the current block, or of a new paragraph. */
  content(emit: () => void): void {
    if (this.marking) {
      emit();
      return;
    }
    const block = this.block;
    const tag = block ? this.blockTag : 'P';
    const content = this.doc.markStructureContent(tag);
    emit();
    this.doc.endMarkedContent();
    if (block) block.add(content);
    else this.root.add(this.doc.struct('P', {}, [content]));
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

  /**
   * The structure type for a heading drawn at `level`: one level below the open heading it falls under, so that
   * levels are never skipped (a level-3 heading straight under a level-1 one is tagged H2, as are its siblings);
   * its look is left to the caller.
   */
  heading(level: number): string {
    while (this.openHeadings.length && this.openHeadings[this.openHeadings.length - 1] >= level) this.openHeadings.pop();
    this.openHeadings.push(level);
    return `H${Math.min(this.openHeadings.length, 6)}`;
  }

  /** The list being drawn, if any. */
  get currentList(): PDFKit.PDFStructureElement | undefined {
    return this.list;
  }

  /** Runs `draw` with `list` (an L element) receiving the list items drawn meanwhile. */
  inList<T>(list: PDFKit.PDFStructureElement, draw: () => T): T {
    const saved = this.list;
    this.list = list;
    try {
      return draw();
    } finally {
      this.list = saved;
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

  /** Runs `draw` as a pagination artifact (the footers, written once every page exists). */
  pagination(draw: () => void): void {
    this.artifactDepth++;
    this.doc.markContent('Artifact', { type: 'Pagination' });
    draw();
    this.doc.endMarkedContent();
    this.artifactDepth--;
  }

  /** Draws rules, borders, bars and backgrounds: an artifact (PDF/UA), or part of the figure being drawn. */
  decor(draw: (doc: PDFKit.PDFDocument) => void): void {
    if (this.marking) draw(this.doc);
    else this.artifact(() => draw(this.doc));
  }

  /** Draws a chart as one Figure of the structure tree with alternative text `alt`. */
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

  /** Runs `addPage`: a figure's marked-content sequence cannot run across pages, so it is closed and reopened. */
  acrossPage(addPage: () => void): void {
    const inFigure = this.figureMarked;
    if (inFigure) this.closeFigureMark();
    addPage();
    if (inFigure) this.openFigureMark();
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
}
