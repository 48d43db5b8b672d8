// The printed documents' shared measures, palette and option types (page frame sizes, colours, text style).
import type { Confidentiality, Settings } from '../../../shared/model';
import type { ConfidentialityBasis } from '../../../shared/instance-rules';
import type { Face } from './fonts';

export const MM = 72 / 25.4;

/** Palette: dark ink for text, one accent, greys that stay visible when printed in black and white. */
export const COLOURS = {
  ink: '#1a1a1a',
  muted: '#555b63',
  faint: '#8a9099',
  accent: '#1f3a5f',
  rule: '#9aa1ab',
  lightRule: '#c9ced6',
  zebra: '#f1f3f6',
  headerFill: '#dde3ec',
  groupFill: '#eef1f5',
  confidential: '#9b1c1c',
  confidentialFill: '#fbeeee',
} as const;

/** Height of the running header, of the confidentiality banner under it and of the footer, in points. */
export const HEADER_HEIGHT = 34;
export const BANNER_HEIGHT = 20;
export const FOOTER_HEIGHT = 26;

export interface DocumentOptions {
  /** Title printed in the running header and stored in the PDF metadata. */
  title: string;
  subject: string;
  /** Date or period shown under the title in the header (already formatted). */
  dateLabel?: string;
  landscape?: boolean;
  confidentiality: Confidentiality;
  settings: Settings;
  /** Generation time (footer and metadata). */
  now: Date;
  keywords?: string;
  /** Which text the confidential banner cites: L132-5 (working groups), L141-1 CASF (CDDF), or none. */
  basis?: ConfidentialityBasis;
}

export interface TextStyle {
  face?: Face;
  size?: number;
  colour?: string;
  /** Extra space between lines, in points. */
  lineGap?: number;
  align?: 'left' | 'right' | 'center';
  /** Left offset from the content's left edge. */
  indent?: number;
  /** Width available (defaults to the content width minus the indent). */
  width?: number;
  /** Space after the block. */
  after?: number;
  /** Structure type for tagged PDF (P by default, H1–H3 for headings). */
  tag?: string;
}
