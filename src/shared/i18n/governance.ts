// French catalogue of the working groups' governance: règlement intérieur template, charte déontologique, commitment sheets, yearly bilan de la charte.

/** What the templates need to know about the group and the council. */
export interface GovernanceContext {
  group: string;
  council: string;
  commune: string;
  /** 'csi_l132_5' for an L132-5 working group, 'casf_l141_1' for a CDDF. */
  basis: 'csi_l132_5' | 'casf_l141_1' | 'none';
  /** The president's quality: « le maire » or « le président de l'EPCI ». */
  president: string;
}

const legalFrame = (c: GovernanceContext): string =>
  c.basis === 'casf_l141_1'
    ? 'Le conseil pour les droits et devoirs des familles est créé en application des articles L141-1 et suivants du code de l’action sociale et des familles. Les informations à caractère confidentiel qui y sont échangées ne peuvent être communiquées à des tiers.'
    : `Le groupe est un groupe de travail et d’échange d’informations à vocation thématique ou territoriale au sens de l’article L132-5 du code de la sécurité intérieure. Les faits et informations à caractère confidentiel qui y sont échangés ne peuvent être communiqués à des tiers.`;

export const governance = {
  rules: {
    heading: 'Règlement intérieur',
    title: (group: string) => `Règlement intérieur — ${group}`,
    subject: 'Règlement intérieur du groupe (modalités d’échange d’informations)',
    versionOf: (date: string) => `Version du ${date}`,
    templateNotice: 'Modèle non encore adopté : à adapter par le groupe puis à enregistrer dans l’application.',
    /** The template the coordinator edits; lines « Article N — … » become headings in the PDF, « - » lines bullets. */
    template: (c: GovernanceContext) =>
      [
        `Article 1 — Objet`,
        `Le présent règlement fixe les modalités de fonctionnement et d’échange d’informations du groupe « ${c.group} », constitué au sein du ${c.council} de ${c.commune}.`,
        legalFrame(c),
        '',
        'Article 2 — Composition',
        `La composition du groupe est arrêtée par ${c.president}, président du conseil, sur proposition du coordonnateur. Chaque institution membre désigne nommément un titulaire et, le cas échéant, un suppléant. Seuls les membres ayant signé la charte déontologique participent aux échanges.`,
        '',
        'Article 3 — Réunions',
        'Le groupe se réunit à l’initiative du coordonnateur, selon une fréquence adaptée aux besoins. L’ordre du jour est adressé aux seuls membres. Une personne extérieure ne peut être entendue que sur le point qui la concerne et après avoir pris connaissance de la charte.',
        '',
        'Article 4 — Échange d’informations',
        '- seules les informations strictement nécessaires à la coordination des interventions sont partagées ;',
        '- les situations individuelles sont désignées par une référence (situation n° AAAA-NNN), jamais par un nom, dans les documents du groupe ;',
        '- aucune information couverte par le secret professionnel ne peut être partagée en dehors des cas prévus par la loi ;',
        '- aucune information échangée ne peut être reprise en formation plénière ou restreinte autrement que sous forme statistique.',
        '',
        'Article 5 — Relevé de décisions',
        'Chaque réunion donne lieu à un relevé de décisions (qui fait quoi, pour quand), sans compte rendu des échanges ni mention de la vie privée des personnes. Il est adressé aux seuls membres signataires de la charte.',
        '',
        'Article 6 — Conservation des données',
        'Les données relatives aux situations suivies sont conservées pendant la durée du suivi, puis en archive intermédiaire pendant trois ans au plus, et détruites au plus tard lorsque la personne atteint l’âge de 25 ans. Les relevés des réunions confidentielles sont détruits à l’issue de la durée fixée par le conseil.',
        '',
        'Article 7 — Manquements',
        'Tout manquement aux règles de confidentialité entraîne l’exclusion du membre concerné, sans préjudice des poursuites prévues par la loi.',
        '',
        'Article 8 — Bilan annuel',
        'Le groupe établit chaque année un bilan de l’application de la charte déontologique et du présent règlement, présenté au président du conseil.',
      ].join('\n'),
  },
  charter: {
    title: (group: string) => `Charte déontologique — ${group}`,
    subject: 'Charte déontologique et engagements individuels des membres',
    heading: 'Charte déontologique',
    intro: (c: GovernanceContext) =>
      `La présente charte encadre l’échange d’informations au sein du groupe « ${c.group} » du ${c.council} de ${c.commune}. Elle est signée une fois par chaque membre, lors de son entrée dans le groupe ; son application fait l’objet d’un bilan annuel.`,
    frame: legalFrame,
    principlesHeading: 'Principes',
    principles: [
      'Finalité : les informations ne sont partagées que pour coordonner les interventions de chacun au bénéfice des personnes concernées.',
      'Nécessité : seules les informations strictement nécessaires sont échangées ; aucune appréciation subjective, aucune donnée de santé ou relative aux infractions n’est consignée de manière systématique.',
      'Secret professionnel : chaque membre reste tenu par les règles de sa profession ; rien de ce qui est couvert par le secret professionnel n’est partagé hors des cas prévus par la loi.',
      'Confidentialité : les informations échangées ne sont communiquées à aucun tiers, y compris au sein de l’institution de chaque membre au-delà de ce qui est nécessaire à l’action.',
      'Anonymat des documents : les relevés et documents du groupe désignent les situations par une référence, jamais par un nom ; aucune situation nominative n’est évoquée en séance plénière.',
      'Sanction : tout manquement entraîne l’exclusion du groupe.',
    ],
    signedOnce: 'La charte est signée une seule fois ; elle n’a pas à être renouvelée chaque année.',
    sheetsHeading: 'Engagements individuels',
    sheetsIntro: (n: number) => `${n} fiche${n > 1 ? 's' : ''} d’engagement individuel ${n > 1 ? 'suivent' : 'suit'}, une par membre en fonction.`,
    noMembers: 'Aucun membre en fonction : ajoutez les membres du groupe avant d’imprimer les engagements individuels.',
    sheet: {
      heading: 'Engagement individuel',
      subheading: (group: string) => `Charte déontologique du groupe « ${group} »`,
      name: 'Nom et prénom',
      job: 'Fonction',
      institution: 'Institution',
      seat: 'Qualité',
      body: (group: string) =>
        `Je soussigné(e), membre du groupe « ${group} », déclare avoir pris connaissance de la charte déontologique et du règlement intérieur du groupe, et m’engage à les respecter. En particulier :`,
      commitments: [
        'ne communiquer à aucun tiers les informations à caractère confidentiel échangées au sein du groupe ;',
        'ne partager que les informations strictement nécessaires à la coordination des interventions ;',
        'ne rien partager de ce qui est couvert par le secret professionnel hors des cas prévus par la loi ;',
        'ne désigner les situations que par leur référence dans tout document ;',
        'informer le coordonnateur de tout incident ou manquement dont j’aurais connaissance.',
      ],
      exclusion: 'Je prends acte que tout manquement à ces engagements entraîne mon exclusion du groupe.',
      signedOn: (date: string) => `Charte signée le ${date}.`,
      placeDate: (commune: string) => `Fait à ${commune}, le ____ / ____ / ________`,
      signature: 'Signature',
    },
  },
  review: {
    title: (group: string, year: number) => `Bilan d’application de la charte ${year} — ${group}`,
    subject: 'Bilan annuel d’application de la charte déontologique',
    heading: (year: number) => `Bilan d’application de la charte déontologique — ${year}`,
    figures: 'Chiffres de l’année',
    meetingsHeld: 'Réunions tenues',
    members: 'Membres en fonction au 31 décembre',
    signed: 'Membres signataires de la charte',
    unsigned: 'Membres n’ayant pas signé',
    joined: 'Membres entrés dans l’année',
    left: 'Membres sortis dans l’année',
    rulesVersion: 'Règlement intérieur en vigueur',
    rulesVersionOf: (date: string) => `version du ${date}`,
    noRules: 'aucun règlement enregistré',
    questions: 'Points examinés',
    questionList: [
      'Les informations échangées sont-elles restées limitées au strict nécessaire ?',
      'Les relevés de décisions ont-ils désigné les situations par leur seule référence ?',
      'Un incident de confidentialité ou un manquement a-t-il été constaté ? Quelles suites ?',
      'Le règlement intérieur ou la composition du groupe doivent-ils évoluer ?',
    ],
    recorded: (date: string) => `Bilan établi le ${date}`,
    recordedInMeeting: (title: string, date: string) => `Examiné en réunion : ${title} (${date})`,
    recordedInDeletedMeeting: 'Examiné en réunion (réunion supprimée)',
    notRecorded: 'Bilan non encore enregistré dans l’application : compléter ci-dessous puis le saisir sur la page du groupe.',
    observations: 'Observations du groupe',
    signature: 'Le coordonnateur',
  },
  reminders: {
    reviewDue: (group: string) => `« ${group} » : bilan annuel d’application de la charte à établir`,
    reviewLast: (date: string) => `Dernier bilan le ${date} ; la charte elle-même reste valable, seul son bilan est annuel.`,
    reviewNone: 'Aucun bilan enregistré depuis la création du groupe ; la charte elle-même reste valable, seul son bilan est annuel.',
    signatures: (group: string, n: number) => `« ${group} » : ${n} signature${n > 1 ? 's' : ''} de la charte déontologique à recueillir`,
    signaturesDetail: 'Seuls les membres ayant signé la charte participent aux échanges ; elle est signée une fois, à l’entrée dans le groupe.',
  },
  ui: {
    section: 'Règlement, charte et bilan annuel',
    sectionHelp: 'Ce groupe échange des informations confidentielles : son règlement intérieur fixe les modalités d’échange, ses membres signent une fois la charte déontologique, et son application est revue chaque année.',
    rules: 'Règlement intérieur',
    rulesNone: 'Aucune version enregistrée : le modèle proposé est à adapter puis à enregistrer.',
    rulesCurrent: (date: string, n: number) => `Version en vigueur du ${date} (${n} version${n > 1 ? 's' : ''} conservée${n > 1 ? 's' : ''})`,
    editRules: 'Modifier le règlement',
    rulesText: 'Texte du règlement intérieur',
    rulesTextHelp: 'Une ligne « Article N — titre » devient un titre ; une ligne commençant par « - » devient une puce. Chaque enregistrement crée une nouvelle version datée.',
    saveVersion: 'Enregistrer une nouvelle version',
    versionSaved: 'Nouvelle version du règlement enregistrée.',
    versions: 'Versions',
    printRules: 'Imprimer le règlement',
    printVersion: (date: string) => `Imprimer la version du ${date}`,
    charter: 'Charte déontologique',
    charterSigned: (signed: number, total: number) => `${signed} membre${signed > 1 ? 's' : ''} signataire${signed > 1 ? 's' : ''} sur ${total}`,
    printCharter: 'Imprimer la charte et les engagements',
    review: 'Bilan annuel de la charte',
    reviewNone: 'Aucun bilan enregistré.',
    addReview: 'Enregistrer le bilan de l’année',
    reviewYear: 'Année',
    reviewDate: 'Date du bilan',
    reviewMeeting: 'Réunion où il a été examiné (facultatif)',
    reviewSummary: 'Observations du groupe',
    reviewSummaryHelp: 'Sans nom ni détail de situation : fonctionnement des échanges, incidents constatés et suites données.',
    reviewSaved: 'Bilan de la charte enregistré.',
    printReview: (year: number) => `Imprimer le bilan ${year}`,
    deleteReview: (year: number) => `Supprimer le bilan ${year}`,
    reviewDeleted: (year: number) => `Bilan ${year} de la charte supprimé`,
  },
  errors: {
    notApplicable: (group: string) =>
      `« ${group} » n’est pas un groupe confidentiel d’échange d’informations (cellule de veille ou CDDF) : il n’a ni règlement intérieur d’échange, ni charte déontologique.`,
    emptyRules: 'Le texte du règlement est vide. Saisissez le règlement ou repartez du modèle.',
    unchangedRules: 'Le texte est identique à la version en vigueur : aucune nouvelle version n’a été créée.',
    versionNotFound: 'Cette version du règlement est introuvable.',
    reviewNotFound: 'Ce bilan de la charte est introuvable.',
    reviewMeeting: 'La réunion choisie n’appartient pas à ce groupe. Choisissez une réunion du groupe ou aucune.',
    reviewYear: 'L’année du bilan ne correspond pas à sa date. Corrigez l’une des deux.',
    needInstance: 'Indiquez le groupe avec --instance ID (voir « clspd list instances »).',
  },
};

/** Words of a meeting's end of life: final deletion of a held meeting, purged texts, what keeps pointing to it. */
export const meetingLife = {
  deletedMeeting: 'réunion supprimée',
  deletedMeetingCap: 'Réunion supprimée',
  decidedInDeletedMeeting: 'Décidé en réunion (réunion supprimée)',
  closedInDeletedMeeting: 'Close lors d’une réunion supprimée',
  textsPurged: (date: string) => `Notes et textes des décisions supprimés le ${date}, conformément à la durée de conservation.`,
  textPurged: 'Texte supprimé (durée de conservation)',
  deleteFinal: 'Supprimer définitivement',
  deleteFinalTitle: 'Supprimer définitivement cette réunion ?',
  deleteFinalBody: (title: string) =>
    `La réunion « ${title} », sa feuille de présence, ses notes et ses décisions seront détruites sans possibilité d’annulation. Les actions du plan qu’elle a créées restent dans le plan, avec la mention « réunion supprimée ». La suppression est inscrite au registre des purges (date et nombre, sans contenu).`,
  deleteFinalConfirm: 'Supprimer définitivement',
  deletedFinal: (title: string) => `Réunion « ${title} » supprimée définitivement et inscrite au registre des purges.`,
  deleteNeedsUnlock: 'Les textes de cette réunion confidentielle sont dans le coffre : déverrouillez-le pour pouvoir les détruire avec la réunion.',
  mustConfirm: 'Confirmez la suppression définitive de la réunion.',
};
