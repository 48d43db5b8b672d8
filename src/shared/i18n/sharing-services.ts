// French catalogue: what the sharing services (exports, dossier de séance, field checks of imports) say to the user.
export const sharingServices = {
  meetingNotFound: 'Cette réunion est introuvable. Elle a peut-être été supprimée ou archivée.',
  instanceNotFound: 'Cette instance est introuvable. Elle a peut-être été supprimée.',
  mustChooseConfidential: (what: string) =>
    `${what} est confidentiel(le) (art. L132-5 du code de la sécurité intérieure) : il faut choisir explicitement d’inclure les contenus confidentiels (option --include-confidential en ligne de commande). Le fichier sera alors marqué « CONFIDENTIEL ».`,
  thisMeeting: 'Cette réunion',
  theInstance: (name: string) => `L’instance « ${name} »`,
  noGuestAddress: 'Aucun invité de cette réunion n’a d’adresse électronique : complétez les contacts dans l’annuaire avant de préparer l’envoi.',
  emlFilter: 'Message électronique',
  emlReady: (recipients: string) => `Brouillon prêt à envoyer à ${recipients}, avec la convocation (PDF) et l’invitation d’agenda.`,
  recipient: ['destinataire', 'destinataires'] as const,
  emlConfidential:
    'Réunion confidentielle : la convocation PDF (qui contient l’ordre du jour) n’est pas jointe ; remettez-la aux signataires de la charte. Seule l’invitation d’agenda est jointe.',
  liveJsonFilter: 'Données en cours (JSON)',
  saveUnavailable: 'L’enregistrement de fichiers n’est pas disponible ici.',
  excluded: (items: string) => `${items} de côté.`,
  excludedItem: ['contenu confidentiel laissé', 'contenus confidentiels laissés'] as const,
  markedConfidential: (banner: string) => `Fichier marqué « ${banner} ».`,
  backupSummary: (
    b: { commune: string; archives: number; migrated: boolean },
    c: { partners: number; people: number; instances: number; meetings: number; actions: number },
  ) =>
    `Sauvegarde de ${b.commune || 'la commune'} : ${c.partners} partenaires, ${c.people} contacts, ${c.instances} instances, ${c.meetings} réunions, ${c.actions} actions${b.archives ? ` (dont ${b.archives} période${b.archives > 1 ? 's' : ''} archivée${b.archives > 1 ? 's' : ''})` : ''}.${b.migrated ? ' Elle date d’une version antérieure et sera mise au format actuel.' : ''}`,
  legacyBackupRestore:
    'Sauvegarde d’une version antérieure : elle remplace le fichier de données principal ; les périodes archivées déjà présentes sont gardées. Les données actuelles sont d’abord mises de côté dans le dossier backups/.',
  backupRestore: 'La restaurer remplace toutes les données actuelles (périodes archivées et données protégées comprises) ; elles sont d’abord mises de côté dans le dossier backups/.',
  csvRead: 'Fichier tableur lu correctement (accents compris).',
  fileCarriesBanner: (banner: string) => `Ce fichier porte la mention « ${banner} ».`,
  notAnXlsx: (notAnUpdatePack: string) => `${notAnUpdatePack} (Le fichier n’est pas un classeur .xlsx.)`,
  noColumnMapping: 'Ce type de fichier n’a pas d’association de colonnes.',
  skippedLine: ['ligne écartée', 'lignes écartées'] as const,
  dossier: {
    plenaryOnly: 'Le dossier de séance est prévu pour une formation plénière : choisissez une réunion plénière.',
    previousMinutes: (date: string) => `Compte rendu de la plénière du ${date}`,
    plan: 'Plan d’actions',
    noPreviousMinutes: 'compte rendu de la plénière précédente (aucune plénière tenue avant celle-ci)',
    nothingProduced: 'Aucun document du dossier de séance n’a pu être produit.',
    title: (meeting: string) => `Dossier de séance — ${meeting}`,
    partNotAssembled: 'Un des documents du dossier de séance n’a pas pu être assemblé.',
  },
  fields: {
    tooLong: (max: number) => `le texte dépasse ${max} caractères.`,
    notANumber: (text: string) => `« ${text} » n’est pas un nombre.`,
    belowMin: (value: string, min: string) => `${value} est inférieur au minimum (${min}).`,
    aboveMax: (value: string, max: string) => `${value} dépasse le maximum (${max}).`,
    badDate: (text: string) => `« ${text} » n’est pas une date valide (JJ/MM/AAAA attendu).`,
  },
};
