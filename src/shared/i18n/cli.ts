// French catalogue: the command line's own words (usage, help, option errors) and the coffre command.
export const cli = {
  usage: (usage: string) => `Utilisation : clspd ${usage}`,
  options: 'Options :',
  helpFlag: 'Affiche cette aide',
  unknownOption: (name: string) => `Option inconnue : --${name}.`,
  optionNeedsValue: (name: string, value: string) => `L’option --${name} attend une valeur (${value}).`,
  optionTakesNoValue: (name: string) => `L’option --${name} ne prend pas de valeur.`,
  optionRequired: (name: string) => `L’option --${name} est obligatoire.`,
  dataRequired: 'Indiquez le dossier de données avec --data DOSSIER (ou la variable CLSPD_DATA).',
  dataFlag: 'Dossier de données (sinon CLSPD_DATA)',
  title: 'Coordination CLSPD — ligne de commande',
  generalUsage: 'Utilisation : clspd <commande> [options]',
  commands: 'Commandes :',
  commandHelp: 'Aide d’une commande : clspd <commande> --help',
  unknownCommand: (name: string) => `Commande inconnue : « ${name} ».`,
  unexpectedArgument: (arg: string) => `Argument inattendu : « ${arg} ».`,
  error: (message: string) => `Erreur : ${message}`,
  unexpectedError: (message: string) => `Erreur inattendue : ${message}`,
  passphraseFlag: 'Phrase de passe du coffre : première ligne de ce fichier (sinon la variable CLSPD_PASSPHRASE)',
  json: 'Sortie JSON',
  badDate: 'Les dates s’écrivent AAAA-MM-JJ, par exemple 2026-03-31.',
  plan: {
    summary: 'Affiche le plan d’actions de la période en cours avec la météo de chaque action',
    meteoValue: 'MÉTÉO',
    meteoFlag: 'Ne garde que les actions de cette météo (late, watch, unknown, on_track)',
    dateFlag: 'Calcule la météo à cette date (par défaut aujourd’hui)',
    unknownMeteo: (meteo: string, values: string[]) => `Météo inconnue : « ${meteo} ». Valeurs possibles : ${values.join(', ')}.`,
    badDate: 'La date doit être au format AAAA-MM-JJ.',
    noData: 'Ce dossier ne contient pas encore de données.',
    noPeriod: 'Aucune période active',
    heading: (period: string, day: string) => `${period} — météo au ${day}`,
  },
  decisions: {
    summary: 'Affiche le journal des décisions des réunions (filtrable)',
    fromFlag: 'Réunions à partir de cette date',
    toFlag: 'Réunions jusqu’à cette date',
    searchFlag: 'Texte, référence de situation ou action',
  },
  attendance: {
    summary: 'Taux de présence par structure sur une année (réunions tenues)',
    yearFlag: 'Année',
    badYear: 'Indiquez une année sur quatre chiffres : --year 2026.',
  },
  noMeetingData: 'Ce dossier ne contient pas de données.',
  onlyInstanceFlag: 'Seulement cette instance',
  situations: {
    summary: 'Registre des situations : liste (list) ou statistiques (stats)',
    reasonFlag: 'Motif de consultation des situations archivées (inscrit au journal des accès)',
    yearFlag: 'Statistiques : situations suivies pendant cette année',
  },
  retention: {
    summary: 'Applique les durées de conservation (sans --apply : affiche ce qui serait purgé, sans rien écrire)',
    asOfFlag: 'Date de référence (aujourd’hui par défaut)',
    applyFlag: 'Appliquer les purges (sinon simple simulation)',
  },
  init: {
    summary: 'Crée un dossier de données (vide ou avec la démonstration)',
    demoFlag: 'Remplit avec la commune de démonstration',
    created: (dir: string, demo: boolean) => `Dossier de données créé : ${dir}${demo ? ' (données de démonstration)' : ' — complétez l’identité du conseil dans Paramètres.'}`,
    alreadyData: (dir: string) => `Le dossier ${dir} contient déjà des données Coordination CLSPD : rien n’a été modifié.`,
    notEmpty: (dir: string) => `Le dossier ${dir} n’est pas vide : choisissez un dossier vide ou nouveau.`,
  },
  demo: {
    summary: 'Crée le jeu de données volumineux (dix ans d’un conseil) pour les mesures',
    scaleFlag: 'Taille du jeu de données (10y)',
    onlyTenYears: 'Seule l’échelle « 10y » est disponible : --scale 10y.',
    created: (dir: string, s: { instances: number; meetings: number; actions: number; partners: number; files: number }) =>
      `Jeu de données créé dans ${dir} : ${s.instances} instances, ${s.meetings} réunions, ${s.actions} actions, ${s.partners} partenaires (${s.files} fichiers).`,
  },
  check: {
    summary: 'Vérifie que les données sont lisibles et valides (sans rien modifier)',
    noData: (dir: string, file: string) => `Aucune donnée dans ${dir} : le fichier ${file} est absent.`,
    valid: (c: { partners: number; instances: number; meetings: number; actions: number }, migrated: boolean) =>
      `Données valides : ${c.partners} partenaires, ${c.instances} instances, ${c.meetings} réunions, ${c.actions} actions.${migrated ? ' (Le fichier sera mis au format actuel à la prochaine ouverture.)' : ''}`,
    archives: (count: number, bad: number, actions: number) =>
      `Périodes archivées : ${count} fichier(s) lisible(s) sur ${count}${bad ? ` (${bad} en défaut)` : ''}, ${actions} actions archivées.`,
    protectedFiles: (count: number) => `Données protégées : ${count} fichier(s) chiffré(s).`,
  },
  backup: {
    summary: 'Sauvegarde complète : données, périodes archivées et données protégées (toujours chiffrées), en un seul fichier',
    outFlag: 'Fichier de sauvegarde, écrit tel quel à cet endroit (sinon dans backups/)',
    impossible: (message: string) => `Sauvegarde impossible : ${message}`,
  },
  restore: {
    summary: 'Restaure une sauvegarde complète (ou un clspd.json d’une version antérieure) ; les données actuelles sont mises de côté dans backups/',
    fromFlag: 'Sauvegarde à restaurer',
  },
  warning: (message: string) => `Attention : ${message}`,
  list: {
    summary: 'Liste les réunions, actions, instances ou partenaires',
    jsonFlag: 'Sortie JSON (tableau d’objets)',
    whichKind: (kinds: readonly string[]) => `Précisez quoi lister : ${kinds.join(', ')}.`,
    archiveProblem: { missing: 'est introuvable', unreadable: 'est illisible', invalid: 'n’est pas conforme' },
    archiveSkipped: (file: string, title: string | undefined, why: string) =>
      `Attention : l’archive ${file}${title !== undefined ? ` (${title})` : ''} ${why} ; ses actions et réunions ne sont pas listées.`,
  },
  databaseFlag: 'Base PostgreSQL (sinon CLSPD_DATABASE_URL)',
  serve: {
    summary: 'Lance le serveur d’équipe (PostgreSQL) : API et application dans le navigateur',
    listenValue: 'HÔTE:PORT',
    listenFlag: 'Adresse d’écoute (127.0.0.1:8080 par défaut)',
    tlsCertFlag: 'Certificat TLS (PEM)',
    tlsKeyFlag: 'Clé privée TLS (PEM)',
  },
  users: {
    summary: 'Gère les comptes de l’équipe (ajouter, lister, désactiver, réinitialiser, membres confidentiels)',
    emailFlag: 'Adresse électronique du compte',
    roleValue: 'RÔLE',
    roleFlag: 'coordinator, staff ou reader',
    nameFlag: 'Nom affiché (par défaut l’adresse)',
    passwordFileFlag: 'Fichier dont la première ligne est le mot de passe (sinon un mot de passe provisoire est affiché)',
    instanceFlag: 'Instance confidentielle (avec confidential)',
    emailsFlag: 'Comptes membres de l’instance confidentielle (avec confidential)',
    jsonFlag: 'Sortie JSON (avec list)',
    disabled: '\t(désactivé)',
    noAccount: (emails: string[]) => `Aucun compte pour ${emails.join(', ')}.`,
  },
  server: {
    summary: 'Charge un dossier de données local dans la base de l’équipe, ou écrit la base en sauvegarde complète',
    fromFlag: 'Dossier de données à importer',
    outFlag: 'Sauvegarde complète à écrire (restaurable par clspd restore)',
    author: 'Ligne de commande',
  },
  sharing: {
    folderNotFound: (dir: string) => `Le dossier de données ${dir} est introuvable.`,
    noData: (dir: string) => `Aucune donnée dans ${dir}.`,
    giveFlag: (what: string, name: string) => `Indiquez ${what} avec --${name}.`,
    written: (out: string, suggested: string) => `Fichier écrit : ${out} (nom suggéré : ${suggested}).`,
    excluded: (count: number) => `${count} élément(s) confidentiel(s) laissé(s) de côté (--include-confidential pour les inclure).`,
    markedConfidential: (banner: string) => `Fichier marqué « ${banner} ».`,
    fileNotFound: (file: string) => `Le fichier ${file} est introuvable.`,
  },
  export: {
    summary: 'Exporte un tableau, une invitation, un brouillon de courriel, un compte rendu, une fiche de mise à jour ou une sauvegarde',
    usage:
      'export <xlsx|csv> <actions|indicators|partners|memberships|decisions|attendance> --data DOSSIER --out FICHIER [--include-confidential]\n' +
      '       clspd export <xlsx|csv> decisions --include-confidential --data DOSSIER --out FICHIER [--passphrase-file FICHIER]   (textes lus dans le coffre, copie inscrite au journal DPO)\n' +
      '       clspd export ics --data DOSSIER (--meeting ID | --instance ID) --out FICHIER [--include-confidential]\n' +
      '       clspd export eml --data DOSSIER --meeting ID --out FICHIER [--include-confidential]\n' +
      '       clspd export docx minutes --data DOSSIER --meeting ID --out FICHIER\n' +
      '       clspd export dossier --data DOSSIER --meeting ID --out FICHIER   (dossier de séance PDF d’une plénière)\n' +
      '       clspd export json --data DOSSIER --out FICHIER   (sauvegarde complète, comme « clspd backup --out »)\n' +
      '       clspd export live-json --data DOSSIER --out FICHIER   (données en cours seules, sans périodes archivées : pas une sauvegarde)\n' +
      '       clspd export pdf <convocation|emargement|minutes|plan|fiche|dashboard|members> --data DOSSIER --out FICHIER (comme « clspd pdf »)\n' +
      '       clspd export update-pack --data DOSSIER --pilot ID_STRUCTURE --out FICHIER [--include-confidential]',
    outFlag: 'Fichier à écrire',
    meetingFlag: 'Réunion (voir « clspd list meetings »)',
    instanceFlag: 'Instance (voir « clspd list instances »)',
    pilotFlag: 'Structure pilote (voir « clspd list partners »)',
    includeConfidentialFlag: 'Inclut les contenus confidentiels (fichier marqué CONFIDENTIEL)',
    theOut: 'le fichier à écrire',
    theMeeting: 'la réunion',
    thePlenary: 'la réunion plénière',
    thePilot: 'la structure pilote',
    whichTable: (tables: readonly string[]) => `Précisez le tableau à exporter : ${tables.join(', ')}.`,
    meetingOrInstance: 'Indiquez soit --meeting ID, soit --instance ID.',
    docxMinutesOnly: 'Seul le compte rendu est disponible en DOCX : clspd export docx minutes --meeting ID.',
    whichFormat: 'Précisez le format : xlsx, csv, ics, eml, docx, dossier, json, live-json, update-pack ou pdf.',
  },
  import: {
    summary: 'Importe des partenaires, des actions, une fiche de mise à jour remplie ou une sauvegarde complète',
    fileFlag: 'Fichier à importer (.xlsx, .csv ou .json)',
    dryRunFlag: 'Affiche l’aperçu sans rien modifier',
    pilotFlag: 'Fiche de mise à jour : structure attendue',
    whichKind: (kinds: string[]) => `Précisez quoi importer : ${kinds.join(', ')}.`,
    theFile: 'le fichier à importer',
    change: (label: string, from: string | undefined, to: string | undefined) => `${label} : ${from ?? '—'} → ${to ?? '—'}`,
    lineError: (row: string, label: string, message: string) => `${row} (${label}) : ${message}`,
    summaryLine: (s: { total: number; create: number; merge: number; update: number; unchanged: number; invalid: number }) =>
      `Résumé : ${s.total} ligne(s) — ${s.create} création(s), ${s.merge + s.update} mise(s) à jour ou fusion(s), ${s.unchanged} inchangée(s), ${s.invalid} en erreur.`,
    nothingToImport: 'Aucune modification à importer : rien n’a été modifié.',
    dryRun: 'Simulation (--dry-run) : rien n’a été modifié.',
  },
  vault: {
    summary: 'Coffre des données confidentielles : changer la phrase de passe, terminer la mise à jour, état',
    newPassphraseFlag: 'Nouvelle phrase de passe : première ligne de ce fichier',
    whichOperation: 'Précisez l’opération : passphrase, migrate ou status.',
    absent: 'Coffre : pas encore créé.',
    present: (path: string) => `Coffre : présent (${path}), chiffré.`,
    noData: 'Aucune donnée dans ce dossier.',
  },
};
