// French catalogue of the protected store (coffre): unlock, passphrase, recovery key, migration and purge messages.
export const vault = {
  name: 'coffre des données confidentielles',
  errors: {
    locked: 'Le coffre des données confidentielles est verrouillé. Déverrouillez-le avec votre phrase de passe pour continuer.',
    absent: 'Le coffre des données confidentielles n’est pas encore créé. Choisissez d’abord une phrase de passe.',
    exists: 'Le coffre des données confidentielles existe déjà : il n’a pas été remplacé.',
    wrongPassphrase: 'La phrase de passe est incorrecte. Vérifiez la touche Verr. Maj et réessayez.',
    wrongRecoveryKey: 'La clé de secours est incorrecte. Recopiez-la telle qu’elle est imprimée (les tirets sont facultatifs).',
    waitBeforeRetry: (seconds: number) =>
      `Trop d’essais : patientez ${seconds} seconde${seconds > 1 ? 's' : ''} avant de réessayer. Rien n’a été modifié.`,
    passphraseTooShort: (min: number) => `La phrase de passe doit compter au moins ${min} caractères. Une courte phrase de plusieurs mots convient bien.`,
    passphraseMismatch: 'Les deux phrases de passe ne sont pas identiques. Retapez-les.',
    tampered: (file: string) =>
      `Le fichier protégé ${file} a été modifié ou endommagé : il est refusé. Restaurez une sauvegarde ; rien n’a été modifié.`,
    notAVault: (file: string) => `Le fichier ${file} n’est pas un coffre Coordination CLSPD valide. Rien n’a été modifié.`,
    newerVault: (file: string) =>
      `Le fichier protégé ${file} a été créé par une version plus récente de l’application. Mettez l’application à jour ; rien n’a été modifié.`,
    unreadable: (file: string, reason: string) => `Le fichier protégé ${file} ne peut pas être lu (${reason}). Rien n’a été modifié.`,
    writeFailed: (reason: string) =>
      `L’enregistrement dans le coffre a échoué : ${reason}. Vos dernières modifications confidentielles ne sont pas enregistrées.`,
    invalidContent: (detail: string) => `Le contenu du coffre n’est pas conforme (${detail}) : rien n’a été enregistré.`,
    otherKeyset: 'Cette sauvegarde a été protégée par un autre coffre : elle ne peut pas être ouverte avec la phrase de passe actuelle.',
  },
  /** Messages of the coffre channels' input schemas (contract/vault.ts), shown under the field. */
  input: {
    passphraseRequired: 'Saisissez la phrase de passe.',
    passphraseTooLong: 'La phrase de passe dépasse 1 000 caractères.',
    recoveryKeyRequired: 'Saisissez la clé de secours.',
    idleMin: 'Le délai de verrouillage est d’au moins 1 minute.',
    idleRequired: 'Indiquez le délai de verrouillage en minutes entières, de 1 à 240.',
    idleMax: 'Le délai de verrouillage est d’au plus 240 minutes (4 heures).',
  },
  cli: {
    passphraseMissing:
      'Ces données contiennent un coffre protégé : indiquez la phrase de passe avec --passphrase-file FICHIER (première ligne du fichier) ou la variable CLSPD_PASSPHRASE. Elle n’est jamais acceptée en argument. Rien n’a été modifié.',
    passphraseFileUnreadable: (file: string) => `Le fichier de phrase de passe ${file} ne peut pas être lu. Rien n’a été modifié.`,
    newPassphraseMissing: 'Indiquez la nouvelle phrase de passe avec --new-passphrase-file FICHIER. Rien n’a été modifié.',
    passphraseChanged: 'La phrase de passe du coffre a été changée. Les sauvegardes du dossier ont été réécrites avec la nouvelle protection.',
    migrationPending:
      'Ce dossier attend la mise à jour de protection des données confidentielles : ouvrez-le une fois dans l’application Coordination CLSPD pour choisir la phrase de passe du coffre (ou lancez « clspd vault migrate » avec --passphrase-file). Rien n’a été modifié.',
    migrated: (meetings: number, files: number) =>
      `Les textes de ${meetings} réunion${meetings > 1 ? 's' : ''} confidentielle${meetings > 1 ? 's' : ''} ont été placés dans le coffre ; ${files} fichier${files > 1 ? 's' : ''} réécrit${files > 1 ? 's' : ''}.`,
    demoPassphrase: 'Données de démonstration : la phrase de passe du coffre est « valmont-demo ».',
    recoveryKeyShown: (key: string) =>
      `Clé de secours du coffre (notez-la maintenant, elle ne sera plus affichée) : ${key}`,
    checkVault: (file: string) => `Coffre protégé ${file} : structure correcte (contenu chiffré, non lu sans la phrase de passe).`,
  },
  purge: {
    done: (files: number) => `Suppression définitive appliquée à ${files} fichier${files > 1 ? 's' : ''} du dossier de données.`,
  },
  screens: {
    setupTitle: 'Protéger les données confidentielles',
    setupIntro:
      'Les notes et les décisions des cellules de veille, et le registre des situations, sont conservés dans un coffre chiffré. Choisissez une phrase de passe : elle sera demandée pour ouvrir le coffre.',
    migrationIntro:
      'Cette mise à jour place les notes et les décisions des réunions confidentielles dans un coffre chiffré. Les anciennes copies (archives, sauvegardes) sont réécrites sans ces textes.',
    passphrase: 'Phrase de passe',
    passphraseHint: 'Au moins 8 caractères. Une courte phrase de plusieurs mots se retient bien.',
    confirmation: 'Retapez la phrase de passe',
    create: 'Créer le coffre',
    recoveryTitle: 'Votre clé de secours',
    recoveryIntro:
      'Cette clé rouvre le coffre si la phrase de passe est perdue. Elle n’est affichée qu’une seule fois : imprimez-la et rangez-la dans le coffre-fort de la mairie.',
    printRecovery: 'Imprimer la clé de secours',
    recoveryNoted: 'J’ai imprimé ou noté la clé',
    unlockTitle: 'Déverrouiller le coffre',
    unlockIntro: 'Les données confidentielles sont verrouillées. Saisissez la phrase de passe du coffre.',
    unlock: 'Déverrouiller',
    waiting: (seconds: number) => `Nouvel essai possible dans ${seconds} s.`,
    demoHint: 'Données de démonstration : la phrase de passe est « valmont-demo ».',
    lostPassphrase: 'J’ai perdu ma phrase de passe',
    recoveryKey: 'Clé de secours',
    newPassphrase: 'Nouvelle phrase de passe',
    recover: 'Rouvrir avec la clé de secours',
    backToUnlock: 'Revenir à la phrase de passe',
    settingsTitle: 'Coffre des données confidentielles',
    stateUnlocked: 'Le coffre est ouvert.',
    stateLocked: 'Le coffre est verrouillé.',
    idleMinutes: 'Verrouiller après (minutes sans utilisation)',
    saveIdle: 'Enregistrer le délai',
    lockNow: 'Verrouiller maintenant',
    changeTitle: 'Changer la phrase de passe',
    current: 'Phrase de passe actuelle',
    change: 'Changer la phrase de passe',
    changed: 'La phrase de passe a été changée.',
    locked: 'Coffre verrouillé.',
    idleSaved: 'Délai de verrouillage enregistré.',
    textsLocked: 'Les notes et décisions de cette réunion confidentielle sont dans le coffre verrouillé.',
  },
  recoveryPdf: {
    title: 'Clé de secours du coffre',
    subtitle: 'Coordination CLSPD — données confidentielles des cellules de veille',
    intro:
      'Cette clé permet de rouvrir le coffre des données confidentielles si la phrase de passe est perdue. Conservez ce document dans le coffre-fort de la mairie. Ne le photographiez pas, ne l’envoyez pas par courriel.',
    keyLabel: 'Clé de secours',
    createdOn: (date: string) => `Créée le ${date}`,
    council: (name: string) => `Conseil : ${name}`,
    howTo: 'En cas d’oubli de la phrase de passe : écran de déverrouillage, « J’ai perdu ma phrase de passe », puis saisir cette clé et choisir une nouvelle phrase de passe.',
  },
} as const;
