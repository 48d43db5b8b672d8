// French wording of the command palette's entries that the meetings, register and instances routes add (name, what it does, search words).
export const commands = {
  newMeeting: { label: 'Nouvelle réunion', description: 'Programmer une réunion et son ordre du jour', keywords: ['réunion', 'séance', 'convocation'] },
  decisions: { label: 'Journal des décisions', description: 'Toutes les décisions prises en réunion', keywords: ['décision', 'relevé'] },
  register: { label: 'Registre des situations', description: 'Situations suivies par les cellules de veille et le CDDF', keywords: ['situation', 'cellule', 'registre'] },
  newSituation: { label: 'Nouvelle situation', description: 'Ajouter une situation au registre', keywords: ['situation', 'registre'] },
  protectionJournal: { label: 'Journal de protection des données', description: 'Accès, purges, copies exportées', keywords: ['rgpd', 'purge', 'dpo', 'accès'] },
  newCell: { label: 'Nouvelle cellule de veille', description: 'Créer une cellule à partir d’un thème et de quelques partenaires', keywords: ['cellule', 'groupe de travail', 'veille'] },
} as const;
