// Test helper: PDF/UA rules on a document's structure tree — tables, figures, lists, contents (TOC) and the order of headings.
import type { StructElem } from './pdf-structure';

/** What each grouping element may hold (ISO 32000-1 § 14.8.4, as PDF/UA checkers read it). */
const ALLOWED_KIDS: Record<string, string[]> = {
  Table: ['THead', 'TBody', 'TFoot', 'Caption'],
  THead: ['TR'],
  TBody: ['TR'],
  TFoot: ['TR'],
  TR: ['TH', 'TD'],
  L: ['LI', 'Caption'],
  LI: ['Lbl', 'LBody'],
  TOC: ['TOCI', 'TOC', 'Caption'],
  TOCI: ['Lbl', 'Reference', 'NonStruct', 'P', 'TOC'],
};
/** Elements that only make sense inside a given parent. */
const REQUIRED_PARENT: Record<string, string[]> = {
  LI: ['L'],
  Lbl: ['LI', 'TOCI'],
  LBody: ['LI'],
  TOCI: ['TOC'],
  TR: ['THead', 'TBody', 'TFoot'],
  TH: ['TR'],
  TD: ['TR'],
};

/**
 * Checks the structure: grouping elements hold only what they may (tables of THead/TBody rows, lists of LI
 * with Lbl/LBody, contents of TOCI), list items and contents entries sit in their list / TOC, TH have a scope,
 * tables have a THead, figures an alternative text, every Link owns its link annotation.
 */
export function checkStructure(elems: Map<number, StructElem>): string[] {
  const problems: string[] = [];
  const type = (n: number | undefined) => (n === undefined ? undefined : elems.get(n)?.type);
  for (const e of elems.values()) {
    const allowed = ALLOWED_KIDS[e.type];
    if (allowed) {
      const bad = e.kids.filter((k) => !allowed.includes(type(k) ?? ''));
      if (bad.length) problems.push(`${e.type} ${e.num} holds ${bad.map(type).join(', ')} (only ${allowed.join('/')} allowed)`);
      if (e.mcids.length) problems.push(`${e.type} ${e.num} holds content directly`);
    }
    const parents = REQUIRED_PARENT[e.type];
    if (parents && !parents.includes(type(e.parent) ?? '')) problems.push(`${e.type} ${e.num} is not inside ${parents.join('/')}`);
    if (e.type === 'TH' && e.scope !== 'Column' && e.scope !== 'Row' && e.scope !== 'Both') problems.push(`TH ${e.num} has no Scope`);
    if (e.type === 'Table' && !e.kids.some((k) => type(k) === 'THead')) problems.push(`Table ${e.num} has no THead`);
    if (e.type === 'LI' && !e.kids.some((k) => type(k) === 'LBody')) problems.push(`LI ${e.num} has no LBody`);
    if ((e.type === 'L' || e.type === 'TOC') && !e.kids.length) problems.push(`${e.type} ${e.num} is empty`);
    if (e.type === 'Figure' && !e.alt?.trim()) problems.push(`Figure ${e.num} has no alternative text`);
    if (e.type === 'Link' && !e.objrs.length) problems.push(`Link ${e.num} owns no link annotation`);
  }
  return problems;
}

/** The structure elements in reading order (depth first from the Document element). */
export function readingOrder(elems: Map<number, StructElem>): StructElem[] {
  const roots = [...elems.values()].filter((e) => e.parent === undefined || !elems.has(e.parent));
  const out: StructElem[] = [];
  const visit = (e: StructElem) => {
    out.push(e);
    for (const k of e.kids) {
      const kid = elems.get(k);
      if (kid) visit(kid);
    }
  };
  roots.forEach(visit);
  return out;
}

/** The headings (H1–H6) in reading order, as their levels. */
export function headingLevels(elems: Map<number, StructElem>): number[] {
  return readingOrder(elems).flatMap((e) => (/^H[1-6]$/.test(e.type) ? [Number(e.type[1])] : []));
}

/** Checks that headings nest: the first is an H1 and none goes more than one level deeper than the one before. */
export function checkHeadings(elems: Map<number, StructElem>): string[] {
  const problems: string[] = [];
  let previous = 0;
  headingLevels(elems).forEach((level, i) => {
    if (level > previous + 1) problems.push(`heading ${i + 1} is H${level} after ${previous ? `H${previous}` : 'the start of the document'}`);
    previous = level;
  });
  return problems;
}
