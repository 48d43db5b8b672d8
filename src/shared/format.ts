// French formatting helpers for dates, times, amounts and percentages, shared by screens and documents.

const longDate = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dayMonthYear = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const money = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** Parses `YYYY-MM-DD` (or an ISO timestamp) as a UTC calendar date. */
export function parseIsoDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

/** « mardi 3 mars 2026 » (« 1er » for the first day of a month). */
export function formatLongDate(iso: string): string {
  const s = longDate.format(parseIsoDate(iso));
  return s.replace(/^(\S+) 1 /, '$1 1er ');
}

/** « 3 mars 2026 ». */
export function formatDate(iso: string): string {
  return dayMonthYear.format(parseIsoDate(iso)).replace(/^1 /, '1er ');
}

/** « 03/03/2026 ». */
export function formatShortDate(iso: string): string {
  return shortDate.format(parseIsoDate(iso));
}

/** « 14 h 30 », « 9 h » from `HH:MM`. */
export function formatTime(hhmm: string): string {
  const [h, m] = hhmm.split(':');
  const hour = String(Number(h));
  return m === '00' ? `${hour} h` : `${hour} h ${m}`;
}

/** Shown instead of « NaN » or « ∞ » when a computed figure has no value (e.g. an average over nothing). */
export const NO_VALUE = '—';

/** « 12 500,00 € ». */
export function formatMoney(amount: number): string {
  return Number.isFinite(amount) ? money.format(amount) : NO_VALUE;
}

/** « 1 234,5 ». */
export function formatNumber(n: number): string {
  return Number.isFinite(n) ? integer.format(n) : NO_VALUE;
}

/** « 75 % » with a non-breaking space. */
export function formatPercent(n: number): string {
  if (!Number.isFinite(n)) return NO_VALUE;
  // `|| 0` turns -0 (Math.round(-0.4)) into 0.
  return `${Math.round(n) || 0}\u00a0%`;
}

/** Today's date as `YYYY-MM-DD` in local time. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(iso: string, days: number): string {
  const d = parseIsoDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseIsoDate(b).getTime() - parseIsoDate(a).getTime()) / 86_400_000);
}
