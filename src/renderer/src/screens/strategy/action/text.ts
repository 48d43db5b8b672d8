// Pure French wording of the fiche action: dates with times, journal values, option lists (unit-tested).
import { formatDate, formatNumber, formatPercent, formatTime } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import type { ActionStatus } from '../../../../../shared/model';

/** Select options from a catalogue record `{ value: label }`, in the catalogue's order. */
export const optionsOf = (o: Record<string, string>): { value: string; label: string }[] => Object.entries(o).map(([value, label]) => ({ value, label }));

/** « 3 mars 2026 à 14 h 30 » in local time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return `${formatDate(local)} à ${formatTime(`${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`)}`;
}

/** Older or imported journal texts may carry « 2026-11-12 » or « 1495 élèves »: shown as « 12 novembre 2026 », « 1 495 élèves ». */
export function frenchText(t: string): string {
  return t.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (iso) => formatDate(iso));
}

/** One value of a journal entry (before or after a change), in French. */
export function journalValue(field: string, v: string | undefined): string {
  if (v === undefined || v === '') return '—';
  if (field === 'measurement') return v.replace(/^-?\d{4,}(?=\s|$)/, (n) => formatNumber(Number(n)));
  if (field === 'status' || field === 'created') return fr.actionStatus[v as ActionStatus] ?? v;
  if (field === 'progress') return formatPercent(Number(v));
  if (field === 'startDate' || field === 'endDate' || field === 'milestone') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v) : v;
  return v;
}
