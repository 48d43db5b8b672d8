// Line layout with the document's current font: wrapping text into lines that fit a width, and drawing right-to-left words.
/** Strong right-to-left characters (Hebrew, Arabic and their presentation forms). */
export const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/** Wraps already cleaned text into lines that fit `width` with the current font; words longer than a line are cut. */
export function wrapLines(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
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
        const pieces = cutWord(doc, word, width);
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

function cutWord(doc: PDFKit.PDFDocument, word: string, width: number): string[] {
  const pieces: string[] = [];
  let cur = '';
  let curW = 0;
  for (const ch of word) {
    const w = doc.widthOfString(ch);
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

/**
 * A line with right-to-left words (Hebrew, Arabic): fontkit shapes and orders each word, but the order of
 * consecutive RTL words must be reversed for display, and each word is drawn on its own so that the spaces
 * stay between the words.
 */
export function drawBidi(doc: PDFKit.PDFDocument, text: string, x: number, y: number): void {
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
  const space = doc.widthOfString(' ');
  let cx = x;
  for (const w of visual) {
    if (w) doc.text(w, cx, y, { lineBreak: false });
    cx += doc.widthOfString(w) + space;
  }
}
