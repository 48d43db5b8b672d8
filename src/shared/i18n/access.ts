// French catalogue: what the screens say to an account that may read but not change (team mode, « Lecture seule »).
export const access = {
  badge: 'Lecture seule',
  /** Why, in the header (tooltip and screen readers). */
  why: 'Votre compte permet de consulter les données de l’équipe, pas de les modifier. Pour une modification, adressez-vous à la coordination.',
  /** Above a page whose fields stay in place, disabled. */
  fieldsShown: 'Votre compte est en lecture seule : les informations sont affichées sans pouvoir être modifiées.',
  /** A coordinator-only part of Paramètres seen by a member of the service. */
  coordinatorOnly: 'Ces réglages sont réservés à la coordination. Vous pouvez les consulter.',
  /** Import of shared data refused before anything is read. */
  importRefused: 'Votre compte est en lecture seule : l’import de données est réservé à la coordination et aux membres du service.',
};
