// French catalogue: messages of the datastore (transactions, closed folder, file system, synchronised folders).
export const store = {
  invalidChange:
    'Cette modification a été refusée : une erreur interne de l’application aurait enregistré des données non conformes. Vos données n’ont pas été modifiées ; signalez le problème si cela se reproduit.',
  closed:
    'Ce dossier de données a été fermé (changement de dossier ou fermeture de l’application) : votre modification n’a pas été enregistrée. Rouvrez les données puis recommencez.',
  /** A rename over a file held open by another program kept failing (a clause: callers put it in context). */
  fileBusy: (name: string, code: string) =>
    `le fichier ${name} est resté occupé par un autre programme (antivirus, outil de synchronisation ou d’indexation) pendant plus de deux secondes ; fermez ce programme ou réessayez dans un instant (${code})`,
  load: {
    unreadable: (file: string, why: string) => `Le fichier ${file} ne peut pas être lu (${why}).`,
    corrupt: (file: string) => `Le fichier ${file} est endommagé ou incomplet : son contenu n’est pas lisible. Restaurez une sauvegarde.`,
    notData: (file: string) => `Le fichier ${file} n’est pas un fichier de données Coordination CLSPD.`,
    newer: (file: string, version: number, known: number) =>
      `Le fichier ${file} a été créé par une version plus récente de l’application (format ${version}, cette version lit jusqu’au format ${known}). Mettez l’application à jour ; le fichier n’a pas été modifié.`,
    noVersion: (file: string) => `Le fichier ${file} n’indique pas sa version de format : ce n’est pas un fichier de données valide.`,
    noMigration: (file: string, version: number) =>
      `Le fichier ${file} est dans un ancien format (format ${version}) que cette version ne sait pas convertir. Le fichier n’a pas été modifié.`,
    migrationFailed: (file: string, why: string) => `Le fichier ${file} n’a pas pu être converti au format actuel (${why}). Le fichier n’a pas été modifié.`,
    invalid: (file: string, why: string) => `Le fichier ${file} contient des données non conformes (${why}).`,
  },
  dailyBackupFailed: (why: string, dir: string) =>
    `La sauvegarde quotidienne n’a pas pu être faite (${why}). Vos données sont intactes ; vérifiez la place disponible et le dossier ${dir}.`,
  noData: 'Aucune donnée : créez votre CLSPD ou ouvrez les données de démonstration.',
  readOnly: 'Ces données sont ouvertes en lecture seule.',
  writeFailed: (why: string) => `L’enregistrement a échoué : ${why}. Vos dernières modifications ne sont pas enregistrées.`,
  alreadyInitialised: 'Ce dossier contient déjà des données Coordination CLSPD : elles n’ont pas été remplacées.',
  syncedFolder: {
    title: 'Dossier synchronisé',
    message: (provider: string) =>
      `Vos données sont dans un dossier synchronisé par ${provider}. La synchronisation peut créer des copies « en conflit » et remplacer vos dernières modifications, surtout si l’application est ouverte sur deux ordinateurs. Demandez à votre service informatique de placer le dossier de données hors de ${provider}, sur cet ordinateur ; les sauvegardes automatiques de l’application protègent déjà vos données.`,
  },
};
