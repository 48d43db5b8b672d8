// Text layouts shared between documents: pdfkit's per-font layout cache, kept once per face for the whole process and bounded.
import type { Face } from './fonts';

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

/** Empties the shared layout caches (the parsed faces they refer to are being replaced). */
export function clearSharedLayouts(): void {
  for (const face of Object.keys(sharedLayoutCaches) as Face[]) sharedLayoutCaches[face] = Object.create(null);
}

/** Keeps the shared layout caches bounded (checked once per document). */
export function trimSharedLayouts(): void {
  for (const face of Object.keys(sharedLayoutCaches) as Face[]) {
    if (Object.keys(sharedLayoutCaches[face]).length > MAX_SHARED_LAYOUTS) sharedLayoutCaches[face] = Object.create(null);
  }
}

/** True once pdfkit has a current font (none before the first `font()` call). */
export function hasCurrentFont(doc: PDFKit.PDFDocument): boolean {
  return !!(doc as unknown as PdfDocInternals)._font;
}

/** Points the document's current font at the shared layout cache of `face`. */
export function shareLayoutCache(doc: PDFKit.PDFDocument, face: Face): void {
  const f = (doc as unknown as PdfDocInternals)._font;
  if (!f || f.layoutCache === sharedLayoutCaches[face]) return;
  f.layoutCache = sharedLayoutCaches[face];
}
