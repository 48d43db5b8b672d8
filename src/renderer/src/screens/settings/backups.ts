// French description of a backup entry (date and origin).
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
  const date = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short' }).format(d);
  return { date, reason: REASONS[b.reason] ?? b.reason };
}
