// French catalogue: messages of the datastore (transactions, closed folder, file system, synchronised folders).
export const store = {
  invalidChange:
    'Cette modification a été refusée : une erreur interne de l’application aurait enregistré des données non conformes. Vos données n’ont pas été modifiées ; signalez le problème si cela se reproduit.',
  closed:
    'Ce dossier de données a été fermé (changement de dossier ou fermeture de l’application) : votre modification n’a pas été enregistrée. Rouvrez les données puis recommencez.',
};
