// The page frame drawn on each new page: logo, commune and council, title and date, confidential banner and watermark.
import { readFileSync, statSync } from 'node:fs';
import { networkMounts } from '../../network-mounts';
import { documents as t } from '../../../shared/i18n/documents';
import { headerAuthority } from '../../../shared/council';
import type { PdfDoc } from './document';
import { FONT } from './fonts';
import { BANNER_HEIGHT, COLOURS, HEADER_HEIGHT } from './style';
import { ellipsis, frText, printable } from './typography';

/** A council logo is a small picture; anything larger is not read. */
const LOGO_MAX_BYTES = 5 * 1024 * 1024;

/** Reads the council's logo named in Paramètres, or returns undefined (with a warning when it cannot be used). */
export function loadLogo(pd: PdfDoc): Buffer | undefined {
  const path = pd.opts.settings.logoPath;
  // A network logo (planted by a restored backup, or on a mapped drive) is never read: that would hand Windows
  // credentials to its server. Layout is synchronous: the last listing of network drives is used (kept fresh by the app).
  if (!path || networkMounts().isNetworkCached(path)) return undefined;
  try {
    // Read only a plain PNG/JPEG file of reasonable size (never a folder, device or pipe named in Paramètres).
    const st = statSync(path);
    if (!st.isFile() || st.size > LOGO_MAX_BYTES || !/\.(png|jpe?g)$/i.test(path)) throw new Error('not a logo image');
    const buf = readFileSync(path);
    // Let pdfkit validate the image now, so that a broken file is reported instead of failing later.
    const probe = (pd.doc as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage(buf);
    if (!probe.width || !probe.height) throw new Error('empty image');
    return buf;
  } catch {
    pd.warnings.push(t.warnings.logo(path));
    return undefined;
  }
}

/** Draws the running header (and, on confidential documents, the banner and watermark); returns false if the logo failed. */
export function drawFrameContent(pd: PdfDoc, logo: Buffer | undefined): boolean {
  const doc = pd.doc;
  const s = pd.opts.settings;
  const top = doc.page.margins.top;
  const conf = pd.opts.confidentiality;
  let logoOk = true;
  if (conf === 'confidential') drawWatermark(pd);
  let x = pd.left;
  if (logo) {
    try {
      doc.image(logo, x, top, { fit: [48, 28], valign: 'center' });
      x += 56;
    } catch {
      logoOk = false;
    }
  }
  const half = (pd.right - x) * 0.42;
  const commune = headerAuthority(s, t.frame.defaultCommune);
  const communeLines = pd.wrap(frText(commune.toUpperCase()), half - 6, 'bold', 9);
  const communeLine = communeLines.length > 1 ? `${communeLines[0].slice(0, -1).trimEnd()}…` : (communeLines[0] ?? '');
  pd.drawLine(communeLine, x, top + 1, 'bold', 9, COLOURS.accent);
  const council = pd.wrap(s.councilName || s.councilAcronym, half - 6, 'regular', 7);
  if (council.length > 2) council[1] = `${council[1].slice(0, -1).trimEnd()}…`;
  council.slice(0, 2).forEach((l, i) => pd.drawLine(l, x, top + 13 + i * 8.5, 'regular', 7, COLOURS.muted));
  const titleW = pd.right - x - half;
  const titleLines = pd.wrap(frText(pd.opts.title), titleW, 'bold', 9);
  const title = titleLines.length > 1 ? ellipsis(titleLines[0], Math.max(10, titleLines[0].length - 1)) : titleLines[0];
  pd.drawAligned(title ?? '', x + half, top + 1, titleW, 'right', 'bold', 9, COLOURS.ink);
  if (pd.opts.dateLabel) pd.drawAligned(printable(frText(pd.opts.dateLabel), 'regular'), x + half, top + 13, titleW, 'right', 'regular', 7.5, COLOURS.muted);
  const ruleY = top + HEADER_HEIGHT - 4;
  doc.save().moveTo(pd.left, ruleY).lineTo(pd.right, ruleY).lineWidth(0.8).strokeColor(COLOURS.accent).stroke().restore();
  if (conf === 'confidential') drawBanner(pd, ruleY + 6);
  return logoOk;
}

/** The confidential banner under the header, citing the text that makes the document confidential. */
function drawBanner(pd: PdfDoc, by: number): void {
  pd.doc.save().rect(pd.left, by, pd.width, BANNER_HEIGHT).lineWidth(0.8).fillAndStroke(COLOURS.confidentialFill, COLOURS.confidential).restore();
  const basis = pd.opts.basis;
  const banner = basis === 'csi_l132_5' ? t.marks.confidentialBanner : basis === 'casf_l141_1' ? t.marks.confidentialBannerCasf : t.marks.confidentialBannerGeneric;
  const lines = pd.wrap(banner, pd.width - 12, 'bold', 7.5);
  const size = lines.length > 1 ? 6.5 : 7.5;
  const fitted = lines.length > 1 ? pd.wrap(banner, pd.width - 12, 'bold', size) : lines;
  fitted.slice(0, 2).forEach((l, i) =>
    pd.drawAligned(l, pd.left + 6, by + (fitted.length > 1 ? 2.5 + i * 8 : 6), pd.width - 12, 'center', 'bold', size, COLOURS.confidential),
  );
}

function drawWatermark(pd: PdfDoc): void {
  const doc = pd.doc;
  const cx = doc.page.width / 2;
  const cy = doc.page.height / 2;
  const text = t.marks.watermark;
  const size = doc.page.width > doc.page.height ? 80 : 68;
  const w = pd.widthOf(text, 'bold', size);
  doc.save();
  doc.rotate(-38, { origin: [cx, cy] });
  doc.fillOpacity(0.06).fillColor(COLOURS.confidential);
  doc.font(FONT.bold).fontSize(size).text(text, cx - w / 2, cy - size * 0.6, { lineBreak: false });
  doc.restore();
  // restore() brings back pdfkit's graphic state but not its font bookkeeping: force the next setFont.
  pd.forgetFont();
}
