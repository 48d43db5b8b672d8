// Demo minutes: anonymised situations of the cellules de veille (case numbers, never names) and plenary texts.

/** One situation followed by a cellule: how it is reported, followed up and closed, and what is decided. */
export interface SituationSpec {
  opening: string;
  followUps: string[];
  closing: string;
  decision: string;
  /** Key of the pilot institution (directory-data) of the decision. */
  pilot: string;
  /** Key of the plan action the decision relies on, if any. */
  action?: string;
}

export const HARASSMENT_SITUATIONS: SituationSpec[] = [
  {
    opening: 'Élève de 5e signalée par la vie scolaire : moqueries répétées et photos détournées diffusées sur un groupe de messagerie de la classe. La famille a été reçue par la principale.',
    followUps: [
      'Les messages ont cessé depuis l’entretien avec les élèves auteurs ; l’élève a repris les activités de la pause méridienne.',
      'La famille signale une nouvelle publication sur un réseau social ; l’établissement a effectué un signalement sur la plateforme dédiée.',
    ],
    closing: 'Amélioration durable constatée par l’équipe éducative : situation close.',
    decision: 'Orienter l’élève et sa famille vers le point écoute jeunes et familles ; retour à la prochaine cellule.',
    pilot: 'ccas',
    action: 'listening',
  },
  {
    opening: 'Élève de 6e isolé, bousculades répétées dans le bus scolaire ; absentéisme en hausse depuis trois semaines.',
    followUps: ['Accompagnement du trajet par une médiatrice pendant deux semaines ; plus d’incident signalé par le conducteur.'],
    closing: 'Assiduité revenue à la normale : situation close.',
    decision: 'Présence d’une médiatrice sur la ligne scolaire concernée pendant un mois.',
    pilot: 'mediation',
  },
  {
    opening: 'Élève de 4e auteur présumé de menaces envers plusieurs camarades ; les parents ont été reçus par l’établissement.',
    followUps: ['Mesure de responsabilisation réalisée au sein de l’établissement ; pas de réitération signalée.'],
    closing: 'Pas de nouveau fait depuis deux mois : situation close.',
    decision: 'Proposer une mesure de responsabilisation et un entretien avec l’éducateur de prévention spécialisée.',
    pilot: 'college',
  },
  {
    opening: 'Lycéenne de seconde victime de diffusion d’images intimes ; plainte déposée avec le soutien de l’établissement.',
    followUps: [
      'Le parquet a été avisé ; les contenus ont été retirés à la demande de l’établissement.',
      'Suivi psychologique en place au CMP ; la scolarité se poursuit normalement.',
    ],
    closing: 'Procédure en cours, accompagnement assuré par les partenaires de droit commun : situation close pour la cellule.',
    decision: 'Accompagnement de la famille par l’association d’aide aux victimes ; point de situation avec le substitut référent.',
    pilot: 'victimes',
  },
  {
    opening: 'Groupe d’élèves de 5e exclu d’un groupe de messagerie et visé par des insultes ; plusieurs familles ont alerté le collège.',
    followUps: ['Intervention en classe de la CPE et de la médiatrice ; le climat de classe s’apaise.'],
    closing: 'Climat de classe apaisé selon le professeur principal : situation close.',
    decision: 'Programmer une séance de sensibilisation dans la classe concernée dans le cadre des interventions en milieu scolaire.',
    pilot: 'pre',
    action: 'schoolSessions',
  },
  {
    opening: 'Élève de 3e en refus scolaire depuis la rentrée, en lien possible avec des moqueries en ligne.',
    followUps: ['Reprise progressive de la scolarité avec un emploi du temps aménagé.'],
    closing: 'Scolarité reprise à temps plein : situation close.',
    decision: 'Orientation vers le CMP enfants et adolescents et aménagement de l’emploi du temps.',
    pilot: 'cmp',
  },
  {
    opening: 'Élève de CM2 signalé par son école : moqueries sur son apparence ; la famille s’inquiète du passage en 6e.',
    followUps: ['Rencontre entre l’école et le collège ; un élève ambassadeur assurera le tutorat à la rentrée.'],
    closing: 'Entrée en 6e sans difficulté signalée : situation close.',
    decision: 'Préparer l’entrée en 6e avec le collège : choix de la classe et tutorat par un élève ambassadeur.',
    pilot: 'college',
    action: 'ambassadors',
  },
  {
    opening: 'Élève de 4e victime de racket à la sortie du collège ; les faits ont été portés à la connaissance du commissariat.',
    followUps: ['Présence renforcée aux heures de sortie ; l’élève dit se sentir en sécurité.'],
    closing: 'Pas de nouveau fait : situation close.',
    decision: 'Présence de la police municipale aux heures de sortie du collège pendant trois semaines.',
    pilot: 'pm',
    action: 'schoolGates',
  },
];

export const VIF_SITUATIONS: SituationSpec[] = [
  {
    opening: 'Signalement de la brigade de protection des familles après une intervention au domicile : violences conjugales, deux enfants présents.',
    followUps: [
      'Mise à l’abri de la mère et des enfants dans un logement d’urgence ; plainte déposée.',
      'Demande de relogement pérenne en cours d’instruction par le bailleur.',
    ],
    closing: 'Relogement effectif, accompagnement poursuivi par l’association : situation close.',
    decision: 'Mise à l’abri dans un logement d’urgence de la convention CCAS – bailleur et accompagnement juridique.',
    pilot: 'ccas',
    action: 'shelter',
  },
  {
    opening: 'Personne âgée signalée par le CCAS : violences verbales et pressions financières d’un proche.',
    followUps: ['Évaluation sociale réalisée à domicile ; mesure de protection juridique demandée.'],
    closing: 'Mesure de protection prononcée : situation close.',
    decision: 'Évaluation sociale à domicile par la maison départementale des solidarités et information du parquet.',
    pilot: 'mds',
  },
  {
    opening: 'Jeune femme reçue par l’intervenante sociale en commissariat après des violences répétées ; pas de plainte à ce stade.',
    followUps: ['La personne a rencontré la juriste de la permanence d’aide aux victimes et envisage un dépôt de plainte.'],
    closing: 'Plainte déposée, accompagnement en place : situation close.',
    decision: 'Proposer un rendez-vous à la permanence d’aide aux victimes sous huit jours.',
    pilot: 'victimes',
    action: 'victimDesk',
  },
  {
    opening: 'Signalement du collège : un élève évoque des violences entre ses parents.',
    followUps: ['Information préoccupante transmise ; l’assistante sociale scolaire a rencontré la famille.'],
    closing: 'Suivi repris par l’aide sociale à l’enfance : situation close pour la cellule.',
    decision: 'Transmission d’une information préoccupante à la cellule départementale et lien avec l’assistante sociale scolaire.',
    pilot: 'mds',
  },
  {
    opening: 'Violences conjugales récurrentes signalées au bailleur par le voisinage ; trois interventions de police en deux mois.',
    followUps: ['La victime a accepté un accompagnement ; l’auteur fait l’objet d’une mesure d’éloignement.'],
    closing: 'Mesure d’éloignement respectée : situation close.',
    decision: 'Rappel de la procédure de signalement aux gardiens et point de situation avec le commissariat.',
    pilot: 'habitat',
  },
  {
    opening: 'Victime hébergée chez un tiers, en recherche de logement ; l’auteur fait l’objet d’une interdiction de contact.',
    followUps: ['Proposition de logement social attendue en commission d’attribution.'],
    closing: 'Logement attribué : situation close.',
    decision: 'Priorisation de la demande de logement social par le bailleur.',
    pilot: 'habitat',
  },
];

export const TILLEULS_SITUATIONS: SituationSpec[] = [
  {
    opening: 'Regroupements nocturnes au pied de l’immeuble C, nuisances sonores signalées par les locataires.',
    followUps: ['Passages de la police municipale entre 21 h et 23 h ; baisse des appels des locataires.'],
    closing: 'Plus de signalement depuis un mois : situation close.',
    decision: 'Renforcer les passages de la police municipale et des médiateurs en soirée pendant un mois.',
    pilot: 'pm',
    action: 'nightMediation',
  },
  {
    opening: 'Dégradations répétées des boîtes aux lettres et du hall de l’immeuble B.',
    followUps: ['Réparations effectuées ; chantier éducatif de rafraîchissement du hall programmé.'],
    closing: 'Hall rénové avec les jeunes du quartier : situation close.',
    decision: 'Réparation par le bailleur et chantier éducatif de rafraîchissement du hall proposé aux jeunes du quartier.',
    pilot: 'habitat',
  },
  {
    opening: 'Jeune majeur repéré par les médiateurs, sans activité, présent tous les soirs dans un hall.',
    followUps: ['Premier rendez-vous honoré à la mission locale ; entrée en parcours d’insertion prévue.'],
    closing: 'Entrée en formation : situation close.',
    decision: 'Orientation vers la mission locale par l’éducateur de prévention spécialisée.',
    pilot: 'missionLocale',
    action: 'streetWork',
  },
  {
    opening: 'Rodéos motorisés sur le parking du centre commercial le week-end.',
    followUps: ['Opération conjointe réalisée ; deux engins saisis ; barrières posées.'],
    closing: 'Phénomène non reconduit : situation close.',
    decision: 'Opération conjointe police nationale – police municipale et pose de barrières sur le parking.',
    pilot: 'commissariat',
  },
  {
    opening: 'Incivilités envers les conducteurs à l’arrêt de bus Tilleuls-Centre en fin de service.',
    followUps: ['Présence des médiateurs à l’arrêt deux soirs par semaine ; aucun incident depuis.'],
    closing: 'Aucun incident signalé par le réseau : situation close.',
    decision: 'Présence de médiateurs à l’arrêt aux heures de fin de service.',
    pilot: 'valbus',
  },
];

/** Sentences the minutes use about an action, by its story. */
export const ACTION_REVIEW: Record<string, string> = {
  done: 'Action réalisée ; le bilan a été diffusé aux partenaires.',
  on_track: 'Action dans les temps ; les indicateurs progressent comme prévu.',
  late_behind: 'Retard signalé : le pilote présentera un calendrier révisé à la prochaine réunion.',
  late_overdue: 'L’échéance est dépassée ; la reconduction doit être décidée.',
  stale: 'Pas de point d’étape transmis par le pilote depuis plusieurs mois ; relance à faire.',
  planned: 'Lancement prévu dans les prochaines semaines.',
  postponed: 'Action reportée ; nouveau calendrier à l’étude.',
  abandoned: 'Action abandonnée, voir le relevé de décisions.',
};
