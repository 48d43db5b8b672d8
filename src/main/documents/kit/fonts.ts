// Locates the embedded DejaVu fonts and parses each face once per process (parsing costs ~1.5 s, reuse ~0).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import PDFDocument from 'pdfkit';
import { documents as t } from '../../../shared/i18n/documents';
import { DomainError } from '../../../shared/result';

export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** The parts of a parsed fontkit font the kit uses (pdfkit embeds the same object). */
export interface FontkitFont {
  readonly postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): unknown;
}

/**
 * Parses a font with pdfkit's own fontkit (no second copy of fontkit in the bundle): a throwaway pdfkit
 * document opens it and hands back the parsed font object, which later documents embed directly.
 */
function parseFont(buf: Buffer, name: string): FontkitFont {
  const probe = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  probe.registerFont(name, buf);
  probe.font(name);
  const parsed = (probe as unknown as { _font?: { font?: FontkitFont } })._font?.font;
  if (!parsed || typeof parsed.layout !== 'function') throw new Error(`font ${name} not parsed`);
  return parsed;
}

const FILES: Record<Face, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
};

/** The pdfkit font names used by every document. */
export const FONT: Record<Face, string> = {
  regular: 'Body',
  bold: 'Body-Bold',
  italic: 'Body-Italic',
  boldItalic: 'Body-BoldItalic',
};

function hasFonts(dir: string): boolean {
  return existsSync(join(dir, FILES.regular));
}

/**
 * The folder holding the fonts: CLSPD_FONTS_DIR (tests), then the packaged app's resources
 * (electron-builder copies resources/ as extraResources), then resources/fonts found by walking up
 * from this module (development, CLI, tests).
 */
export function fontsDir(): string {
  const override = process.env.CLSPD_FONTS_DIR;
  if (override) return resolve(override);
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) {
    for (const dir of [join(resourcesPath, 'fonts'), join(resourcesPath, 'resources', 'fonts')]) if (hasFonts(dir)) return dir;
  }
  const starts = [typeof __dirname === 'string' ? __dirname : undefined, process.cwd()].filter((s): s is string => !!s);
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 12; i++) {
      const candidate = join(dir, 'resources', 'fonts');
      if (hasFonts(candidate)) return candidate;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new DomainError('io', t.errors.fontsMissing);
}

export interface FontSet {
  dir: string;
  faces: Record<Face, FontkitFont>;
}

let cache: FontSet | undefined;
let parses = 0;

/** How many times font files were parsed in this process (tests check that it stays at one set). */
export function fontParseCount(): number {
  return parses;
}

/** The parsed font set, parsed on first use and cached for the life of the process. */
export function loadFonts(): FontSet {
  const dir = fontsDir();
  if (cache && cache.dir === dir) return cache;
  const faces = {} as Record<Face, FontkitFont>;
  for (const face of Object.keys(FILES) as Face[]) {
    const file = join(dir, FILES[face]);
    let buf: Buffer;
    try {
      buf = readFileSync(file);
    } catch {
      throw new DomainError('io', t.errors.fontMissing(FILES[face], dir));
    }
    try {
      faces[face] = parseFont(buf, FILES[face]);
    } catch {
      throw new DomainError('io', t.errors.fontUnreadable(FILES[face], dir));
    }
    parses++;
  }
  cache = { dir, faces };
  return cache;
}

const coverage: Record<Face, Map<number, boolean>> = { regular: new Map(), bold: new Map(), italic: new Map(), boldItalic: new Map() };

/** Forgets the parsed faces and what was learnt from them: the next document parses the files again. */
export function resetFontCache(): void {
  cache = undefined;
  for (const m of Object.values(coverage)) m.clear();
}

/** Whether the face draws this code point (cached: fontkit's cmap lookup is cheap but called per character). */
export function hasGlyph(face: Face, codePoint: number): boolean {
  const m = coverage[face];
  let v = m.get(codePoint);
  if (v === undefined) {
    v = loadFonts().faces[face].hasGlyphForCodePoint(codePoint);
    m.set(codePoint, v);
  }
  return v;
}
