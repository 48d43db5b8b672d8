// French description of a backup entry (date and origin).
import { formatTime } from '../../../../shared/format';
import type { BackupSummary } from '../../../../shared/contract/core';

const REASONS: Record<string, string> = {
  start: 'Ouverture de l’application',
  daily: 'Sauvegarde quotidienne',
  migration: 'Avant mise à jour du format',
  restore: 'Avant restauration',
  manual: 'Sauvegarde manuelle',
  import: 'Avant import',
  broken: 'Fichier endommagé mis de côté',
};

export function describeBackup(b: BackupSummary): { date: string; reason: string } {
  const d = new Date(b.createdAt);
  // « jeudi 26 novembre 2026 à 13 h 02 »: French hours, as everywhere else in the app.
  const day = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full' }).format(d);
  const hhmm = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  const date = `${day} à ${formatTime(hhmm)}`;
  return { date, reason: REASONS[b.reason] ?? b.reason };
}
