// French catalogue: the desktop shell (application menu, window, native dialogs, start-up errors).
export const shell = {
  menu: {
    file: 'Fichier',
    quit: 'Quitter',
    edit: 'Édition',
    undo: 'Annuler',
    redo: 'Rétablir',
    cut: 'Couper',
    copy: 'Copier',
    paste: 'Coller',
    selectAll: 'Tout sélectionner',
    view: 'Affichage',
    reload: 'Recharger',
    toggleDevTools: 'Outils de développement',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    resetZoom: 'Taille réelle',
    fullScreen: 'Plein écran',
    window: 'Fenêtre',
    minimize: 'Réduire',
    help: 'Aide',
    about: 'À propos',
    aboutApp: (appName: string) => `À propos de ${appName}`,
    hide: (appName: string) => `Masquer ${appName}`,
    hideOthers: 'Masquer les autres',
    showAll: 'Tout afficher',
    quitApp: (appName: string) => `Quitter ${appName}`,
  },
  about: {
    credits: 'Outil de coordination du conseil local de sécurité et de prévention de la délinquance : partenaires, stratégie, réunions et documents.',
    copyright: 'Données enregistrées sur cet ordinateur uniquement.',
  },
  dialogs: {
    saveTitle: 'Enregistrer sous',
    openTitle: 'Ouvrir un fichier',
    openPathFailed: (path: string, reason: string) => `Le fichier ${path} n’a pas pu être ouvert : ${reason}`,
  },
  startup: {
    lockedTitle: 'Données déjà ouvertes',
    failedTitle: 'Démarrage impossible',
    failed: (reason: string) => `L’application n’a pas pu ouvrir son dossier de données : ${reason}`,
    dataDirHint: (dir: string) => `Dossier de données : ${dir}`,
  },
  lock: {
    holderApp: 'l’application Coordination CLSPD',
    holderCli: 'la ligne de commande',
    heldHere: (who: string, pid: number) =>
      `Ces données sont déjà ouvertes par ${who} (processus ${pid}) sur cet ordinateur. Fermez-la puis réessayez. Si vous ne la trouvez pas, redémarrez l’ordinateur : le dossier sera alors libéré.`,
    heldElsewhere: (who: string, host: string, minutes: number) =>
      `Ces données sont déjà ouvertes par ${who} sur l’ordinateur « ${host} ». Fermez-la sur cet ordinateur puis réessayez. Si cet ordinateur est éteint ou si l’application s’y est arrêtée brutalement, le dossier sera libéré automatiquement ${minutes} minutes après son dernier signe d’activité.`,
    busy: 'Impossible de réserver le dossier de données : une autre ouverture est en cours. Réessayez dans un instant.',
  },
};
