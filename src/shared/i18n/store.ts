// French catalogue: messages of the datastore (transactions, closed folder, file system, synchronised folders).
export const store = {
  invalidChange:
    'Cette modification a été refusée : une erreur interne de l’application aurait enregistré des données non conformes. Vos données n’ont pas été modifiées ; signalez le problème si cela se reproduit.',
  closed:
    'Ce dossier de données a été fermé (changement de dossier ou fermeture de l’application) : votre modification n’a pas été enregistrée. Rouvrez les données puis recommencez.',
  /** A rename over a file held open by another program kept failing (a clause: callers put it in context). */
  fileBusy: (name: string, code: string) =>
    `le fichier ${name} est resté occupé par un autre programme (antivirus, outil de synchronisation ou d’indexation) pendant plus de deux secondes ; fermez ce programme ou réessayez dans un instant (${code})`,
  syncedFolder: {
    title: 'Dossier synchronisé',
    message: (provider: string) =>
      `Vos données sont dans un dossier synchronisé par ${provider}. La synchronisation peut créer des copies « en conflit » et remplacer vos dernières modifications, surtout si l’application est ouverte sur deux ordinateurs. Demandez à votre service informatique de placer le dossier de données hors de ${provider}, sur cet ordinateur ; les sauvegardes automatiques de l’application protègent déjà vos données.`,
  },
};
