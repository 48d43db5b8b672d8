// The XMP metadata of the documents: pdfkit copies the title, author, subject and keywords into XML without escaping them.
interface PdfkitMetadataInternals {
  info: Record<string, unknown>;
  _addInfo(): void;
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes the characters XML gives a meaning to (& < > " '). */
export function xmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

/**
 * Makes pdfkit write the document information into the XMP metadata as escaped XML text, so that a title such
 * as « Prévention & tranquillité » leaves the metadata well formed (PDF/UA reads the title from it). The Info
 * dictionary, written before the metadata, keeps the plain text.
 */
export function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as PdfkitMetadataInternals;
  const addInfo = internals._addInfo;
  if (typeof addInfo !== 'function') return;
  internals._addInfo = function addEscapedInfo(this: PdfkitMetadataInternals) {
    const plain = this.info;
    this.info = Object.fromEntries(Object.entries(plain).map(([key, value]) => [key, typeof value === 'string' ? xmlText(value) : value]));
    try {
      addInfo.call(this);
    } finally {
      this.info = plain;
    }
  };
}
