// Test helper: a small reader of the PDFs pdfkit writes (objects, content streams, structure tree) to check PDF/UA tagging.
import { asDict, nameOf, type PdfObject, PdfLexer, type PdfValue, readObjects, refOf, textOf } from './pdf-objects';

/** Operators that put marks on the page: text showing, path painting, shadings, XObjects, inline images. */
const PAINTING = new Set(['Tj', 'TJ', "'", '"', 'S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'BI']);

export interface StructElem {
  num: number;
  type: string;
  parent?: number;
  kids: number[];
  /** Marked-content ids this element owns, with the page object they are on. */
  mcids: { page: number | undefined; mcid: number }[];
  alt?: string;
  scope?: string;
  /** Annotations (object references, OBJR) this element owns, e.g. a Link's link annotation. */
  objrs: number[];
}

export interface TaggingReport {
  pages: number;
  /** Human-readable problems, empty when the document is fully tagged. */
  problems: string[];
  elems: Map<number, StructElem>;
  /** Painting operators counted inside artifacts and inside tagged content. */
  artifactOps: number;
  taggedOps: number;
  /** Link annotations found (each checked: described, and tied to a Link element that owns it). */
  links: PdfLink[];
}

export interface PdfLink {
  /** Page (1-based) holding the link, and page it goes to (1-based, for a GoTo to a page of the document). */
  page: number;
  target?: number;
  contents: string;
}

function structElems(objects: Map<number, PdfObject>): Map<number, StructElem> {
  const out = new Map<number, StructElem>();
  for (const [num, o] of objects) {
    const d = asDict(o.value);
    const type = nameOf(d.S);
    if (!type || d.Type && nameOf(d.Type) !== 'StructElem') continue;
    const page = refOf(d.Pg);
    const kids: number[] = [];
    const mcids: StructElem['mcids'] = [];
    const objrs: number[] = [];
    const k = d.K;
    for (const kid of Array.isArray(k) ? k : k === undefined || k === null ? [] : [k]) {
      if (typeof kid === 'number') mcids.push({ page, mcid: kid });
      else if (refOf(kid) !== undefined) kids.push(refOf(kid)!);
      else {
        const kd = asDict(kid);
        if (nameOf(kd.Type) === 'MCR' && typeof kd.MCID === 'number') mcids.push({ page: refOf(kd.Pg) ?? page, mcid: kd.MCID });
        if (nameOf(kd.Type) === 'OBJR' && refOf(kd.Obj) !== undefined) objrs.push(refOf(kd.Obj)!);
      }
    }
    const a = d.A;
    const attrs = Array.isArray(a) ? a.map(asDict) : [asDict(a)];
    const scope = attrs.map((x) => nameOf(x.Scope)).find(Boolean);
    out.set(num, { num, type, parent: refOf(d.P), kids, mcids, alt: textOf(d.Alt), scope, objrs });
  }
  return out;
}

/** The ParentTree: a page's StructParents key → struct element per MCID; an annotation's StructParent key → its element. */
function parentTree(objects: Map<number, PdfObject>, root: Record<string, PdfValue>): Map<number, (number | undefined)[]> {
  const out = new Map<number, (number | undefined)[]>();
  const visit = (v: PdfValue | undefined) => {
    const node = refOf(v) !== undefined ? objects.get(refOf(v)!)?.value : v;
    const d = asDict(node);
    const nums = d.Nums;
    if (Array.isArray(nums)) {
      for (let i = 0; i + 1 < nums.length; i += 2) {
        const key = nums[i] as number;
        const raw = nums[i + 1];
        const val = refOf(raw) !== undefined ? objects.get(refOf(raw)!)?.value : raw;
        out.set(key, Array.isArray(val) ? val.map(refOf) : [refOf(raw)]);
      }
    }
    if (Array.isArray(d.Kids)) d.Kids.forEach(visit);
  };
  visit(root.ParentTree);
  return out;
}

/**
 * Checks that every painting operator of every page is inside a marked-content sequence that is either an
 * Artifact or tagged with an MCID the structure tree's ParentTree ties to a structure element owning it.
 */
export function checkTagging(pdf: Buffer): TaggingReport {
  const objects = readObjects(pdf);
  const problems: string[] = [];
  const trailerRoot = /\/Root (\d+) 0 R/.exec(pdf.toString('latin1', pdf.lastIndexOf('trailer')));
  const catalog = asDict(objects.get(Number(trailerRoot?.[1]))?.value);
  const treeRoot = asDict(objects.get(refOf(catalog.StructTreeRoot) ?? -1)?.value);
  if (!catalog.StructTreeRoot) problems.push('no StructTreeRoot in the catalog');
  if (asDict(objects.get(refOf(catalog.MarkInfo) ?? -1)?.value ?? catalog.MarkInfo).Marked !== true) problems.push('MarkInfo /Marked is not true');
  const tree = parentTree(objects, treeRoot);
  const elems = structElems(objects);
  const pages: number[] = [];
  const walkPages = (ref: number | undefined) => {
    const d = asDict(objects.get(ref ?? -1)?.value);
    if (nameOf(d.Type) === 'Pages') (Array.isArray(d.Kids) ? d.Kids : []).forEach((k) => walkPages(refOf(k)));
    else if (nameOf(d.Type) === 'Page' && ref !== undefined) pages.push(ref);
  };
  walkPages(refOf(catalog.Pages));
  let artifactOps = 0;
  let taggedOps = 0;
  const links: PdfLink[] = [];
  pages.forEach((pageRef, index) => {
    const where = `page ${index + 1}`;
    const page = asDict(objects.get(pageRef)?.value);
    for (const link of checkLinks(objects, tree, elems, page, where, problems)) links.push({ ...link, page: index + 1, target: link.target && pages.indexOf(link.target) + 1 });
    const contents = Array.isArray(page.Contents) ? page.Contents.map(refOf) : [refOf(page.Contents)];
    const body = Buffer.concat(contents.map((c) => objects.get(c ?? -1)?.stream ?? Buffer.alloc(0)).flatMap((b) => [b, Buffer.from('\n')]));
    const key = page.StructParents;
    const owners = typeof key === 'number' ? tree.get(key) : undefined;
    const lx = new PdfLexer(body);
    const operands: PdfValue[] = [];
    const stack: { tag: string; mcid?: number }[] = [];
    while (!lx.done) {
      const tok = lx.next();
      if (!(tok && typeof tok === 'object' && 'op' in tok)) {
        operands.push(tok);
        continue;
      }
      const op = tok.op;
      if (op === 'BMC') stack.push({ tag: nameOf(operands[0]) ?? '?' });
      else if (op === 'BDC') {
        const props = asDict(operands[1]);
        const mcid = typeof props.MCID === 'number' ? props.MCID : undefined;
        const tag = nameOf(operands[0]) ?? '?';
        stack.push({ tag, mcid });
        if (mcid !== undefined) {
          if (stack.length > 1) problems.push(`${where}: tagged content MCID ${mcid} (${tag}) nested inside another sequence`);
          const owner = owners?.[mcid];
          if (owner === undefined) problems.push(`${where}: MCID ${mcid} (${tag}) is not tied to a structure element in the ParentTree`);
          else if (!elems.get(owner)?.mcids.some((x) => x.mcid === mcid && (x.page === undefined || x.page === pageRef)))
            problems.push(`${where}: structure element ${owner} does not list MCID ${mcid} among its kids`);
        }
      } else if (op === 'EMC') {
        if (!stack.pop()) problems.push(`${where}: EMC without an open sequence`);
      } else if (PAINTING.has(op)) {
        const outer = stack[0];
        if (!outer) problems.push(`${where}: « ${op} » outside any marked-content sequence`);
        else if (outer.tag === 'Artifact') artifactOps++;
        else if (outer.mcid !== undefined) taggedOps++;
        else problems.push(`${where}: « ${op} » in a /${outer.tag} sequence that is neither an artifact nor tagged`);
      }
      if (op === 'BI') {
        // Inline image data runs to « EI »: pdfkit never writes one, but do not parse the binary as tokens.
        const end = body.indexOf('EI', lx.pos);
        lx.pos = end < 0 ? body.length : end + 2;
      }
      operands.length = 0;
    }
    if (stack.length) problems.push(`${where}: ${stack.length} marked-content sequence(s) left open`);
  });
  return { pages: pages.length, problems: [...new Set(problems)], elems, artifactOps, taggedOps, links };
}

/**
 * Checks a page's link annotations (PDF/UA 7.18): each has a description (Contents) and a StructParent the
 * ParentTree ties to a Link element that owns it (OBJR); a page with annotations gives them in structure order (Tabs S).
 * Returns the page's links: their description and the page object a GoTo action points to.
 */
function checkLinks(objects: Map<number, PdfObject>, tree: Map<number, (number | undefined)[]>, elems: Map<number, StructElem>, page: Record<string, PdfValue>, where: string, problems: string[]): { contents: string; target?: number }[] {
  const annots = Array.isArray(page.Annots) ? page.Annots : [];
  if (annots.length && nameOf(page.Tabs) !== 'S') problems.push(`${where}: annotations without /Tabs /S`);
  const links: { contents: string; target?: number }[] = [];
  const resolve = (v: PdfValue | undefined) => (refOf(v) !== undefined ? objects.get(refOf(v)!)?.value : v);
  for (const a of annots) {
    const ref = refOf(a);
    const d = asDict(resolve(a));
    if (nameOf(d.Subtype) !== 'Link') continue;
    const action = asDict(resolve(d.A));
    const dest = resolve(action.D);
    const contents = textOf(d.Contents) ?? '';
    links.push({ contents, target: nameOf(action.S) === 'GoTo' && Array.isArray(dest) ? refOf(dest[0]) : undefined });
    if (!contents.trim()) problems.push(`${where}: link annotation ${ref} has no Contents`);
    const owner = typeof d.StructParent === 'number' ? tree.get(d.StructParent)?.[0] : undefined;
    const elem = owner !== undefined ? elems.get(owner) : undefined;
    if (!elem) problems.push(`${where}: link annotation ${ref} is not tied to a structure element`);
    else if (elem.type !== 'Link' || ref === undefined || !elem.objrs.includes(ref)) problems.push(`${where}: link annotation ${ref} is not owned by a Link element`);
  }
  return links;
}
