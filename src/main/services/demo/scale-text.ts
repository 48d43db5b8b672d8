// Vocabulary for the ten-year benchmark dataset: fictional names and French sentence pieces for notes.

export const FIRST_NAMES = [
  'Adèle', 'Alain', 'Amandine', 'Antoine', 'Aurélie', 'Baptiste', 'Bénédicte', 'Bruno', 'Camille', 'Carole', 'Cédric', 'Chantal',
  'Christophe', 'Clémence', 'Damien', 'Delphine', 'Didier', 'Élise', 'Emmanuel', 'Estelle', 'Fabien', 'Florence', 'Franck',
  'Gaëlle', 'Gérald', 'Hélène', 'Hugo', 'Ingrid', 'Jérôme', 'Joëlle', 'Karine', 'Laurent', 'Léa', 'Lionel', 'Lucie', 'Malik',
  'Marion', 'Mathieu', 'Mélanie', 'Nadège', 'Nicolas', 'Noémie', 'Olivia', 'Pascale', 'Quentin', 'Rachid', 'Régine', 'Rémi',
  'Samia', 'Sébastien', 'Solène', 'Sylvain', 'Tiphaine', 'Valérie', 'Vincent', 'Xavier', 'Yasmina', 'Yves', 'Zoé',
];

export const LAST_NAMES = [
  'Abadie', 'Allard', 'Arnoult', 'Aubertin', 'Barthès', 'Belkacem', 'Berthelot', 'Blondel', 'Bouvier', 'Brisson', 'Cabanel',
  'Castel', 'Chauvet', 'Cordier', 'Courtois', 'Dallet', 'Delmas', 'Derrien', 'Duclos', 'Durieux', 'Esnault', 'Fabre', 'Fleury',
  'Fournel', 'Gallet', 'Gauthier', 'Gilbert', 'Godard', 'Grimaud', 'Hamel', 'Hébert', 'Jacquet', 'Joubert', 'Kerbrat', 'Labbé',
  'Lagarde', 'Langlois', 'Lebrun', 'Lemoine', 'Loiseau', 'Maillard', 'Marchal', 'Masson', 'Mercier', 'Millet', 'Monnier',
  'Navarro', 'Olivier', 'Pasquier', 'Pelletier', 'Picard', 'Poulain', 'Raynaud', 'Rigaud', 'Rivet', 'Rousset', 'Sanchez',
  'Séguin', 'Tanguy', 'Thibault', 'Tournier', 'Vallet', 'Vasseur', 'Vigneron', 'Wagner', 'Zimmer',
];

/** Organisation name patterns per category; {n} is a place or a name, {i} a number. */
export const ORG_PATTERNS: Record<string, string[]> = {
  prefecture: ['Préfecture — cabinet du préfet', 'Sous-préfecture de {n}', 'Délégation du préfet — quartier {n}'],
  justice: ['Parquet du tribunal judiciaire de {n}', 'PJJ — unité éducative de {n}', 'SPIP — antenne de {n}', 'Maison de justice et du droit de {n}'],
  police_nationale: ['Commissariat de {n}', 'Brigade de protection des familles de {n}', 'Bureau de police de {n}'],
  gendarmerie: ['Brigade de gendarmerie de {n}', 'Maison de protection des familles de {n}', 'Compagnie de gendarmerie de {n}'],
  police_municipale: ['Police municipale de {n}', 'Brigade cynophile municipale de {n}'],
  isc: ['Intervenant social en commissariat de {n}', 'Intervenante sociale en gendarmerie de {n}'],
  education: ['Collège {n}', 'Lycée {n}', 'École élémentaire {n}', 'Lycée professionnel {n}', 'Circonscription de l’Éducation nationale de {n}'],
  departement: ['Maison des solidarités de {n}', 'Aide sociale à l’enfance — secteur {n}', 'Service de prévention spécialisée de {n}'],
  commune: ['Service jeunesse de {n}', 'CCAS de {n}', 'Service des sports de {n}', 'Service politique de la ville de {n}', 'Réussite éducative de {n}'],
  bailleur: ['{n} Habitat', 'Office public de l’habitat de {n}', 'Résidences {n}'],
  transport: ['Réseau de bus {n}', 'Gare routière de {n}', 'Transports scolaires {n}'],
  association: ['Association {n} Médiation', 'Association d’aide aux victimes {n}', 'Association Addictions {n}', 'Droits des femmes {n}', 'Association sportive {n}'],
  quartier: ['Maison de quartier {n}', 'Centre social {n}', 'Espace de vie sociale {n}'],
  mission_locale: ['Mission locale de {n}', 'Point information jeunesse de {n}'],
  caf: ['CAF — antenne de {n}'],
  commerce: ['Union commerciale de {n}', 'Marché couvert de {n}'],
  sdis: ['Centre d’incendie et de secours de {n}'],
  sante: ['CMP de {n}', 'Centre hospitalier de {n} — urgences', 'Centre de soins en addictologie de {n}'],
  other: ['Comité de quartier {n}', 'Fondation {n}'],
};

export const PLACES = [
  'Valmont', 'les Tilleuls', 'les Prés', 'la Gare', 'le Moulin', 'les Vignes', 'Montreval', 'Saint-Aubin', 'la Levée', 'les Coteaux',
  'le Centre', 'les Rives', 'Beaulieu', 'la Croix-Verte', 'les Sablons', 'le Bourg', 'Champ-Fleuri', 'les Acacias', 'la Roseraie',
  'les Mariniers', 'le Port', 'Bellevue', 'les Chênes', 'la Fontaine-aux-Loups', 'Clos-Joli', 'les Peupliers', 'le Val', 'les Hauts',
];

export const JOB_TITLES: Record<string, string[]> = {
  prefecture: ['Sous-préfet', 'Directeur de cabinet', 'Délégué du préfet', 'Chargée de mission prévention'],
  justice: ['Substitut du procureur', 'Directrice de service', 'Éducateur PJJ', 'Greffière'],
  police_nationale: ['Commissaire', 'Commandant', 'Brigadier-chef', 'Capitaine'],
  gendarmerie: ['Capitaine', 'Adjudant-chef', 'Lieutenant', 'Major'],
  police_municipale: ['Chef de service', 'Brigadier-chef principal', 'Gardien-brigadier'],
  isc: ['Intervenante sociale', 'Intervenant social'],
  education: ['Principal', 'Proviseure', 'Conseillère principale d’éducation', 'Inspecteur de l’Éducation nationale', 'Infirmière scolaire'],
  departement: ['Responsable de territoire', 'Éducatrice spécialisée', 'Assistant social', 'Cheffe de service'],
  commune: ['Directeur du service', 'Coordinatrice', 'Adjoint au maire', 'Chargé de mission'],
  bailleur: ['Responsable de proximité', 'Gardienne', 'Directeur d’agence'],
  transport: ['Responsable sûreté', 'Chef d’exploitation'],
  association: ['Directrice', 'Président', 'Médiateur', 'Juriste', 'Coordinatrice'],
  quartier: ['Directrice', 'Animateur jeunesse', 'Référente familles'],
  mission_locale: ['Conseillère en insertion', 'Directeur'],
  caf: ['Conseiller technique', 'Responsable d’antenne'],
  commerce: ['Président', 'Trésorière'],
  sdis: ['Chef de centre', 'Lieutenant'],
  sante: ['Psychiatre', 'Cadre de santé', 'Psychologue'],
  other: ['Président', 'Bénévole référente'],
};

export const AXIS_THEMES = [
  'Prévention de la délinquance des mineurs et des jeunes majeurs',
  'Tranquillité publique et présence de terrain',
  'Aide aux victimes et aux personnes vulnérables',
  'Prévention de la radicalisation',
  'Sécurité routière et prévention des conduites à risque',
  'Lutte contre les addictions',
];

export const OBJECTIVE_VERBS = ['Renforcer', 'Développer', 'Coordonner', 'Prévenir', 'Accompagner', 'Structurer', 'Évaluer', 'Soutenir'];
export const OBJECTIVE_TOPICS = [
  'la présence éducative de rue', 'le repérage précoce des jeunes exposés', 'l’accueil des victimes', 'la médiation sociale',
  'la prévention en milieu scolaire', 'la parentalité', 'la vidéoprotection', 'la coordination des polices', 'l’accès au droit',
  'l’insertion des jeunes', 'la lutte contre le harcèlement', 'la tranquillité des transports', 'la prévention des addictions',
  'la prévention des rixes', 'le soutien aux personnes âgées isolées', 'la sécurité des commerces',
];

export const ACTION_NOUNS = [
  'Ateliers', 'Permanences', 'Maraudes', 'Sessions de sensibilisation', 'Chantiers éducatifs', 'Forum', 'Formation', 'Protocole',
  'Cellule de suivi', 'Guide pratique', 'Dispositif', 'Campagne d’information', 'Stages', 'Patrouilles',
];
export const ACTION_OBJECTS = [
  'sur les usages du numérique', 'pour les parents', 'aux abords des établissements', 'dans les transports en commun',
  'sur les violences intrafamiliales', 'pour les commerçants', 'de citoyenneté', 'en soirée dans les quartiers',
  'sur les conduites addictives', 'de prévention routière', 'pour les professionnels de première ligne', 'd’accès au droit',
  'contre le harcèlement', 'pour les jeunes majeurs', 'd’été', 'de médiation par les pairs',
];

export const PUBLICS = ['Collégiens', 'Lycéens', 'Parents', 'Jeunes de 16 à 25 ans', 'Victimes', 'Habitants', 'Commerçants', 'Professionnels', 'Personnes âgées'];

export const SENTENCES = [
  'Le pilote présente l’état d’avancement et les difficultés rencontrées depuis la dernière réunion.',
  'Les partenaires soulignent la bonne coordination entre les services sur le terrain.',
  'Un point d’étape sera transmis au coordonnateur avant la prochaine formation restreinte.',
  'La fréquentation est en hausse par rapport à la même période de l’année précédente.',
  'Les financements obtenus couvrent la première phase ; une demande complémentaire est en préparation.',
  'Le calendrier initial est maintenu malgré le retard pris pendant les vacances scolaires.',
  'Les indicateurs montrent une amélioration nette depuis le lancement de l’action.',
  'Plusieurs participants demandent que le dispositif soit étendu aux quartiers voisins.',
  'Le bailleur confirme la mise à disposition d’un local pour les permanences.',
  'La police municipale signale une baisse des appels pour nuisances en soirée.',
  'Les établissements scolaires souhaitent être associés plus tôt à la préparation des séances.',
  'Le questionnaire de satisfaction sera diffusé aux familles à la fin du cycle.',
  'Un bilan chiffré sera présenté à la prochaine formation plénière.',
  'La mission locale a reçu la majorité des jeunes orientés par les éducateurs.',
  'Le comité relève la nécessité de mieux partager les informations entre partenaires.',
  'Les statistiques transmises par les services de l’État confirment la tendance observée sur le terrain.',
  'L’association rappelle que ses moyens humains sont limités jusqu’à la fin de l’année.',
  'Le représentant du parquet précise les suites données aux procédures engagées.',
  'Le groupe propose d’adapter les horaires pour toucher davantage de jeunes.',
  'Les échanges portent sur la répartition des rôles entre les différents partenaires.',
];

export const CONF_SENTENCES = [
  'Situation suivie par les partenaires ; pas de fait nouveau depuis la dernière réunion.',
  'La famille a accepté l’accompagnement proposé ; un point sera fait à la prochaine cellule.',
  'Signalement effectué par l’établissement ; l’évaluation est en cours.',
  'Orientation vers le dispositif de droit commun ; la cellule ne suit plus la situation.',
  'Amélioration constatée par les professionnels ; vigilance maintenue.',
  'Nouvel incident signalé ; le partenaire référent prendra contact avec la famille.',
  'Mise à l’abri réalisée ; accompagnement juridique en place.',
  'Le jeune a été reçu par l’éducateur ; une inscription en formation est envisagée.',
];

export const DECISION_TEXTS = [
  'Transmettre un point d’étape écrit avant la prochaine réunion.',
  'Étendre le dispositif à un second quartier à titre expérimental.',
  'Solliciter un financement complémentaire au titre du FIPDR.',
  'Organiser une réunion technique avec les partenaires concernés.',
  'Diffuser le bilan de l’action à l’ensemble des membres.',
  'Reporter la décision après l’avis des financeurs.',
  'Désigner un référent unique pour le suivi de l’action.',
  'Adapter le calendrier et présenter une nouvelle échéance.',
];

export const CONF_DECISION_TEXTS = [
  'Proposer un accompagnement par le partenaire référent et faire un retour à la prochaine cellule.',
  'Orienter vers le point écoute et informer l’établissement scolaire.',
  'Mettre à l’abri et proposer un accompagnement juridique.',
  'Transmettre une information préoccupante au département.',
  'Renforcer la présence de terrain aux horaires signalés.',
  'Clore la situation et maintenir une veille par le partenaire référent.',
];

export const CELLULE_THEMES = [
  'violences intrafamiliales', 'harcèlement scolaire', 'rixes entre quartiers', 'rodéos motorisés', 'nuisances nocturnes',
  'décrochage scolaire', 'prostitution de mineurs', 'trafic de stupéfiants', 'radicalisation', 'personnes âgées isolées',
  'sécurité des transports', 'squats et occupations de halls',
];
