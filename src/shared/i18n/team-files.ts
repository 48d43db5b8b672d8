// French catalogue: files produced by the team server (documents, exports) and downloaded by browsers and desktops.
export const teamFiles = {
  gone: 'Ce fichier n’est plus disponible : il a déjà été téléchargé ou il a expiré. Relancez sa production.',
  badToken: 'Ce lien de téléchargement n’est pas valable.',
  downloaded: (name: string) => `Fichier téléchargé : « ${name} » (dossier des téléchargements de votre navigateur).`,
  downloadFailed: 'Le téléchargement du fichier a échoué. Vérifiez la connexion au serveur, puis relancez l’export.',
  exported: (file: string, actions: number, archives: number) =>
    `Sauvegarde complète écrite dans ${file} : ${actions} fiches action et ${archives} périodes archivées. Elle se restaure avec « clspd restore ».`,
};
