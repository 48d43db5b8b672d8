// Minimal typings of fontkit (a pdfkit dependency) for the calls the document kit makes.
declare module 'fontkit' {
  export interface FontkitFont {
    readonly postscriptName: string;
    readonly familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): FontkitFont;
}
