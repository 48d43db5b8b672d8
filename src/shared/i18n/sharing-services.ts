// French catalogue: what the sharing services (exports, dossier de séance, field checks of imports) say to the user.
export const sharingServices = {
  meetingNotFound: 'Cette réunion est introuvable. Elle a peut-être été supprimée ou archivée.',
  instanceNotFound: 'Cette instance est introuvable. Elle a peut-être été supprimée.',
  mustChooseConfidential: (what: string) =>
    `${what} est confidentiel(le) (art. L132-5 du code de la sécurité intérieure) : il faut choisir explicitement d’inclure les contenus confidentiels (option --include-confidential en ligne de commande). Le fichier sera alors marqué « CONFIDENTIEL ».`,
  thisMeeting: 'Cette réunion',
  theInstance: (name: string) => `L’instance « ${name} »`,
  dossier: {
    plenaryOnly: 'Le dossier de séance est prévu pour une formation plénière : choisissez une réunion plénière.',
    previousMinutes: (date: string) => `Compte rendu de la plénière du ${date}`,
    plan: 'Plan d’actions',
    noPreviousMinutes: 'compte rendu de la plénière précédente (aucune plénière tenue avant celle-ci)',
    nothingProduced: 'Aucun document du dossier de séance n’a pu être produit.',
    title: (meeting: string) => `Dossier de séance — ${meeting}`,
    partNotAssembled: 'Un des documents du dossier de séance n’a pas pu être assemblé.',
  },
  fields: {
    tooLong: (max: number) => `le texte dépasse ${max} caractères.`,
    notANumber: (text: string) => `« ${text} » n’est pas un nombre.`,
    belowMin: (value: string, min: string) => `${value} est inférieur au minimum (${min}).`,
    aboveMax: (value: string, max: string) => `${value} dépasse le maximum (${max}).`,
    badDate: (text: string) => `« ${text} » n’est pas une date valide (JJ/MM/AAAA attendu).`,
  },
};
