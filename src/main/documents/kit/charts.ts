// Vector charts drawn directly in the PDF: horizontal bars, a stacked distribution bar, indicator series against target.
// Each chart is one Figure of the structure tree whose alternative text gives every number it shows (PDF/UA).
import { formatNumber, formatShortDate } from '../../../shared/format';
import { documents as t } from '../../../shared/i18n/documents';
import { COLOURS, type PdfDoc } from './document';
import { frText } from './typography';

export interface BarItem {
  label: string;
  value: number;
  colour: string;
  /** Text printed after the bar (defaults to the value). */
  valueLabel?: string;
}

/** Horizontal bars with their label and value; numbers are always printed, so colours are never the only cue. */
export function horizontalBars(pd: PdfDoc, items: BarItem[], opts: { max?: number; labelWidth?: number; barHeight?: number; size?: number; alt?: string } = {}): void {
  const alt = t.charts.alt(opts.alt ?? t.charts.altBars, items.map((it) => t.charts.altItem(it.label, it.valueLabel ?? formatNumber(it.value))));
  pd.figure(alt, () => drawBars(pd, items, opts));
  pd.y += 4;
}

function drawBars(pd: PdfDoc, items: BarItem[], opts: { max?: number; labelWidth?: number; barHeight?: number; size?: number }): void {
  const size = opts.size ?? 8.5;
  const barH = opts.barHeight ?? 9;
  const rowH = Math.max(barH, pd.lineHeight(size)) + 5;
  const labelW = opts.labelWidth ?? Math.min(190, pd.width * 0.38);
  const valueW = 70;
  const barX = pd.left + labelW;
  const barW = pd.width - labelW - valueW;
  const max = opts.max ?? Math.max(1, ...items.map((i) => i.value));
  for (const it of items) {
    pd.ensure(rowH);
    const y = pd.y;
    const label = pd.wrap(frText(it.label), labelW - 8, 'regular', size);
    pd.drawLine(label.length > 1 ? `${label[0].slice(0, -1).trimEnd()}…` : (label[0] ?? ''), pd.left, y + (rowH - 5 - pd.lineHeight(size)) / 2 + 1, 'regular', size, COLOURS.ink);
    const w = max > 0 ? Math.max(0, Math.min(1, it.value / max)) * barW : 0;
    pd.decor((doc) => {
      doc.save().rect(barX, y + 1, barW, barH).fill(COLOURS.zebra).restore();
      if (w > 0) doc.save().rect(barX, y + 1, w, barH).fill(it.colour).restore();
    });
    pd.drawLine(it.valueLabel ?? formatNumber(it.value), barX + barW + 6, y + 1 + (barH - size) / 2 - 0.5, 'bold', size, COLOURS.ink);
    pd.y = y + rowH;
  }
}

export interface Segment {
  label: string;
  value: number;
  colour: string;
}

/** One 100 % bar split by category (status or health counts), with a legend giving every count. */
export function distributionBar(pd: PdfDoc, segments: Segment[], opts: { title?: string; height?: number; size?: number } = {}): void {
  const h = opts.height ?? 12;
  const size = opts.size ?? 8;
  const legendLh = pd.lineHeight(size) + 2;
  pd.ensure(h + legendLh * 2 + (opts.title ? pd.lineHeight(size + 0.5) + 2 : 0) + 8);
  if (opts.title) pd.text(opts.title, { face: 'bold', size: size + 0.5, after: 2 });
  const total = segments.reduce((s, x) => s + x.value, 0);
  const parts = total === 0 ? [t.charts.noData] : [...segments.map((s) => t.charts.altItem(s.label, formatNumber(s.value))), t.charts.altTotal(formatNumber(total))];
  pd.figure(t.charts.alt(opts.title ?? t.charts.altDistribution, parts), () => drawDistribution(pd, segments, total, h, size, legendLh));
}

function drawDistribution(pd: PdfDoc, segments: Segment[], total: number, h: number, size: number, legendLh: number): void {
  const y = pd.y;
  if (total === 0) {
    pd.decor((doc) => doc.save().rect(pd.left, y, pd.width, h).lineWidth(0.5).strokeColor(COLOURS.rule).stroke().restore());
    pd.drawAligned(t.charts.noData, pd.left, y + (h - size) / 2 - 1, pd.width, 'center', 'italic', size, COLOURS.muted);
  } else {
    let x = pd.left;
    for (const s of segments) {
      if (!s.value) continue;
      const w = (s.value / total) * pd.width;
      const sx = x;
      pd.decor((doc) => {
        doc.save().rect(sx, y, w, h).fill(s.colour).restore();
        // White separators keep adjacent segments apart in greyscale.
        doc.save().moveTo(sx + w, y).lineTo(sx + w, y + h).lineWidth(1).strokeColor('#ffffff').stroke().restore();
      });
      const label = String(s.value);
      if (w > pd.widthOf(label, 'bold', size) + 4) pd.drawAligned(label, x, y + (h - size) / 2 - 1, w, 'center', 'bold', size, '#ffffff');
      x += w;
    }
  }
  pd.y = y + h + 4;
  // Legend: swatch + label + count, flowing on as many lines as needed.
  let lx = pd.left;
  let ly = pd.y;
  for (const s of segments) {
    const text = `${s.label} : ${s.value}`.replace(' :', '\u00a0:');
    const w = 10 + pd.widthOf(text, 'regular', size) + 14;
    if (lx + w > pd.right && lx > pd.left) {
      lx = pd.left;
      ly += legendLh;
    }
    const [sx, sy] = [lx, ly];
    pd.decor((doc) => doc.save().rect(sx, sy + 1.5, 7, 7).fill(s.colour).restore());
    pd.drawLine(text, lx + 10, ly, 'regular', size, COLOURS.ink);
    lx += w;
  }
  pd.y = ly + legendLh + 4;
}

/** A progress gauge: a bar beside the percentage its caller prints as text (so the bar itself is decoration). */
export function progressGauge(pd: PdfDoc, x: number, y: number, width: number, pct: number, colour: string = COLOURS.accent): void {
  const h = 6;
  pd.decor((doc) => {
    doc.save().rect(x, y, width, h).fill(COLOURS.zebra).restore();
    doc.save().rect(x, y, (Math.max(0, Math.min(100, pct)) / 100) * width, h).fill(colour).restore();
    doc.save().rect(x, y, width, h).lineWidth(0.4).strokeColor(COLOURS.rule).stroke().restore();
  });
}

export interface SeriesPoint {
  date: string;
  value: number;
}

function isRound(v: number): boolean {
  if (v <= 0) return false;
  const m = v / Math.pow(10, Math.floor(Math.log10(v)));
  return [1, 2, 2.5, 5].some((x) => Math.abs(m - x) < 1e-9);
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

interface IndicatorChartOptions {
  title: string;
  unit: string;
  points: SeriesPoint[];
  target?: number;
  baseline?: number;
  colour?: string;
  width?: number;
  height?: number;
}

/** An indicator's measured values as columns, with the target (dashed) and baseline (dotted) lines. */
export function indicatorChart(pd: PdfDoc, opts: IndicatorChartOptions): void {
  const width = opts.width ?? pd.width;
  const height = opts.height ?? 120;
  const titleH = pd.lineHeight(9) + 2;
  pd.ensure(titleH + height + 26);
  pd.text(opts.title, { face: 'bold', size: 9, after: 2, width });
  const points = [...opts.points].sort((a, b) => a.date.localeCompare(b.date)).slice(-24);
  const withUnit = (v: number) => `${formatNumber(v)}${opts.unit ? ` ${opts.unit}` : ''}`;
  const parts = points.length
    ? [`${t.charts.altMeasures}\u00a0: ${points.map((p) => t.charts.altItem(formatShortDate(p.date), withUnit(p.value))).join(', ')}`]
    : [t.charts.noMeasurement];
  if (opts.target !== undefined) parts.push(t.charts.altItem(t.charts.target, withUnit(opts.target)));
  if (opts.baseline !== undefined) parts.push(t.charts.altItem(t.charts.baseline, withUnit(opts.baseline)));
  pd.figure(t.charts.alt(opts.title, parts), () => drawIndicator(pd, opts, points, width, height));
}

/** The chart itself; always drawn inside its Figure, so its rules and labels are the figure's content. */
function drawIndicator(pd: PdfDoc, opts: IndicatorChartOptions, points: SeriesPoint[], width: number, height: number): void {
  const size = 7;
  const doc = pd.doc;
  const x0 = pd.left + 38;
  const y0 = pd.y + 4;
  const w = width - 38 - 6;
  const h = height - 22;
  const values = [...points.map((p) => p.value), opts.target ?? 0, opts.baseline ?? 0];
  const min = Math.min(0, ...values);
  const max = niceMax(Math.max(...values) * 1.05);
  const span = max - min || 1;
  const yOf = (v: number) => y0 + h - ((v - min) / span) * h;
  // Grid and y axis labels.
  const ticks = [4, 5, 3, 2].find((n) => isRound(span / n)) ?? 4;
  for (let i = 0; i <= ticks; i++) {
    const v = min + (span * i) / ticks;
    const y = yOf(v);
    doc.save().moveTo(x0, y).lineTo(x0 + w, y).lineWidth(0.3).strokeColor(COLOURS.lightRule).stroke().restore();
    pd.drawAligned(formatNumber(Math.round(v * 100) / 100), pd.left, y - size / 2 - 1, 34, 'right', 'regular', size, COLOURS.muted);
  }
  doc.save().moveTo(x0, y0).lineTo(x0, y0 + h).lineTo(x0 + w, y0 + h).lineWidth(0.7).strokeColor(COLOURS.rule).stroke().restore();
  if (!points.length) {
    pd.drawAligned(t.charts.noMeasurement, x0, y0 + h / 2 - 5, w, 'center', 'italic', 8, COLOURS.muted);
  } else {
    const slot = w / points.length;
    // Within one year the day matters (« 14/03 »); across years the month and year do (« 03/2026 »).
    const sameYear = points[0].date.slice(0, 4) === points[points.length - 1].date.slice(0, 4);
    const dateLabel = (iso: string) => (sameYear ? formatShortDate(iso).slice(0, 5) : formatShortDate(iso).slice(3));
    const barW = Math.min(28, slot * 0.6);
    // Values are printed above the columns only when every label fits its column.
    const showValues = points.length <= 12 && points.every((p) => pd.widthOf(formatNumber(p.value), 'bold', size) <= slot - 3);
    const every = Math.ceil(points.length / Math.max(1, Math.floor(w / 44)));
    points.forEach((p, i) => {
      const cx = x0 + slot * i + slot / 2;
      const top = yOf(p.value);
      const base = yOf(Math.max(min, 0));
      doc.save().rect(cx - barW / 2, Math.min(top, base), barW, Math.abs(base - top)).fill(opts.colour ?? COLOURS.accent).restore();
      if (showValues) pd.drawAligned(formatNumber(p.value), cx - slot / 2, top - size - 3, slot, 'center', 'bold', size, COLOURS.ink);
      if (i % every === 0) pd.drawAligned(dateLabel(p.date), cx - slot / 2 - 6, y0 + h + 3, slot + 12, 'center', 'regular', size, COLOURS.muted);
    });
  }
  const labelLine = (v: number, label: string, dash: [number, number], colour: string, atLeft: boolean) => {
    const y = yOf(v);
    doc.save().moveTo(x0, y).lineTo(x0 + w, y).lineWidth(1.1).dash(dash[0], { space: dash[1] }).strokeColor(colour).stroke().undash().restore();
    const text = `${label} : ${formatNumber(v)}${opts.unit ? ` ${opts.unit}` : ''}`.replace(' :', '\u00a0:');
    const tw = pd.widthOf(text, 'bold', size);
    const lx = atLeft ? x0 + 4 : x0 + w - tw - 4;
    doc.save().rect(lx - 2, y - size - 4, tw + 4, size + 3).fill('#ffffff').restore();
    pd.drawLine(text, lx, y - size - 3.5, 'bold', size, colour);
  };
  if (opts.baseline !== undefined && opts.baseline !== min) labelLine(opts.baseline, t.charts.baseline, [1.5, 2], COLOURS.muted, false);
  if (opts.target !== undefined) labelLine(opts.target, t.charts.target, [5, 3], '#c0392b', true);
  pd.y = y0 + h + 16;
}
