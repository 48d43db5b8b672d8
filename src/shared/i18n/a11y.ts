// French catalogue: accessibility words of the frame (skip link, window title, dialogs, menus, announcements).
export const a11y = {
  skipLink: 'Aller au contenu',
  loading: 'Chargement…',
  /** The toggle button beside a password or passphrase field (aria-pressed: the text shows in clear). Not naming the
   * field, so that its label stays the field's own. */
  showSecret: 'Voir en clair',
  windowTitle: (screen: string) => `${screen} — Coordination CLSPD`,
  closeDialog: 'Fermer la fenêtre (Échap)',
  closeNotice: 'Fermer ce message',
  openMenu: 'Ouvrir le menu des sections',
  closeMenu: 'Fermer le menu des sections',
  documentReady: (title: string, pages: string) => `Document prêt : ${title}, ${pages}. L’aperçu suit.`,
  /** A document generated without a preview (meeting page, governance panel): « Enregistrer sous » follows. */
  documentGenerated: (title: string, pages: string) => `Document prêt : ${title}, ${pages}.`,
  /** The recovery key sheet, saved and opened for printing. */
  recoverySheetSaved: (path: string) => `Fiche de la clé de secours enregistrée (${path}) et ouverte pour impression.`,
  eyeDropper: 'Prendre une couleur à l’écran',
  datePicker: {
    previousMonth: 'Mois précédent',
    nextMonth: 'Mois suivant',
    previousYear: 'Année précédente',
    nextYear: 'Année suivante',
    previousDecade: 'Décennie précédente',
    nextDecade: 'Décennie suivante',
    monthLevelControl: 'Choisir un autre mois',
    yearLevelControl: 'Choisir une autre année',
  },
  /** Announced politely every minute of the current item, never every second. */
  timerAnnouncement: (minutes: number, planned: number) =>
    planned > 0 ? `Point en cours : ${minutes} min sur ${planned} min prévues${minutes > planned ? ', temps dépassé' : ''}.` : `Point en cours : ${minutes} min.`,
  dnd: {
    instructions:
      'Pour déplacer un point, appuyez sur Espace ou Entrée, déplacez-le avec les flèches haut et bas, puis appuyez sur Espace ou Entrée pour le déposer, ou sur Échap pour annuler.',
    start: (item: string, position: number, total: number) => `Point « ${item} » saisi, position ${position} sur ${total}.`,
    over: (item: string, position: number, total: number) => `Point « ${item} » en position ${position} sur ${total}.`,
    end: (item: string, position: number, total: number) => `Point « ${item} » déposé en position ${position} sur ${total}.`,
    cancel: (item: string) => `Déplacement annulé, le point « ${item} » reste à sa place.`,
  },
};
