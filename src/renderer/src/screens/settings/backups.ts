// French description of a backup entry (date and origin).
import { formatTime } from '../../../../shared/format';
import type { BackupSummary } from '../../../../shared/contract/core';
import { fr } from '../../../../shared/i18n';

const t = fr.directory.settings;

export function describeBackup(b: BackupSummary): { date: string; reason: string } {
  const d = new Date(b.createdAt);
  // « jeudi 26 novembre 2026 à 13 h 02 »: French hours, as everywhere else in the app.
  const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full' }).format(d);
  const hhmm = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  const date = t.backupDate(day, formatTime(hhmm));
  return { date, reason: t.reasons[b.reason] ?? b.reason };
}
