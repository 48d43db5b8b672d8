// French catalogue: what the screens say to an account that may read but not change (team mode, « Lecture seule »).
export const access = {
  badge: 'Lecture seule',
  /** Why, in the header (tooltip and screen readers). */
  why: 'Votre compte permet de consulter les données de l’équipe, pas de les modifier. Pour une modification, adressez-vous à la coordination.',
  /** Next to a control kept in place but disabled. */
  disabled: 'Votre compte est en lecture seule : cette modification est réservée à la coordination et aux membres du service.',
  /** A coordinator-only part of Paramètres seen by a member of the service. */
  coordinatorOnly: 'Ces réglages sont réservés à la coordination. Vous pouvez les consulter.',
  /** Import of shared data refused before anything is read. */
  importRefused: 'Votre compte est en lecture seule : l’import de données est réservé à la coordination et aux membres du service.',
};
