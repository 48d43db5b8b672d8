// French catalogue: this installation's upkeep in Paramètres (technical log, opt-in updates) and the update dialog.
export const maintenance = {
  log: {
    title: 'Journal technique',
    intro:
      'Le journal technique note le démarrage de l’application, ses erreurs et leurs causes, sans aucun nom ni contenu. Votre service informatique peut vous le demander en cas de problème.',
    open: 'Ouvrir le journal technique',
    unavailable: 'Le journal technique n’existe que dans l’application installée sur l’ordinateur.',
  },
  updates: {
    title: 'Mises à jour',
    intro:
      'Quand la recherche est activée, l’application vérifie s’il existe une nouvelle version, la télécharge en arrière-plan, puis vous demande toujours avant de l’installer. Rien n’est jamais installé pendant une séance.',
    switchLabel: 'Rechercher les mises à jour automatiquement',
    switchHelp:
      'Désactivé par défaut : de nombreuses mairies réservent les mises à jour à leur service informatique. Ce réglage vaut pour cet ordinateur ; il ne fait pas partie des données du conseil.',
    checkNow: 'Rechercher maintenant',
    install: 'Installer et redémarrer',
    enabled: 'Recherche des mises à jour activée.',
    disabled: 'Recherche des mises à jour désactivée.',
    source: (where: string) => `Provenance des mises à jour : ${where}.`,
    sourceProject: 'les versions publiées du projet Coordination CLSPD (GitHub)',
    sourceIt: (url: string) => `le serveur de votre service informatique (${url})`,
    currentVersion: (v: string) => `Version installée : ${v}.`,
    lastChecked: (when: string) => `Dernière recherche : ${when}.`,
    states: {
      off: 'La recherche des mises à jour est désactivée sur cet ordinateur.',
      forbidden: 'Votre service informatique a désactivé les mises à jour sur cet ordinateur : c’est lui qui installe les nouvelles versions.',
      badUrl:
        'L’adresse des mises à jour fixée par votre service informatique (CLSPD_UPDATES_URL) n’est pas valide : elle doit commencer par https://. Les mises à jour restent désactivées.',
      unsupported: 'Les mises à jour ne s’appliquent qu’à l’application installée sur l’ordinateur (pas à une version de développement).',
      idle: 'La recherche des mises à jour est activée : elle a lieu au démarrage puis toutes les six heures.',
      checking: 'Recherche d’une nouvelle version…',
      downloading: (version: string, percent: number) => `Téléchargement de la version ${version} en arrière-plan (${percent} %)…`,
      ready: (version: string) => `La version ${version} est téléchargée et prête à être installée.`,
      waitingForSeance: (version: string) =>
        `La version ${version} est prête. Une séance est en cours : l’installation vous sera proposée à la fin de la séance.`,
      upToDate: 'Vous avez la dernière version.',
      error: 'La recherche des mises à jour n’a pas abouti (pas de connexion, ou serveur inaccessible). Elle sera refaite plus tard.',
    },
    dialog: {
      title: 'Mise à jour de Coordination CLSPD',
      message: (version: string) => `La version ${version} est prête à être installée.`,
      detail:
        'L’application va se fermer, installer la nouvelle version puis se rouvrir. Tout ce qui est indiqué « Enregistré » est conservé. Vous pouvez aussi l’installer plus tard depuis Paramètres.',
      install: 'Installer et redémarrer',
      later: 'Plus tard',
    },
    errors: {
      forbidden: 'Votre service informatique a désactivé les mises à jour sur cet ordinateur.',
      unsupported: 'Les mises à jour se règlent dans l’application installée sur l’ordinateur.',
      disabled: 'Activez d’abord la recherche des mises à jour.',
      seance: 'Une séance est en cours : la mise à jour vous sera proposée à la fin de la séance.',
      notReady: 'Aucune mise à jour n’est prête à être installée. Utilisez « Rechercher maintenant ».',
    },
  },
};
