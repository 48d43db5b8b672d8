// Builds realistic datastores for the document tests and benchmarks (a commune, its plan, meetings, members).
import { presetCategories } from '../../src/main/services/categories';
import type {
  Action,
  AgendaItem,
  Attendance,
  Datastore,
  Decision,
  Instance,
  Invitee,
  Meeting,
  Membership,
  Organisation,
  Person,
} from '../../src/shared/model';
import { SCHEMA_VERSION } from '../../src/shared/model';

export interface FixtureOptions {
  /** Actions in the plan (spread over 3 axes × 3 objectives). */
  actions?: number;
  /** Agenda items of the plenary meeting. */
  agendaItems?: number;
  /** Invitees of the plenary meeting. */
  invitees?: number;
  /** Adds hostile text everywhere (emoji, RTL, controls, long words, huge notes). */
  hostile?: boolean;
  /** Reference "today". */
  today?: string;
}

const AT = '2026-01-05T09:00:00.000Z';

const ORGS: [string, string, string, string, string, string][] = [
  // id, category, name, person first, last, job
  ['org_pref', 'prefecture', 'Préfecture du Loiret', 'Sophie', 'Lemaître', 'Préfète'],
  ['org_spref', 'prefecture', 'Sous-préfecture de Montargis', 'Éric', 'Dubois', 'Délégué du préfet'],
  ['org_parquet', 'justice', 'Parquet du tribunal judiciaire d’Orléans', 'Hélène', 'Garnier', 'Procureure de la République'],
  ['org_pjj', 'justice', 'Protection judiciaire de la jeunesse', 'Karim', 'Benali', 'Directeur territorial'],
  ['org_dsp', 'police_nationale', 'Commissariat de police de Valmont', 'Thierry', 'Roussel', 'Commissaire divisionnaire'],
  ['org_pm', 'police_municipale', 'Police municipale de Valmont-sur-Loire', 'Nadia', 'Ferreira', 'Cheffe de service'],
  ['org_college', 'education', 'Collège Jean-Zay', 'François', 'Lefèvre', 'Principal'],
  ['org_dep', 'departement', 'Conseil départemental du Loiret — ASE', 'Amélie', 'Charpentier', 'Responsable de territoire'],
  ['org_ccas', 'commune', 'CCAS de Valmont-sur-Loire', 'Léa', 'Moreau', 'Directrice'],
  ['org_bailleur', 'bailleur', 'Valloire Habitat', 'Jérôme', 'Petit', 'Responsable de secteur'],
  ['org_france_victimes', 'association', 'France Victimes 45', 'Chloé', 'Renaud', 'Juriste'],
  ['org_mission', 'mission_locale', 'Mission locale de l’Est du Loiret', 'Bastien', 'Girard', 'Conseiller en insertion'],
];

const HOSTILE = {
  emoji: 'Réunion 🎉🦄👩‍👩‍👧 avec émojis ✅',
  rtl: 'שלום עולם — مرحبا بالعالم — texte mixte',
  control: 'Texte\u0000avec\u0007des\u001bcaractères\u0008de contrôle\u202e inversé',
  longWord: 'A'.repeat(150) + 'É'.repeat(150),
  hugeNote: Array.from({ length: 1700 }, (_, i) => `Phrase ${i} : l’équipe a échangé sur la situation « n° 2026-0${i % 90} » ; est-ce réglé ? Oui !`).join(' ').slice(0, 100_000),
};

export function buildFixture(opts: FixtureOptions = {}): Datastore {
  const nActions = opts.actions ?? 24;
  const nItems = opts.agendaItems ?? 6;
  const nInvitees = opts.invitees ?? ORGS.length;
  const h = !!opts.hostile;
  const periodId = 'per_1';
  const organisations: Organisation[] = [];
  const people: Person[] = [];
  ORGS.forEach(([id, categoryId, name, firstName, lastName, jobTitle]) => {
    organisations.push({ id, name: h && id === 'org_ccas' ? `${name} ${HOSTILE.emoji}` : name, categoryId, archived: false, createdAt: AT, updatedAt: AT });
    people.push({
      id: `per_${id}`,
      organisationId: id,
      civility: /e$|Hélène|Sophie|Nadia|Amélie|Léa|Chloé/.test(firstName) && !/Jérôme|Thierry/.test(firstName) ? 'Mme' : 'M.',
      firstName,
      lastName: h && id === 'org_mission' ? HOSTILE.rtl : lastName,
      jobTitle,
      createdAt: AT,
      updatedAt: AT,
    });
  });
  // Extra people so that 200 invitees can be built.
  for (let i = 0; people.length < nInvitees; i++) {
    const org = ORGS[i % ORGS.length][0];
    people.push({ id: `per_x${i}`, organisationId: org, civility: i % 2 ? 'Mme' : 'M.', firstName: `Prénom${i}`, lastName: `Participant ${i}`, jobTitle: 'Chargé de mission', createdAt: AT, updatedAt: AT });
  }
  const axes = [
    'Prévention de la délinquance auprès de l’enfance et de la jeunesse',
    'Renforcement de la tranquillité publique',
    'Aide aux personnes vulnérables et aux victimes',
  ].map((title, i) => ({ id: `axe_${i + 1}`, periodId, order: i + 1, title, colour: ['#1f5fa8', '#b35c00', '#2e7d5b'][i], archived: false }));
  const objectiveTitles = [
    ['Prévenir le décrochage scolaire', 'Soutenir la parentalité', 'Repérer précocement les jeunes exposés'],
    ['Renforcer la présence de terrain', 'Sécuriser les abords des établissements scolaires', 'Développer la vidéoprotection'],
    ['Accompagner les victimes de violences intrafamiliales', 'Lutter contre le harcèlement', 'Soutenir les familles en difficulté'],
  ];
  const objectives = axes.flatMap((a, i) =>
    objectiveTitles[i].map((title, j) => ({ id: `obj_${i + 1}_${j + 1}`, axisId: a.id, order: j + 1, title, archived: false })),
  );
  const statuses: Action['status'][] = ['planned', 'in_progress', 'in_progress', 'done', 'postponed', 'in_progress', 'abandoned'];
  const actions: Action[] = [];
  for (let i = 0; i < nActions; i++) {
    const obj = objectives[i % objectives.length];
    const axisN = Number(obj.id.split('_')[1]);
    const objN = Number(obj.id.split('_')[2]);
    const k = Math.floor(i / objectives.length) + 1;
    const org = ORGS[i % ORGS.length][0];
    const status = statuses[i % statuses.length];
    actions.push({
      id: `act_${i + 1}`,
      periodId,
      objectiveId: obj.id,
      code: `A${axisN}.${objN}.${k}`,
      title: h && i === 0 ? `${HOSTILE.emoji} ${HOSTILE.longWord}` : `Action ${i + 1} : interventions de prévention auprès des élèves de ${['sixième', 'cinquième', 'quatrième', 'troisième'][i % 4]} du quartier des Aubiers`,
      nationalMeasures: ['Mesure 3 — prévenir l’entrée des jeunes dans la délinquance'],
      context: h && i === 0 ? HOSTILE.hugeNote : 'Hausse des faits de harcèlement signalés par les établissements (+18 % en un an).',
      description: h && i === 0 ? HOSTILE.control : 'Séances de sensibilisation animées par la police municipale et l’association France Victimes.',
      modalities: 'Deux séances par classe et par trimestre ; bilan partagé en comité de pilotage.',
      pilot: { organisationId: org, personId: `per_${org}` },
      partners: [
        { organisationId: 'org_college', role: 'associate' },
        { organisationId: 'org_dep', role: 'funder', note: 'Cofinancement 2026' },
      ],
      targetPublic: 'Élèves de 11 à 15 ans',
      territory: 'Quartier des Aubiers',
      startDate: '2025-09-01',
      endDate: i % 5 === 0 ? '2025-12-31' : '2026-12-31',
      milestones: [
        { id: `mil_${i}_1`, title: 'Convention signée', dueDate: '2025-10-15', doneAt: '2025-10-10' },
        { id: `mil_${i}_2`, title: 'Bilan intermédiaire', dueDate: '2026-03-31' },
      ],
      means: 'Deux agents de police municipale, une juriste, salle du collège.',
      funding: [
        { id: `fun_${i}_1`, funder: 'FIPDR', year: 2026, requested: 12_500, obtained: 10_000, spent: 4_250.5 },
        { id: `fun_${i}_2`, funder: 'Commune', year: 2026, requested: 5_000, obtained: 5_000, spent: 2_000 },
      ],
      indicators: [
        {
          id: `ind_${i}_1`,
          title: 'Élèves sensibilisés',
          unit: 'élèves',
          type: 'output',
          baseline: 0,
          target: 400,
          targetDate: '2026-12-31',
          source: 'Feuilles de présence',
          frequency: 'Trimestrielle',
          responsibleOrganisationId: 'org_pm',
          measurements: [
            { id: `mea_${i}_1`, date: '2025-12-31', value: 80 + (i % 5) * 10 },
            { id: `mea_${i}_2`, date: '2026-03-31', value: 160 + (i % 7) * 15, comment: 'Deux classes supplémentaires' },
            { id: `mea_${i}_3`, date: '2026-06-30', value: 230 + (i % 3) * 40 },
            { id: `mea_${i}_4`, date: '2026-09-30', value: 310 + (i % 4) * 30 },
          ],
        },
      ],
      status,
      progress: status === 'done' ? 100 : status === 'planned' ? 0 : 20 + (i * 7) % 70,
      followingInstanceId: 'ins_copil',
      attachments: [],
      journal: [
        { id: `jou_${i}_1`, at: '2025-09-01T08:00:00.000Z', field: 'created' },
        { id: `jou_${i}_2`, at: '2026-03-02T10:00:00.000Z', field: 'status', from: 'planned', to: 'in_progress', comment: 'Lancement après signature de la convention.' },
        { id: `jou_${i}_3`, at: '2026-06-15T10:00:00.000Z', field: 'progress', from: '20', to: '45', meetingId: 'mee_copil' },
      ],
      lastUpdateAt: i % 6 === 0 ? '2025-10-01T10:00:00.000Z' : '2026-09-15T10:00:00.000Z',
      archived: false,
      createdAt: AT,
      updatedAt: AT,
    });
  }
  const instances: Instance[] = [
    { id: 'ins_pleniere', name: 'Formation plénière', kind: 'plenary', confidentiality: 'public', status: 'active', createdAt: AT, updatedAt: AT },
    { id: 'ins_copil', name: 'Formation restreinte (comité de pilotage)', kind: 'restricted', confidentiality: 'restricted', status: 'active', createdAt: AT, updatedAt: AT },
    { id: 'ins_vif', name: 'Cellule de veille violences intrafamiliales', kind: 'working_group', confidentiality: 'confidential', status: 'active', createdAt: AT, updatedAt: AT },
  ];
  const memberships: Membership[] = [];
  people.slice(0, ORGS.length).forEach((p, i) => {
    memberships.push({ id: `mem_p_${i}`, instanceId: 'ins_pleniere', personId: p.id, organisationId: p.organisationId, role: i < 3 ? 'ex_officio' : i < 8 ? 'designated' : 'associated', seat: 'titular', startDate: '2024-04-01' });
    if (i % 2 === 0) memberships.push({ id: `mem_c_${i}`, instanceId: 'ins_copil', personId: p.id, organisationId: p.organisationId, role: 'designated', seat: 'titular', startDate: '2024-04-01' });
    if (i >= 4 && i < 10)
      memberships.push({ id: `mem_v_${i}`, instanceId: 'ins_vif', personId: p.id, organisationId: p.organisationId, role: 'designated', seat: i === 9 ? 'substitute' : 'titular', startDate: '2025-01-15', charterSignedAt: i === 8 ? undefined : '2025-01-20' });
  });

  const invitees: Invitee[] = people.slice(0, nInvitees).map((p, i) => ({ id: `inv_${i}`, personId: p.id, organisationId: p.organisationId }));
  invitees.push({ id: 'inv_guest', guestName: 'Mme Odile Martin', guestOrganisation: 'Association des commerçants du centre', guestJobTitle: 'Présidente' });
  const attendanceCycle: Attendance['status'][] = ['present', 'present', 'present', 'excused', 'represented', 'present', 'absent'];
  const attendance: Attendance[] = invitees.map((inv, i) => ({
    inviteeId: inv.id,
    status: attendanceCycle[i % attendanceCycle.length],
    ...(attendanceCycle[i % attendanceCycle.length] === 'represented' ? { representedByName: 'M. Paul Vasseur, adjoint' } : {}),
  }));
  const agenda: AgendaItem[] = [];
  for (let i = 0; i < nItems; i++) {
    if (i % 5 === 0) agenda.push({ id: `sec_${i}`, kind: 'section', title: `Partie ${i / 5 + 1} — ${['Bilan de l’année', 'Orientations', 'Questions diverses', 'Suivi des actions', 'Perspectives', 'Divers'][(i / 5) % 6]}`, durationMin: 0, linkedActionIds: [], notes: '' });
    agenda.push({
      id: `itm_${i}`,
      kind: 'item',
      title: h && i === 1 ? HOSTILE.emoji : `Point ${i + 1} : présentation du bilan de l’action « prévention routière » et des chiffres de la délinquance`,
      durationMin: 10 + (i % 4) * 5,
      presenter: i % 3 === 0 ? 'Mme la Préfète' : 'M. le Commissaire',
      linkedActionIds: [],
      chairNotes: 'Note du président à ne jamais imprimer.',
      notes:
        h && i === 0
          ? HOSTILE.hugeNote
          : h && i === 2
            ? `${HOSTILE.control}\n${HOSTILE.longWord}\n${HOSTILE.rtl}`
            : `Le commissaire présente les chiffres du trimestre : baisse de 12 % des cambriolages ; hausse des rodéos urbains.\nLes participants s’accordent sur la nécessité d’une présence renforcée aux abords du collège. L'adjointe demande : « quel calendrier ? » Réponse attendue avant l’été !`,
    });
  }
  const decisions: Decision[] = [];
  agenda
    .filter((a) => a.kind === 'item')
    .forEach((a, i) => {
      if (i % 2 === 0) decisions.push({ id: `dec_${i}`, agendaItemId: a.id, kind: 'decision', text: `Décision ${i + 1} : le conseil valide le programme d’interventions 2026-2027.`, status: 'open', createdAt: AT });
      if (i % 3 === 0)
        decisions.push({ id: `dac_${i}`, agendaItemId: a.id, kind: 'action', text: `Organiser une réunion de coordination avec les bailleurs (point ${i + 1}).`, pilotOrganisationId: 'org_bailleur', dueDate: '2026-11-30', status: 'open', createdAt: AT });
    });
  const base = {
    startTime: '14:30',
    plannedEndTime: '17:00',
    place: 'Salle du conseil municipal, hôtel de ville, 1 place de la République',
    invitees,
    attendance,
    decisions,
    generalNotes: 'Les membres remercient le collège pour son accueil.',
    createdAt: AT,
    updatedAt: AT,
  };
  const meetings: Meeting[] = [
    { ...base, id: 'mee_pleniere', instanceId: 'ins_pleniere', title: h ? `Séance plénière ${HOSTILE.emoji}` : 'Séance plénière annuelle', date: '2026-03-03', confidentiality: 'public', status: 'validated', agenda, nextMeetingDate: '2027-03-02' },
    { ...base, id: 'mee_copil', instanceId: 'ins_copil', title: 'Comité de pilotage du 2e trimestre', date: '2026-06-11', confidentiality: 'restricted', status: 'held', agenda: agenda.slice(0, 4) },
    {
      ...base,
      id: 'mee_vif',
      instanceId: 'ins_vif',
      title: 'Cellule de veille VIF — octobre',
      date: '2026-10-08',
      startTime: '09:00',
      plannedEndTime: undefined,
      confidentiality: 'confidential',
      status: 'held',
      agenda: [
        { id: 'vif_1', kind: 'item', title: 'Situation n° 2026-014', durationMin: 20, linkedActionIds: [], notes: 'NOTE-CONFIDENTIELLE : détails de la vie privée à ne jamais imprimer.', chairNotes: 'SECRET' },
        { id: 'vif_2', kind: 'item', title: 'Situation n° 2026-015', durationMin: 20, linkedActionIds: [], notes: 'NOTE-CONFIDENTIELLE bis' },
      ],
      invitees: invitees.slice(4, 10),
      attendance: attendance.slice(4, 10),
      decisions: [
        { id: 'vd1', agendaItemId: 'vif_1', kind: 'decision', text: 'Orientation vers l’intervenant social en commissariat.', situationRef: 'situation n° 2026-014', status: 'open', createdAt: AT },
        { id: 'vd2', agendaItemId: 'vif_2', kind: 'action', text: 'Proposer un accompagnement par France Victimes.', situationRef: 'situation n° 2026-015', pilotOrganisationId: 'org_france_victimes', dueDate: '2026-10-31', status: 'open', createdAt: AT },
      ],
      generalNotes: 'NOTE-CONFIDENTIELLE générale',
    },
    { ...base, id: 'mee_draft', instanceId: 'ins_copil', title: 'Comité de pilotage du 4e trimestre', date: '2026-12-10', confidentiality: 'restricted', status: 'draft', agenda: [], invitees: [], attendance: [], decisions: [], generalNotes: '' },
  ];
  return {
    schemaVersion: SCHEMA_VERSION,
      purgeLog: [],
    settings: {
      communeName: 'Valmont-sur-Loire',
      councilAcronym: 'CLSPDR',
      councilName: 'Conseil local de sécurité, de prévention de la délinquance et de la radicalisation',
      presidentName: 'Claire Morel',
      presidentTitle: 'La Maire, présidente du CLSPDR',
      coordinatorName: 'Julien Perrin',
      coordinatorEmail: 'clspd@valmont-sur-loire.fr',
      coordinatorPhone: '02 38 00 00 00',
      address: '1 place de la République, 45000 Valmont-sur-Loire',
      activePeriodId: periodId,
      staleAfterMonths: 6,
      configured: true,
      demo: false,
    },
    categories: presetCategories(),
    organisations,
    people,
    instances,
    memberships,
    periods: [{ id: periodId, title: 'Stratégie territoriale 2025–2027', startYear: 2025, endYear: 2027, status: 'active' }],
    axes,
    objectives,
    actions,
    meetings,
  };
}
