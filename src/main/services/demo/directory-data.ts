// Demo commune's partner institutions and their fictional contacts (no real person's name).
import type { Person } from '../../../shared/model';

export interface DemoPersonSpec {
  key: string;
  civility: Person['civility'];
  firstName: string;
  lastName: string;
  jobTitle: string;
  mobile?: boolean;
}

export interface DemoOrgSpec {
  key: string;
  name: string;
  shortName?: string;
  categoryId: string;
  address: string;
  domain: string;
  website?: boolean;
  notes?: string;
  people: DemoPersonSpec[];
}

export const COMMUNE = 'Valmont-sur-Loire';
export const POSTCODE = '49480';
const town = `${POSTCODE} ${COMMUNE}`;

/** Institutions in protocol order inside each category. Phone numbers use the ranges reserved for fiction. */
export const DEMO_ORGS: DemoOrgSpec[] = [
  {
    key: 'prefecture',
    name: 'Préfecture de Loire-et-Brenne — cabinet du préfet',
    shortName: 'Préfecture',
    categoryId: 'prefecture',
    address: '12 rue de la Préfecture, 49000 Montreval',
    domain: 'loire-et-brenne.gouv.example',
    notes: 'Nouveau préfet installé récemment : mettre à jour l’arrêté de composition du CLSPDR.',
    people: [
      { key: 'prefet', civility: 'M.', firstName: 'Hervé', lastName: 'Castaing', jobTitle: 'Préfet de Loire-et-Brenne' },
      { key: 'prefetOld', civility: 'M.', firstName: 'Bernard', lastName: 'Quillet', jobTitle: 'Préfet de Loire-et-Brenne (jusqu’à sa mutation)' },
      { key: 'dircab', civility: 'Mme', firstName: 'Sophie', lastName: 'Garnier', jobTitle: 'Directrice de cabinet du préfet' },
      { key: 'delegue', civility: 'M.', firstName: 'Karim', lastName: 'Benali', jobTitle: 'Délégué du préfet — politique de la ville', mobile: true },
    ],
  },
  {
    key: 'parquet',
    name: 'Parquet du tribunal judiciaire de Montreval',
    shortName: 'Parquet',
    categoryId: 'justice',
    address: '3 place du Palais, 49000 Montreval',
    domain: 'justice.gouv.example',
    people: [
      { key: 'procureure', civility: 'Mme', firstName: 'Anne-Laure', lastName: 'Vidal', jobTitle: 'Procureure de la République' },
      { key: 'substitut', civility: 'M.', firstName: 'Thomas', lastName: 'Renaud', jobTitle: 'Substitut du procureur, référent politique de la ville' },
    ],
  },
  {
    key: 'pjj',
    name: 'Protection judiciaire de la jeunesse — UEMO de Montreval',
    shortName: 'PJJ',
    categoryId: 'justice',
    address: '28 avenue de la Gare, 49000 Montreval',
    domain: 'justice.gouv.example',
    people: [{ key: 'pjjDir', civility: 'Mme', firstName: 'Nadia', lastName: 'Haddad', jobTitle: 'Directrice de l’unité éducative de milieu ouvert' }],
  },
  {
    key: 'mjd',
    name: 'Maison de justice et du droit de Valmont',
    shortName: 'MJD',
    categoryId: 'justice',
    address: `5 rue des Écoles, ${town}`,
    domain: 'justice.gouv.example',
    people: [{ key: 'mjdGreffier', civility: 'M.', firstName: 'Gilles', lastName: 'Ferrand', jobTitle: 'Greffier, responsable de la maison de justice et du droit' }],
  },
  {
    key: 'commissariat',
    name: 'Commissariat de police de Valmont-sur-Loire',
    shortName: 'Commissariat',
    categoryId: 'police_nationale',
    address: `1 boulevard de la Liberté, ${town}`,
    domain: 'interieur.gouv.example',
    people: [
      { key: 'commissaire', civility: 'M.', firstName: 'Olivier', lastName: 'Dubreuil', jobTitle: 'Commissaire, chef de la circonscription de sécurité publique' },
      { key: 'commandante', civility: 'Mme', firstName: 'Élodie', lastName: 'Carpentier', jobTitle: 'Commandante, adjointe au chef de circonscription' },
      { key: 'bpf', civility: 'M.', firstName: 'Stéphane', lastName: 'Guérin', jobTitle: 'Brigadier-chef, brigade de protection des familles' },
    ],
  },
  {
    key: 'gendarmerie',
    name: 'Compagnie de gendarmerie départementale de Montreval',
    shortName: 'Gendarmerie',
    categoryId: 'gendarmerie',
    address: '40 route de Saumery, 49000 Montreval',
    domain: 'gendarmerie.interieur.gouv.example',
    people: [{ key: 'capitaine', civility: 'M.', firstName: 'Antoine', lastName: 'Desforges', jobTitle: 'Capitaine, commandant de compagnie' }],
  },
  {
    key: 'pm',
    name: 'Police municipale de Valmont-sur-Loire',
    shortName: 'Police municipale',
    categoryId: 'police_municipale',
    address: `Place de l’Hôtel-de-Ville, ${town}`,
    domain: 'valmont-sur-loire.example',
    people: [
      { key: 'pmChef', civility: 'M.', firstName: 'Franck', lastName: 'Delorme', jobTitle: 'Chef de service de police municipale' },
      { key: 'pmAdj', civility: 'Mme', firstName: 'Laura', lastName: 'Besnard', jobTitle: 'Brigadière-cheffe principale', mobile: true },
    ],
  },
  {
    key: 'iscg',
    name: 'Intervenante sociale en commissariat de Valmont',
    shortName: 'ISC',
    categoryId: 'isc',
    address: `1 boulevard de la Liberté, ${town}`,
    domain: 'valmont-sur-loire.example',
    people: [{ key: 'isc', civility: 'Mme', firstName: 'Camille', lastName: 'Roussel', jobTitle: 'Intervenante sociale en commissariat', mobile: true }],
  },
  {
    key: 'dsden',
    name: 'Direction des services départementaux de l’Éducation nationale — circonscription de Valmont',
    shortName: 'DSDEN',
    categoryId: 'education',
    address: '9 rue Lamartine, 49000 Montreval',
    domain: 'ac-montreval.example',
    people: [{ key: 'ien', civility: 'Mme', firstName: 'Martine', lastName: 'Texier', jobTitle: 'Inspectrice de l’Éducation nationale' }],
  },
  {
    key: 'college',
    name: 'Collège des Tilleuls',
    categoryId: 'education',
    address: `18 allée des Tilleuls, ${town}`,
    domain: 'ac-montreval.example',
    people: [
      { key: 'principale', civility: 'Mme', firstName: 'Isabelle', lastName: 'Leroy', jobTitle: 'Principale' },
      { key: 'cpe', civility: 'M.', firstName: 'Mehdi', lastName: 'Saïdi', jobTitle: 'Conseiller principal d’éducation' },
    ],
  },
  {
    key: 'lycee',
    name: 'Lycée professionnel des Rives',
    categoryId: 'education',
    address: `2 quai des Mariniers, ${town}`,
    domain: 'ac-montreval.example',
    people: [{ key: 'proviseur', civility: 'M.', firstName: 'Pascal', lastName: 'Jourdan', jobTitle: 'Proviseur' }],
  },
  {
    key: 'mds',
    name: 'Conseil départemental — Maison départementale des solidarités de Valmont',
    shortName: 'MDS',
    categoryId: 'departement',
    address: `7 rue du Docteur-Roux, ${town}`,
    domain: 'loire-et-brenne-departement.example',
    people: [
      { key: 'mdsResp', civility: 'Mme', firstName: 'Hélène', lastName: 'Marsac', jobTitle: 'Responsable de la maison départementale des solidarités' },
      { key: 'ase', civility: 'M.', firstName: 'Fabrice', lastName: 'Nguyen', jobTitle: 'Référent aide sociale à l’enfance' },
    ],
  },
  {
    key: 'mairie',
    name: 'Mairie de Valmont-sur-Loire',
    shortName: 'Mairie',
    categoryId: 'commune',
    address: `Place de l’Hôtel-de-Ville, ${town}`,
    domain: 'valmont-sur-loire.example',
    website: true,
    people: [
      { key: 'maire', civility: 'Mme', firstName: 'Claire', lastName: 'Morel', jobTitle: 'Maire, présidente du CLSPDR' },
      { key: 'adjoint', civility: 'M.', firstName: 'Patrick', lastName: 'Vernier', jobTitle: 'Adjoint au maire délégué à la tranquillité publique' },
      { key: 'coord', civility: 'M.', firstName: 'Julien', lastName: 'Perrin', jobTitle: 'Coordonnateur du CLSPDR', mobile: true },
    ],
  },
  {
    key: 'ccas',
    name: 'Centre communal d’action sociale (CCAS)',
    shortName: 'CCAS',
    categoryId: 'commune',
    address: `4 rue de la Solidarité, ${town}`,
    domain: 'valmont-sur-loire.example',
    people: [{ key: 'ccasDir', civility: 'Mme', firstName: 'Sandrine', lastName: 'Aubry', jobTitle: 'Directrice du CCAS' }],
  },
  {
    key: 'pre',
    name: 'Programme de réussite éducative et service jeunesse',
    shortName: 'PRE',
    categoryId: 'commune',
    address: `11 rue Victor-Hugo, ${town}`,
    domain: 'valmont-sur-loire.example',
    people: [{ key: 'preCoord', civility: 'M.', firstName: 'Yannick', lastName: 'Le Goff', jobTitle: 'Coordonnateur du programme de réussite éducative' }],
  },
  {
    key: 'habitat',
    name: 'Valmont Habitat (office public de l’habitat)',
    shortName: 'Valmont Habitat',
    categoryId: 'bailleur',
    address: `25 avenue de la Loire, ${town}`,
    domain: 'valmont-habitat.example',
    people: [
      { key: 'habitatResp', civility: 'M.', firstName: 'Damien', lastName: 'Lacombe', jobTitle: 'Responsable de la gestion de proximité' },
      { key: 'gardienne', civility: 'Mme', firstName: 'Aïcha', lastName: 'Mansour', jobTitle: 'Chargée de proximité, secteur des Tilleuls', mobile: true },
    ],
  },
  {
    key: 'valbus',
    name: 'Valbus — réseau de transport urbain',
    shortName: 'Valbus',
    categoryId: 'transport',
    address: `Dépôt des Prés, rue de l’Industrie, ${town}`,
    domain: 'valbus.example',
    people: [{ key: 'valbusSurete', civility: 'M.', firstName: 'Romain', lastName: 'Tessier', jobTitle: 'Responsable sûreté du réseau' }],
  },
  {
    key: 'victimes',
    name: 'Écoute Victimes Loire-et-Brenne (association d’aide aux victimes)',
    shortName: 'Écoute Victimes',
    categoryId: 'association',
    address: '15 rue Carnot, 49000 Montreval',
    domain: 'ecoute-victimes.example',
    people: [{ key: 'victimesDir', civility: 'Mme', firstName: 'Véronique', lastName: 'Salaün', jobTitle: 'Directrice, juriste' }],
  },
  {
    key: 'mediation',
    name: 'Trait d’Union Médiation',
    categoryId: 'association',
    address: `6 place du Marché, ${town}`,
    domain: 'trait-union-mediation.example',
    people: [
      { key: 'mediationCoord', civility: 'M.', firstName: 'Youssef', lastName: 'El Amrani', jobTitle: 'Coordinateur de la médiation sociale' },
      { key: 'mediatrice', civility: 'Mme', firstName: 'Manon', lastName: 'Giraud', jobTitle: 'Médiatrice sociale', mobile: true },
    ],
  },
  {
    key: 'horizon',
    name: 'Association Horizon — prévention spécialisée',
    shortName: 'Horizon',
    categoryId: 'association',
    address: `3 rue des Lilas, ${town}`,
    domain: 'horizon-prevention.example',
    people: [{ key: 'horizonChef', civility: 'M.', firstName: 'Bruno', lastName: 'Lefèvre', jobTitle: 'Chef de service éducatif' }],
  },
  {
    key: 'femmes',
    name: 'Collectif pour la Maison des femmes du Val',
    shortName: 'Maison des femmes',
    categoryId: 'association',
    address: `Centre hospitalier, rue de l’Hôpital, ${town}`,
    domain: 'maison-femmes-val.example',
    people: [{ key: 'femmesPres', civility: 'Mme', firstName: 'Inès', lastName: 'Carvalho', jobTitle: 'Présidente' }],
  },
  {
    key: 'centreSocial',
    name: 'Centre social des Tilleuls',
    categoryId: 'quartier',
    address: `2 square des Tilleuls, ${town}`,
    domain: 'centre-social-tilleuls.example',
    people: [
      { key: 'csDir', civility: 'Mme', firstName: 'Nathalie', lastName: 'Berthier', jobTitle: 'Directrice' },
      { key: 'animateur', civility: 'M.', firstName: 'Sofiane', lastName: 'Kaci', jobTitle: 'Animateur jeunesse', mobile: true },
    ],
  },
  {
    key: 'missionLocale',
    name: 'Mission locale de Valmont et des Coteaux',
    shortName: 'Mission locale',
    categoryId: 'mission_locale',
    address: `20 rue Nationale, ${town}`,
    domain: 'ml-valmont.example',
    people: [{ key: 'mlConseillere', civility: 'Mme', firstName: 'Céline', lastName: 'Prévost', jobTitle: 'Conseillère en insertion, référente justice' }],
  },
  {
    key: 'caf',
    name: 'Caisse d’allocations familiales de Loire-et-Brenne',
    shortName: 'CAF',
    categoryId: 'caf',
    address: '1 rue de la Sécurité-Sociale, 49000 Montreval',
    domain: 'caf-loire-et-brenne.example',
    people: [{ key: 'cafConseiller', civility: 'M.', firstName: 'Jean-Marc', lastName: 'Delaunay', jobTitle: 'Conseiller technique parentalité' }],
  },
  {
    key: 'commercants',
    name: 'Union des commerçants et artisans de Valmont',
    shortName: 'UCAV',
    categoryId: 'commerce',
    address: `8 rue du Commerce, ${town}`,
    domain: 'ucav-valmont.example',
    people: [{ key: 'ucavPres', civility: 'M.', firstName: 'Philippe', lastName: 'Kessler', jobTitle: 'Président' }],
  },
  {
    key: 'sdis',
    name: 'SDIS de Loire-et-Brenne — centre d’incendie et de secours de Valmont',
    shortName: 'SDIS',
    categoryId: 'sdis',
    address: `Route de la Levée, ${town}`,
    domain: 'sdis-loire-et-brenne.example',
    people: [{ key: 'chefCentre', civility: 'M.', firstName: 'Cédric', lastName: 'Rolland', jobTitle: 'Lieutenant, chef de centre' }],
  },
  {
    key: 'cmp',
    name: 'Centre hospitalier de Valmont — CMP enfants et adolescents',
    shortName: 'CMP',
    categoryId: 'sante',
    address: `Rue de l’Hôpital, ${town}`,
    domain: 'ch-valmont.example',
    people: [{ key: 'pedopsy', civility: 'Mme', firstName: 'Agnès', lastName: 'Daumier', jobTitle: 'Pédopsychiatre, responsable du CMP' }],
  },
];
