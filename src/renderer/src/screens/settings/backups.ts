// French description of a backup entry (date and origin).
import { formatTime } from '../../../../shared/format';
import type { BackupSummary } from '../../../../shared/contract/core';
import { fr } from '../../../../shared/i18n';

const t = fr.directory.settings;

/** « jeudi 26 novembre 2026 à 13 h 02 »: French hours, as everywhere else in the app. */
export function describeMoment(iso: string): string {
  const d = new Date(iso);
  const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full' }).format(d);
  const hhmm = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  return t.backupDate(day, formatTime(hhmm));
}

export function describeBackup(b: BackupSummary): { date: string; reason: string } {
  return { date: describeMoment(b.createdAt), reason: t.reasons[b.reason] ?? b.reason };
}
