// Text folding shared by searches, duplicate checks, imports and file names: one rule for accents and case everywhere.

/** Removes accents: « Éducation » → « Education ». */
export function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Lower-cases and strips accents so « Éducation » matches « education ». */
export function foldText(s: string): string {
  return stripAccents(s).toLowerCase();
}

/** `foldText` with runs of white space made one space and the ends trimmed (matching names typed in a file). */
export function foldWords(s: string): string {
  return foldText(s).replace(/\s+/g, ' ').trim();
}

/** `foldText` with punctuation made space too, so « Saint-Denis » matches « saint denis » (directory search, duplicates). */
export function foldLoose(s: string): string {
  return foldText(s)
    .replace(/[’'`"«»\-_.,;:!?()/]+/g, ' ')
    .replace(/\s+/g, ' ');
}

/** « Mme Anne Durand »: civility (unless `civility: false`), first name and last name, single-spaced. */
export function personLabel(p: { civility?: string; firstName?: string; lastName: string }, opts: { civility?: boolean } = {}): string {
  return [opts.civility === false ? '' : p.civility, p.firstName, p.lastName]
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An e-mail address as the app accepts it (one pattern for forms, IPC and imports). */
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** At most `max` UTF-16 units, cut between characters (never inside an emoji's surrogate pair) and ended by « … » when cut. */
export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}
