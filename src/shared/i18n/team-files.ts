// French catalogue: files produced by the team server (documents, exports) and downloaded by browsers and desktops.
export const teamFiles = {
  gone: 'Ce fichier n’est plus disponible : il a déjà été téléchargé ou il a expiré. Relancez sa production.',
  badToken: 'Ce lien de téléchargement n’est pas valable.',
  downloaded: (name: string) => `Fichier téléchargé : « ${name} » (dossier des téléchargements de votre navigateur).`,
  downloadFailed: 'Le téléchargement du fichier a échoué. Vérifiez la connexion au serveur, puis relancez l’export.',
  /** The kinds of file an import reads (open dialogs, the browser's file picker). */
  types: { table: 'Classeur Excel ou CSV', updatePack: 'Fiche de mise à jour (Excel)', backup: 'Sauvegarde Coordination CLSPD' },
  uploadTooLarge: (mb: number) => `Ce fichier pèse ${mb} Mo : il dépasse 14 Mo et ne peut pas être envoyé au serveur de l’équipe. Rien n’a été importé.`,
  uploadWrongType: (name: string, extensions: string[]) =>
    `Le fichier « ${name} » n’est pas d’un type attendu ici. Choisissez un fichier ${extensions.map((e) => `.${e}`).join(', ').replace(/, ([^,]*)$/, ' ou $1')}. Rien n’a été importé.`,
  uploadHint: (extensions: string[]) =>
    `Dans le navigateur, le fichier choisi est envoyé au serveur de l’équipe pour l’aperçu (${extensions.map((e) => `.${e}`).join(', ')} ; 14 Mo au plus). Rien n’est enregistré avant « Appliquer ».`,
  uploadUnreadable: 'Votre navigateur n’a pas pu lire ce fichier. Vérifiez qu’il est toujours à sa place et qu’il n’est pas ouvert ailleurs, puis recommencez.',
  exported: (file: string, actions: number, archives: number) =>
    `Sauvegarde complète écrite dans ${file} : ${actions} fiches action et ${archives} périodes archivées. Elle se restaure avec « clspd restore ».`,
};
