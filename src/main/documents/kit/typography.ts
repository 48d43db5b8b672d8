// French typography for printed text: non-breaking spaces, apostrophes, control characters, missing glyphs.
import { type Face, hasGlyph } from './fonts';

/** Shown in place of a character the font cannot draw (visible, never a crash). */
export const MISSING_GLYPH = '□';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

/**
 * Cleans text typed by users before it is printed: removes control characters (keeping line breaks),
 * turns tabs into spaces, uses typographic apostrophes and French non-breaking spaces
 * (before « : » and inside guillemets an ordinary non-breaking space, before « ; ! ? » a narrow one).
 */
export function frText(input: string | undefined | null): string {
  if (!input) return '';
  let s = input.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  // C0/C1 controls, bidi overrides and other invisible format characters that confuse layout.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  s = s.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufff9-\ufffb]/g, '');
  s = s.replace(/(\p{L})'(?=\p{L})/gu, '$1’');
  s = s.replace(/(^|[\s(])'(?=\S)/gu, '$1‘').replace(/'/g, '’');
  // « text » → non-breaking spaces inside the guillemets, whether or not the user typed spaces.
  s = s.replace(/«[ \u00a0\u202f]*/g, `«${NBSP}`).replace(/[ \u00a0\u202f]*»/g, `${NBSP}»`);
  // Space (or none, after a word) before ; ! ? → narrow non-breaking space; before : → non-breaking space.
  // Only when the sign ends a word (followed by a space or the end), so URLs and clock times stay intact.
  s = s.replace(/(\S)[ \u00a0\u202f]*([;!?]+)(?=\s|$)/gu, (_m, before: string, signs: string) =>
    /[;!?]/.test(before) ? `${before}${signs}` : `${before}${NNBSP}${signs}`,
  );
  s = s.replace(/(\S)[ \u00a0\u202f]*:(?=\s|$)/gu, (_m, before: string) => (before === ':' ? '::' : `${before}${NBSP}:`));
  // « n° 12 », « 12 h 30 », « 25 % », « 12 € »: keep the number with its sign.
  s = s.replace(/\b(n°|N°|p\.|art\.) (?=\S)/g, `$1${NBSP}`).replace(/(\d) (%|€|h\b)/g, `$1${NBSP}$2`);
  return s;
}

/** Replaces characters the face cannot draw with a visible placeholder (grapheme-aware for emoji sequences). */
export function printable(text: string, face: Face): string {
  let out = '';
  let lastWasMissing = false;
  let joined = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a) {
      out += ch;
      lastWasMissing = false;
      continue;
    }
    // Joiners, variation selectors and skin tones of an emoji sequence vanish with the emoji they belong to,
    // and a sequence joined by U+200D shows as one placeholder.
    if (cp === 0x200d) {
      joined = lastWasMissing;
      continue;
    }
    if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x1f3fb && cp <= 0x1f3ff)) {
      if (lastWasMissing || !hasGlyph(face, cp)) continue;
    }
    if (joined && !hasGlyph(face, cp)) {
      joined = false;
      continue;
    }
    joined = false;
    if (cp < 0x20) continue;
    if (hasGlyph(face, cp)) {
      out += ch;
      lastWasMissing = false;
    } else {
      out += MISSING_GLYPH;
      lastWasMissing = true;
    }
  }
  return out;
}

/** Cuts text to at most `max` characters with an ellipsis (for running headers and table summaries). */
export function ellipsis(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
